// A unit being computed by one process is not computed by another: the first to create the
// unit's lock file (O_EXCL) owns it until it stores the result or dies. A lock whose owner is a
// dead process on this host is stale and is taken over; one held on another host is trusted
// until its owner finishes (no node can see another's processes).
import Foundation

/// The owner of a unit's lock file, as written in it.
struct UnitLockOwner: Codable, Equatable {
    /// The unit's name.
    var name: String?
    var host: String
    var pid: Int32
    var shard: String?
    var slurmJobID: String?
    var startedAt: Double

    /// Whether the owner is known to be gone: a process of this host that no longer exists.
    var isStale: Bool {
        host == ThisProcess.host && !ThisProcess.isAlive(pid)
    }
}

/// A lock this process holds on one unit; `release()` removes it.
struct UnitLock {
    let url: URL

    /// Takes the lock at `url` for this process: created if absent, taken over if its owner is
    /// stale (or its file unreadable), nil when another live process holds it.
    static func take(_ url: URL, unit: String, shard: Shard?) -> UnitLock? {
        let me = UnitLockOwner(
            name: unit, host: ThisProcess.host, pid: ThisProcess.pid, shard: shard?.description, slurmJobID: ThisProcess.slurmJobID,
            startedAt: Date().timeIntervalSince1970)
        guard let data = try? JSONEncoder().encode(me) else { return nil }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        for _ in 0..<2 {
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                return UnitLock(url: url)
            }
            guard errno == EEXIST else { return nil }
            if let owner = owner(of: url), !owner.isStale { return nil }
            try? FileManager.default.removeItem(at: url)  // stale or torn: take it over
        }
        return nil
    }

    /// Who holds the lock at `url`, if anyone (nil also for a file that cannot be read).
    static func owner(of url: URL) -> UnitLockOwner? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(UnitLockOwner.self, from: data)
    }

    func release() {
        try? FileManager.default.removeItem(at: url)
    }
}
