// The independent units a long cell is made of (a strategy × trial, a random draw), each stored
// and checkpointed on its own under a key of the cell without its trial count, so that asking for
// more trials computes only the new ones, units can be shared out between processes and machines
// (`--shard i/n`), and a plain run merges what they stored.
import Foundation

/// The units of the running cell. Get them with `notebook.units(_:of:)`, compute the ones
/// `toCompute()` hands out (claiming each so no other process computes it too), `store` each
/// result, and end with `results()`.
///
/// A unit's key is the cell's cache key without `--trials` plus the unit's name, so its work may
/// depend on the seed, the profile and the code, but on the trial count only through which units
/// exist: name each unit by what it is ("trial 3"), draw its randomness from streams named by it.
public final class CellUnits<Result: Codable>: @unchecked Sendable {
    /// The units' names, in the cell's order.
    public let names: [String]
    /// The shard this process computes, if it runs as one.
    public let shard: Shard?
    /// `<study>/.cache/units/<cell key without trials>`, or nil when the cell has no key (its
    /// code was not found in the source): then every unit is computed here and nothing is stored.
    let folder: URL?
    let ignoresStored: Bool
    let interruption: Interruption?
    /// Under `--merge`, the command that computes missing units (nil: compute them here).
    let merging: String?
    private let lock = NSLock()
    private var held: [Int: UnitLock] = [:]
    private var computedHere: Set<Int> = []

    init(
        names: [String], folder: URL?, cell: String, shard: Shard?, ignoresStored: Bool, interruption: Interruption?,
        merging: String? = nil
    ) {
        precondition(Set(names).count == names.count, "units of “\(cell)” need distinct names: \(names)")
        self.names = names
        self.merging = merging
        self.folder = folder
        self.shard = shard
        self.ignoresStored = ignoresStored
        self.interruption = interruption
        if let folder {
            let manifest = UnitManifest(cell: cell, units: names, writtenAt: Date().timeIntervalSince1970)
            if let data = try? JSONEncoder().encode(manifest) {
                try? AtomicFile.write(data, to: folder.appendingPathComponent("manifest.json"), durable: false)
            }
        }
    }

    /// The stored record of unit `index`, if it was computed before (by any process).
    func record(_ index: Int) -> UnitRecord<Result>? {
        guard let url = fileURL(index, "json"), !ignoresStored || computedHere.contains(index),
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        return try? CacheCoding.decoder.decode(UnitRecord<Result>.self, from: data)
    }

    /// The stored result of unit `index`, if any.
    public func result(_ index: Int) -> Result? { record(index)?.result }

    /// Whether unit `index` came from the store rather than from this process.
    public func isFromStore(_ index: Int) -> Bool { !lock.withLock { computedHere.contains(index) } }

    /// The units this process should compute now, claimed: this shard's (all, without `--shard`)
    /// that are not stored and that no other live process is computing; none under `--merge`.
    public func toCompute() -> [Int] {
        guard merging == nil else { return [] }
        return names.indices.filter { index in
            guard shard?.owns(index) ?? true, result(index) == nil else { return false }
            return claim(index)
        }
    }

    /// The units this process may compute, in order, without claiming them: this shard's (all,
    /// without `--shard`) that are not stored; none under `--merge`. Claim each with `claim`
    /// just before computing it, so that other processes share the rest.
    public func candidates() -> [Int] {
        guard merging == nil else { return [] }
        return names.indices.filter { (shard?.owns($0) ?? true) && result($0) == nil }
    }

    /// Claims unit `index` for this process; false if it is stored meanwhile or another live
    /// process holds it.
    public func claim(_ index: Int) -> Bool {
        guard result(index) == nil else { return false }
        guard let url = fileURL(index, "lock") else { return true }
        guard let taken = UnitLock.take(url, unit: names[index], shard: shard) else { return false }
        lock.withLock { held[index] = taken }
        return true
    }

    /// Stores unit `index`'s result (atomically) and releases its claim.
    public func store(_ result: Result, _ index: Int, wallSeconds: Double, cpuSeconds: Double) throws {
        lock.withLock { _ = computedHere.insert(index) }
        defer { lock.withLock { held.removeValue(forKey: index) }?.release() }
        guard let url = fileURL(index, "json") else { return }
        let provenance = UnitProvenance(
            name: names[index], host: ThisProcess.host, pid: ThisProcess.pid, shard: shard?.description,
            slurmJobID: ThisProcess.slurmJobID, wallSeconds: wallSeconds, cpuSeconds: cpuSeconds,
            finishedAt: Date().timeIntervalSince1970)
        let record = UnitRecord(provenance: provenance, result: result)
        let data: Data
        do {
            data = try CacheCoding.encoder.encode(record)
        } catch {
            throw NotebookError.cannotCache(cell: "unit \(names[index])", reason: CacheCoding.describe(error))
        }
        try AtomicFile.write(data, to: url)
        if let checkpoint = fileURL(index, "checkpoint.json") { try? FileManager.default.removeItem(at: checkpoint) }
    }

    /// Gives up the claims this process still holds (after an error or an interruption).
    public func releaseClaims() {
        let claims = lock.withLock { () -> [UnitLock] in
            defer { held.removeAll() }
            return Array(held.values)
        }
        for claim in claims { claim.release() }
    }

    /// A checkpoint of unit `index`'s progress, resumed by whichever process computes it next.
    public func checkpoint<State: Codable>(_ index: Int, _ type: State.Type) -> Checkpoint<State> {
        let url =
            fileURL(index, "checkpoint.json")
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("unkeyed-unit-\(UUID().uuidString).json")
        return Checkpoint(url: url, ignoresSaved: ignoresStored || folder == nil, interruption: interruption)
    }

    /// Every unit's result, in order, once all exist. Units another live process holds are
    /// waited for (polling every `pollSeconds`); a holder that dies leaves its unit to this
    /// process, which `compute` is called for.
    ///
    /// As a shard (`--shard`), once its own units are stored it waits while the missing ones are
    /// being computed by other live processes (the other shards of an array running side by
    /// side), so that all the shards go on together to the next long cell; when some missing
    /// unit is held by nobody (its shard has not started, or failed) it throws `ShardFinished`,
    /// which ends the run, and the plain run that merges computes what is left.
    public func results(pollSeconds: Double = 2, computing compute: (Int) throws -> Void) throws -> [Result] {
        while let shard {
            let missing = names.indices.filter { result($0) == nil }
            if missing.isEmpty { break }
            let unheld = missing.filter { index in
                guard let url = fileURL(index, "lock"), let owner = UnitLock.owner(of: url) else { return true }
                return owner.isStale
            }
            if !unheld.isEmpty {
                let mine = missing.filter(shard.owns).map { names[$0] }
                throw ShardFinished(shard: shard, stored: storedCount, total: names.count, missingOwn: mine)
            }
            if interruption?.signal != nil { throw NotebookInterrupted() }
            Thread.sleep(forTimeInterval: pollSeconds)
        }
        if let command = merging {
            let missing = names.indices.filter { result($0) == nil }.map { names[$0] }
            if !missing.isEmpty { throw UnitsMissing(units: missing, total: names.count, command: command) }
        }
        while true {
            let missing = names.indices.filter { result($0) == nil }
            if missing.isEmpty { break }
            var progressed = false
            for index in missing where claim(index) {
                try compute(index)
                progressed = true
            }
            if !progressed {
                if interruption?.signal != nil { throw NotebookInterrupted() }
                Thread.sleep(forTimeInterval: pollSeconds)
            }
        }
        return try names.indices.map { index in
            guard let result = result(index) else { throw NotebookError.cannotCache(cell: "unit \(names[index])", reason: "its stored result cannot be read") }
            return result
        }
    }

    /// How many of the units are stored.
    public var storedCount: Int { names.indices.filter { result($0) != nil }.count }

    /// Where each unit ran, and for how long: the table a long cell's report shows.
    public func table(title: String) -> ResultsTable {
        var table = ResultsTable(
            title, columns: ["Unit", "Where", "Wall s", "CPU s", "Computed by this cell's run"],
            notes: [
                "A unit computed by an earlier run, another process or another machine is read from the store. "
                    + "A cell replayed from the cache shows the table of the process that ran it (the last shard, after a Slurm array)."
            ])
        var (wall, cpu, computed) = (0.0, 0.0, 0)
        for index in names.indices {
            guard let record = record(index)?.provenance else {
                table.append([names[index], "missing", "—", "—", "—"])
                continue
            }
            wall += record.wallSeconds
            cpu += record.cpuSeconds
            if !isFromStore(index) { computed += 1 }
            var place = record.host
            if let shard = record.shard { place += ", shard \(shard)" }
            if let job = record.slurmJobID { place += ", Slurm job \(job)" }
            table.append([
                record.name, place, String(format: "%.1f", record.wallSeconds), String(format: "%.1f", record.cpuSeconds),
                isFromStore(index) ? "no, stored before" : "yes",
            ])
        }
        let hosts = Set(names.indices.compactMap { record($0)?.provenance.host }).count
        table.append([
            "All \(names.count)", "\(hosts) machine\(hosts == 1 ? "" : "s")", String(format: "%.1f", wall),
            String(format: "%.1f", cpu), "\(computed) of \(names.count)",
        ])
        return table
    }

    /// The file of unit `index` with `suffix` ("json", "lock", "checkpoint.json").
    func fileURL(_ index: Int, _ suffix: String) -> URL? {
        folder?.appendingPathComponent("\(UnitFiles.stem(of: names[index])).\(suffix)")
    }
}

/// Thrown once a shard (`--shard i/n`) has stored its units: the run ends there, with status 0
/// and a line saying how many of the cell's units exist and what computes the rest.
public struct ShardFinished: Error, CustomStringConvertible {
    public var shard: Shard
    /// Units of the cell stored now, by any process, of `total`.
    public var stored: Int
    public var total: Int
    /// This shard's units that are still missing (another process held them).
    public var missingOwn: [String]

    public var description: String {
        "shard \(shard): \(stored) of \(total) units of this cell are stored"
            + (missingOwn.isEmpty ? "" : " (\(missingOwn.count) of this shard's were held by another process)")
    }
}

/// Thrown by a `--merge` run when units of a cell are missing: it computes none, keeps what is
/// stored, and says which are missing and what computes them.
public struct UnitsMissing: Error, CustomStringConvertible {
    /// The missing units' names, in the cell's order.
    public var units: [String]
    /// How many units the cell has.
    public var total: Int
    /// The plain run that computes them.
    public var command: String

    public var description: String {
        let shown = units.prefix(5).map { "“\($0)”" }.joined(separator: ", ")
        return "\(units.count) of \(total) units missing (\(shown)\(units.count > 5 ? ", …" : "")): "
            + "the stored ones are kept; run `\(command)` to compute the rest, or resubmit their array tasks"
    }
}
