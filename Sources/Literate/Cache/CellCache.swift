// The folder of cached cell results, `<output>/<Study>/.cache/`: one JSON file per cell run,
// named by its key, holding the value, the output, the figures' PNGs and the headline, written
// atomically. An entry that cannot be read is reported in one line and run again, never a crash.
import Foundation

/// A stored run of a cached cell: enough to replay it without running it.
struct CacheEntry<Value: Codable>: Codable {
    /// The cell's title when it ran.
    var title: String
    /// When it ran, and for how many seconds.
    var ranAt: Date
    var duration: Double
    /// Its output, figures and tables, in order.
    var items: [CellItem]
    /// The headline it set, if any.
    var headline: String?
    /// The PNG bytes of its figures, by file path relative to the study folder.
    var figures: [String: Data]
    /// The data files this cell and every cell before it read, as they were when it ran (nil
    /// in entries that did not record them).
    var dataFiles: [DataFileIdentity]?
    /// The value it returned.
    var value: Value
}

/// What the last stored run of a cell depended on, kept per cell (title and occurrence) so that
/// when its key no longer matches, the runtime can say what changed.
struct LastRun: Codable {
    /// The key it was stored under.
    var key: String
    var ingredients: CellIngredients
}

/// The cache folder of one study.
struct CellCache {
    /// What looking up a key found.
    enum Lookup<Value: Codable> {
        case missing
        case found(CacheEntry<Value>)
        /// The file exists but is not a readable entry (torn, corrupt, or of another type).
        case unreadable(reason: String)
    }

    /// `<output>/<Study>/.cache`.
    let folder: URL

    /// The entry stored under `key`, if any.
    func lookUp<Value: Codable>(_ key: String, as type: Value.Type) -> Lookup<Value> {
        let url = entryURL(key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        do {
            return .found(try CacheCoding.decoder.decode(CacheEntry<Value>.self, from: data))
        } catch {
            return .unreadable(reason: CacheCoding.describe(error))
        }
    }

    /// Stores `entry` under `key`, atomically. Throws `NotebookError.cannotCache` when the value
    /// cannot be encoded, `.cannotWrite` when the file cannot be written.
    func store<Value: Codable>(_ entry: CacheEntry<Value>, under key: String) throws {
        let data: Data
        do {
            data = try CacheCoding.encoder.encode(entry)
        } catch {
            throw NotebookError.cannotCache(cell: entry.title, reason: CacheCoding.describe(error))
        }
        try AtomicFile.write(data, to: entryURL(key))
    }

    /// The ingredients of the last run of the cell titled `title` (its `occurrence`-th call)
    /// that was stored, if any and readable.
    func lastRun(of title: String, occurrence: Int) -> LastRun? {
        guard let data = FileManager.default.contents(atPath: lastRunURL(title, occurrence).path) else { return nil }
        return try? CacheCoding.decoder.decode(LastRun.self, from: data)
    }

    /// Records `run` as the last stored run of its cell.
    func storeLastRun(_ run: LastRun) throws {
        let data = try CacheCoding.encoder.encode(run)
        try AtomicFile.write(data, to: lastRunURL(run.ingredients.title, run.ingredients.occurrence))
    }

    private func lastRunURL(_ title: String, _ occurrence: Int) -> URL {
        folder.appendingPathComponent("last-run").appendingPathComponent(
            "\(SHA256.hex("\(title) #\(occurrence)").prefix(24)).json")
    }

    /// The file of `key`, or of one of its checkpoints when `checkpoint` names one.
    func entryURL(_ key: String, checkpoint: String? = nil) -> URL {
        folder.appendingPathComponent(checkpoint.map { "\(key).checkpoint-\(Self.fileSafe($0)).json" } ?? "\(key).json")
    }

    /// Deletes the checkpoints of `key` (once its cell has finished).
    func removeCheckpoints(of key: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("\(key).checkpoint-") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }
}

/// The JSON settings of cache files: floats that JSON cannot write (NaN, ±∞) as strings.
enum CacheCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    /// A one-line description of a coding error.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return "not valid JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\" field"
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "the value" : path) is not a \(type)"
        case EncodingError.invalidValue(let value, let context):
            return "\(type(of: value)) value not encodable (\(context.debugDescription))"
        default: return "\(error)"
        }
    }
}
