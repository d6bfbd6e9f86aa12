// Which section of the report each record belongs to: the section of its cell or code, or, for
// a cell the source does not show (a title built at run time that matched nothing), the section
// of the record before it.

/// The run's records grouped by the section they are shown in.
struct CellPlacement {
    private var bySection: [Int: [CellRecord]] = [:]
    /// Records shown after every section (no section to follow).
    private(set) var unplaced: [CellRecord] = []

    init(_ records: [CellRecord]) {
        var lastSection: Int?
        for record in records {
            if let section = record.section ?? lastSection {
                bySection[section, default: []].append(record)
                lastSection = section
            } else {
                unplaced.append(record)
            }
        }
    }

    /// The records shown in section `index`, in the order they ran.
    func records(of index: Int) -> [CellRecord] { bySection[index] ?? [] }
}
