// Why a cell ran instead of replaying: said on the terminal and in the report, so a number that
// changed can be traced to what changed (marimo's users ask for this; no notebook system says it).

/// Why a cell did not replay from the cache.
enum RerunReason: Equatable, Codable, Sendable, CustomStringConvertible {
    /// The cell is not cached (`cached: false`): it runs every time.
    case notCached
    /// `--fresh` asked to ignore the cache.
    case fresh
    /// No earlier run of this cell was stored.
    case firstRun
    /// The cell's own code (or the code just above it, after the previous cell) changed.
    case ownCodeChanged
    /// The code of an earlier cell, `cell`, or the code around it changed.
    case codeAboveChanged(cell: String)
    /// These library source files changed (empty: the fingerprint appeared or went away).
    case libraryChanged(files: [String])
    /// These parameters (`--profile`, `--seed`, …) changed.
    case parametersChanged([String])
    /// These data files, read by this cell or one before it, changed or went away.
    case dataChanged(files: [String])
    /// The stored result could not be read or restored.
    case unusableEntry(String)
    /// The stored result is gone although nothing it depends on changed.
    case entryMissing
    /// The cell's code was not found in the notebook's source, so nothing can be compared.
    case codeUnknown

    var description: String {
        switch self {
        case .notCached: return "not cached"
        case .fresh: return "--fresh"
        case .firstRun: return "first run"
        case .ownCodeChanged: return "its code changed"
        case .codeAboveChanged(let cell): return "code above changed (in or around “\(cell)”)"
        case .libraryChanged(let files):
            guard !files.isEmpty else { return "library changed" }
            let shown = files.prefix(3).joined(separator: ", ")
            return "library changed: " + shown + (files.count > 3 ? " and \(files.count - 3) more" : "")
        case .parametersChanged(let names): return "parameters changed: " + names.joined(separator: ", ")
        case .dataChanged(let files):
            let shown = files.prefix(3).joined(separator: ", ")
            return "data changed: " + shown + (files.count > 3 ? " and \(files.count - 3) more" : "")
        case .unusableEntry(let why): return "unreadable cache entry (\(why))"
        case .entryMissing: return "its cache entry is gone"
        case .codeUnknown: return "its code was not found in the source"
        }
    }

    /// Several reasons as one phrase: "its code changed; library changed: Sources/…".
    static func phrase(_ reasons: [RerunReason]) -> String {
        reasons.map(\.description).joined(separator: "; ")
    }
}
