// Everything a cached cell's result can depend on, kept in a form that can both be hashed into
// the cell's cache key and compared with the last run's, so that a cell that runs again can say
// why: its code, the code above it (which cell), the parameters (which), the library (which
// files). Prose is not an ingredient: editing it reruns nothing.

/// What a cached cell's result depends on, as known before it runs.
struct CellIngredients: Codable, Equatable {
    /// The code of one source cell, with the code between it and the cell before it.
    struct CodePart: Codable, Equatable {
        /// The cell's title as written.
        var cell: String
        /// SHA-256 hex of the code.
        var hash: String
    }

    /// The title at run time, and which call of that title it is (cells called in a loop).
    var title: String
    var occurrence: Int
    /// The Swift type of the cell's value.
    var valueType: String
    /// One part per source cell from the first through this one, in order.
    var code: [CodePart]
    var parameters: RunParameters
    /// The linked library's files, if the host gave a fingerprint.
    var library: LibraryFingerprint?

    /// The cache key: 64 hex digits hashing every ingredient.
    var key: String {
        let material =
            [
                CacheKey.version,
                "title: \(title) #\(occurrence)",
                "value: \(valueType)",
                "profile: \(parameters.profile.rawValue)",
                "seed: \(parameters.seed)",
                "trials: \(parameters.trials.map(String.init) ?? "profile default")",
                "data: \(parameters.dataFolder ?? "default")",
                "library: \(library?.digest ?? "none")",
                "code:",
            ] + code.map { "\($0.cell): \($0.hash)" }
        return SHA256.hex(material.joined(separator: "\n"))
    }

    /// The ingredients of source cell `index` of `cells`, called with `title` for the
    /// `occurrence`-th time.
    static func of(
        cell index: Int, in cells: [SourceCell], title: String, occurrence: Int, valueType: String,
        parameters: RunParameters, library: LibraryFingerprint?
    ) -> CellIngredients {
        var parts: [CodePart] = []
        var above = ""
        for cell in cells[...index] {
            let through = cell.codeThroughCell
            let own = through.hasPrefix(above) ? String(through.dropFirst(above.count)) : through
            parts.append(CodePart(cell: cell.writtenTitle, hash: SHA256.hex(own)))
            above = through
        }
        return CellIngredients(
            title: title, occurrence: occurrence, valueType: valueType, code: parts, parameters: parameters,
            library: library)
    }

    /// Why a cell with these ingredients cannot use the result computed with `earlier`'s, in
    /// the order a reader checks them; empty when nothing differs.
    func differences(from earlier: CellIngredients) -> [RerunReason] {
        var reasons: [RerunReason] = []
        let shared = min(code.count, earlier.code.count)
        if let changed = (0..<shared).first(where: { code[$0] != earlier.code[$0] })
            ?? (code.count == earlier.code.count ? nil : shared)
        {
            reasons.append(changed >= code.count - 1 ? .ownCodeChanged : .codeAboveChanged(cell: code[changed].cell))
        }
        if valueType != earlier.valueType { reasons.append(.ownCodeChanged) }
        let changedParameters = parameters.differences(from: earlier.parameters)
        if !changedParameters.isEmpty { reasons.append(.parametersChanged(changedParameters)) }
        if let library, let before = earlier.library {
            let files = library.changedFiles(since: before)
            if !files.isEmpty { reasons.append(.libraryChanged(files: files)) }
        } else if (library == nil) != (earlier.library == nil) {
            reasons.append(.libraryChanged(files: []))
        }
        return reasons.reduce(into: []) { unique, reason in if !unique.contains(reason) { unique.append(reason) } }
    }
}
