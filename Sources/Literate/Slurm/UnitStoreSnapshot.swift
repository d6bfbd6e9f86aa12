// What the unit store holds right now, read for `--slurm-status`: per long cell, its units and
// for each the finished result (where and how long it ran), the lock of a process working on it,
// or nothing. Only reads; the store itself is written by the units runtime (Sources/Literate/Units).
//
// Layout, under `<studyFolder>/.cache/units/<cell key>/`: `manifest.json` ({"cell", "units",
// "writtenAt"}), per unit `<unit file>.json` (its result, with "name", "host", "pid", "shard",
// "slurmJobID", "wallSeconds", "cpuSeconds", "finishedAt") and `<unit file>.lock` ({"host",
// "pid", "shard", "slurmJobID", "startedAt"}) while a process computes it.
import Foundation

/// The units of every long cell stored under a study folder.
struct UnitStoreSnapshot: Equatable {
    /// One long cell: its title and its units in the manifest's order.
    struct Cell: Equatable {
        var title: String
        /// The cell's folder (named by its key).
        var folder: String
        var units: [Unit]
        /// Locks whose file matches no unit of the manifest (shown by file name).
        var strayLocks: [String: UnitLockOwner] = [:]
    }

    /// One unit and what is known of it.
    struct Unit: Equatable {
        var name: String
        var state: State
    }

    enum State: Equatable {
        case done(UnitProvenance)
        /// A lock is held; `owner` tells whether its process is alive.
        case running(UnitLockOwner, owner: LockOwner)
        case missing
    }

    /// Whether the process named by a lock is still at work.
    enum LockOwner: Equatable {
        /// Alive on this host.
        case alive
        /// Its process is gone from this host: the lock is stale and the next run takes it over.
        case dead
        /// On another host, which this process cannot look into.
        case elsewhere
    }

    /// `<studyFolder>/.cache/units`.
    var folder: String
    /// The long cells, by title.
    var cells: [Cell]
    /// Files that could not be read, with why (a torn or foreign file is reported, not fatal).
    var unreadable: [String] = []

    /// Reads the store under `studyFolder`. `host` is this machine's name and `isAlive` tells
    /// whether a process of this host is running (both replaceable in tests). A unit's lock is
    /// matched to it by the lock's "name" when present, else by `fileName(unit)` as its stem.
    static func read(
        studyFolder: URL, host: String = ProcessInfo.processInfo.hostName,
        isAlive: (Int32) -> Bool = ThisProcess.isAlive,
        fileName: (String) -> String = UnitFiles.stem
    ) -> UnitStoreSnapshot {
        let root = studyFolder.appendingPathComponent(".cache/units")
        var snapshot = UnitStoreSnapshot(folder: root.path, cells: [])
        let files = FileManager.default
        let cellFolders = ((try? files.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        let decoder = JSONDecoder()
        for name in cellFolders {
            let cellFolder = root.appendingPathComponent(name)
            let manifestURL = cellFolder.appendingPathComponent("manifest.json")
            guard files.fileExists(atPath: manifestURL.path) else { continue }
            guard let data = try? Data(contentsOf: manifestURL), let manifest = try? decoder.decode(UnitManifest.self, from: data)
            else {
                snapshot.unreadable.append(manifestURL.path)
                continue
            }
            var results: [String: UnitProvenance] = [:]
            var locks: [String: UnitLockOwner] = [:]  // by unit name, or "file:<stem>" when unnamed
            for entry in ((try? files.contentsOfDirectory(atPath: cellFolder.path)) ?? []).sorted()
            where entry != "manifest.json" && !entry.hasPrefix(".") && !entry.hasSuffix(".checkpoint.json") {
                let url = cellFolder.appendingPathComponent(entry)
                if entry.hasSuffix(".json") {
                    guard let data = try? Data(contentsOf: url), let result = try? decoder.decode(UnitProvenance.self, from: data)
                    else {
                        snapshot.unreadable.append(url.path)
                        continue
                    }
                    results[result.name] = result
                } else if entry.hasSuffix(".lock") {
                    // A lock may vanish between the listing and the read: its unit just finished.
                    guard let data = try? Data(contentsOf: url) else { continue }
                    guard let lock = try? decoder.decode(UnitLockOwner.self, from: data) else {
                        snapshot.unreadable.append(url.path)
                        continue
                    }
                    locks[lock.name ?? "file:" + String(entry.dropLast(".lock".count))] = lock
                }
            }
            var cell = Cell(title: manifest.cell, folder: cellFolder.path, units: [])
            for unit in manifest.units {
                if let result = results[unit] {
                    cell.units.append(Unit(name: unit, state: .done(result)))
                    locks[unit] = nil
                    locks["file:" + fileName(unit)] = nil
                } else if let lock = locks.removeValue(forKey: unit) ?? locks.removeValue(forKey: "file:" + fileName(unit)) {
                    let owner: LockOwner = lock.host != host ? .elsewhere : isAlive(lock.pid) ? .alive : .dead
                    cell.units.append(Unit(name: unit, state: .running(lock, owner: owner)))
                } else {
                    cell.units.append(Unit(name: unit, state: .missing))
                }
            }
            for (key, lock) in locks { cell.strayLocks[key.hasPrefix("file:") ? String(key.dropFirst(5)) : key] = lock }
            snapshot.cells.append(cell)
        }
        return snapshot
    }
}
