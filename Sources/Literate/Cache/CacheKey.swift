// The key a cached cell is stored under: a SHA-256 of everything its result can depend on, so
// that an edit to the cell or to any code above it, or a different profile, seed, trial count or
// data folder, runs it again, while an edit to the prose (`//:` lines) changes nothing.

/// The cache key of a cell.
enum CacheKey {
    /// Bumped when the entry format or what the key covers changes.
    static let version = "literate-cache-1"

    /// 64 hex digits hashing the cell's `codeThroughCell` (its own code and all the code above
    /// it, markdown excluded), its run-time `title` and which `occurrence` of that title it is
    /// (cells called in a loop), the Swift type of its value, and the run's parameters.
    static func make(
        codeThroughCell: String, title: String, occurrence: Int, valueType: String, parameters: RunParameters
    ) -> String {
        let material = [
            version,
            "title: \(title) #\(occurrence)",
            "value: \(valueType)",
            "profile: \(parameters.profile.rawValue)",
            "seed: \(parameters.seed)",
            "trials: \(parameters.trials.map(String.init) ?? "profile default")",
            "data: \(parameters.dataFolder ?? "default")",
            "code:",
            codeThroughCell,
        ]
        return SHA256.hex(material.joined(separator: "\n"))
    }
}
