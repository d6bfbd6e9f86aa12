// What `--slurm-status` prints: per long cell its units done (where each ran and how long),
// running (who holds the lock, and whether that process is alive) and missing, then the
// study's Slurm jobs.
import Foundation

/// The text of `--slurm-status`.
enum SlurmStatusText {
    /// The report of `snapshot` and of `jobs` (nil: no Slurm commands, or no answer).
    /// `now` (seconds since 1970) dates the running units.
    static func make(study: String, snapshot: UnitStoreSnapshot, jobs: [SlurmJob]?, now: Double) -> String {
        var lines: [String] = []
        if snapshot.cells.isEmpty {
            lines.append("\(study): no units stored under \(snapshot.folder) yet (no long cell has started, or this notebook has none)")
        }
        for cell in snapshot.cells {
            var done = 0
            var running = 0
            var missing = 0
            var rows: [String] = []
            for unit in cell.units {
                switch unit.state {
                case .done(let result):
                    done += 1
                    rows.append(
                        "  done     \(unit.name): \(place(host: result.host, pid: nil, shard: result.shard, job: result.slurmJobID)), "
                            + "\(seconds(result.wallSeconds)) wall, \(seconds(result.cpuSeconds)) CPU")
                case .running(let lock, let owner):
                    let holder = place(host: lock.host, pid: lock.pid, shard: lock.shard, job: lock.slurmJobID)
                    let since = "for \(seconds(max(0, now - lock.startedAt)))"
                    switch owner {
                    case .alive:
                        running += 1
                        rows.append("  running  \(unit.name): \(holder), \(since)")
                    case .elsewhere:
                        running += 1
                        rows.append("  running  \(unit.name): \(holder), \(since) (on another host: not checked from here)")
                    case .dead:
                        missing += 1
                        rows.append("  missing  \(unit.name): stale lock of \(holder), which is no longer running; the next run takes it over")
                    }
                case .missing:
                    missing += 1
                    rows.append("  missing  \(unit.name)")
                }
            }
            lines.append(
                "\(cell.title): \(done) of \(cell.units.count) units done, \(running) running, \(missing) missing")
            lines += rows
            for (file, lock) in cell.strayLocks.sorted(by: { $0.key < $1.key }) {
                lines.append("  lock     \(file).lock, of no listed unit: \(place(host: lock.host, pid: lock.pid, shard: lock.shard, job: lock.slurmJobID))")
            }
        }
        for path in snapshot.unreadable { lines.append("unreadable: \(path)") }
        switch jobs {
        case nil:
            lines.append("Slurm: scontrol and squeue are not installed or the controller does not answer")
        case let jobs? where jobs.isEmpty:
            lines.append("Slurm: no job of this study queued, running or recently finished")
        case let jobs?:
            lines.append("Slurm jobs:")
            for job in jobs {
                var row = "  \(job.id) \(job.name) \(job.state)"
                if let time = job.runTime { row += ", run time \(time)" }
                if let reason = job.reason, reason != "None" { row += ", reason \(reason)" }
                if let code = job.exitCode, code != "0:0" { row += ", exit code \(code)" }
                lines.append(row)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "host vm, pid 12, shard 1/4, Slurm job 1234_1", leaving out what is not known.
    private static func place(host: String, pid: Int32?, shard: String?, job: String?) -> String {
        var parts = ["host \(host)"]
        if let pid { parts.append("pid \(pid)") }
        if let shard { parts.append("shard \(shard)") }
        if let job { parts.append("Slurm job \(job)") }
        return parts.joined(separator: ", ")
    }

    /// Seconds with one decimal below a minute, else minutes or hours.
    static func seconds(_ value: Double) -> String {
        if value < 60 { return String(format: "%.1f s", value) }
        if value < 3600 { return String(format: "%.1f min", value / 60) }
        return String(format: "%.2f h", value / 3600)
    }
}
