// What is kept of one finished unit of work: its result, and where and how long it ran, for the
// report's table of units and for `--slurm-status`.
import Foundation

/// Where and how long a finished unit ran: the fields of its stored file beside its result, which
/// is all `--slurm-status` reads.
struct UnitProvenance: Codable, Equatable {
    /// The unit's name ("experiment 2, BALD").
    var name: String
    /// The machine and process that computed it.
    var host: String
    var pid: Int32
    /// `--shard` of that process ("1/4"), if it ran as a shard.
    var shard: String?
    /// `SLURM_JOB_ID` of that process (`<array job>_<task>` for an array task), if Slurm ran it.
    var slurmJobID: String?
    /// Seconds the unit took in the process that finished it (wall clock and its thread's CPU).
    var wallSeconds: Double
    var cpuSeconds: Double
    /// When it finished, in seconds since 1970.
    var finishedAt: Double
}

/// A finished unit, as stored in `<study>/.cache/units/<cell>/<unit>.json`: its provenance's
/// fields and, beside them, `result`.
struct UnitRecord<Result: Codable>: Codable {
    var provenance: UnitProvenance
    var result: Result

    private enum CodingKeys: String, CodingKey { case result }

    init(provenance: UnitProvenance, result: Result) {
        self.provenance = provenance
        self.result = result
    }

    init(from decoder: any Decoder) throws {
        provenance = try UnitProvenance(from: decoder)
        result = try decoder.container(keyedBy: CodingKeys.self).decode(Result.self, forKey: .result)
    }

    func encode(to encoder: any Encoder) throws {
        try provenance.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result, forKey: .result)
    }
}

/// The units a long cell declared, so that `--slurm-status` can tell which are missing:
/// `<study>/.cache/units/<cell>/manifest.json`.
struct UnitManifest: Codable, Equatable {
    /// The cell's title.
    var cell: String
    /// Every unit's name, in the cell's order.
    var units: [String]
    var writtenAt: Double
}

/// The name of a unit's files in its cell's folder (`<stem>.json`, `<stem>.lock`,
/// `<stem>.checkpoint.json`): a digest of its name, safe whatever the name holds.
enum UnitFiles {
    static func stem(of name: String) -> String { String(SHA256.hex(name).prefix(20)) }
}

/// Where this process runs, as a unit record or lock names it.
enum ThisProcess {
    /// Whether process `pid` of this host exists (a process of another user counts).
    @Sendable static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    static var host: String { ProcessInfo.processInfo.hostName }
    static var pid: Int32 { ProcessInfo.processInfo.processIdentifier }
    static var slurmJobID: String? {
        let environment = ProcessInfo.processInfo.environment
        guard let job = environment["SLURM_ARRAY_JOB_ID"] ?? environment["SLURM_JOB_ID"] else { return nil }
        return environment["SLURM_ARRAY_TASK_ID"].map { "\(job)_\($0)" } ?? job
    }
}
