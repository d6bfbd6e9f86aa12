// The Slurm jobs of a study, as `scontrol -o show job` lists them: queued, running, and finished
// within the controller's MinJobAge (clusters without an accounting database have no `sacct`).
// `squeue` is the fallback where scontrol is missing; it knows only queued and running jobs.
import Foundation

/// One job, or one array task, of the cluster.
struct SlurmJob: Equatable {
    /// `1234` for a job, `1234_5` for an array task, `1234_[0-3]` for tasks still pending.
    var id: String
    var name: String
    /// PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, …
    var state: String
    /// Why it waits or how it ended (`Dependency`, `None`, `DependencyNeverSatisfied`).
    var reason: String?
    var runTime: String?
    var exitCode: String?

    /// The jobs of `scontrol -o show job` output: one line per job of `Key=Value` words. Values
    /// holding blanks (a command's path) are not needed here, so the words are split at blanks.
    static func parse(scontrol text: String) -> [SlurmJob] {
        text.split(separator: "\n").compactMap { line in
            var fields: [String: String] = [:]
            for word in line.split(separator: " ") {
                let pair = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else { continue }
                if fields[String(pair[0])] == nil { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let jobID = fields["JobId"], let name = fields["JobName"], let state = fields["JobState"] else { return nil }
            var id = jobID
            if let array = fields["ArrayJobId"], let task = fields["ArrayTaskId"] {
                id = task.contains("-") || task.contains(",") ? "\(array)_[\(task)]" : "\(array)_\(task)"
            }
            return SlurmJob(
                id: id, name: name, state: state, reason: fields["Reason"], runTime: fields["RunTime"],
                exitCode: fields["ExitCode"])
        }
    }

    /// The jobs of `squeue -h -o '%i|%j|%T|%M|%r'` output.
    static func parse(squeue text: String) -> [SlurmJob] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5 else { return nil }
            return SlurmJob(id: parts[0], name: parts[1], state: parts[2], reason: parts[4], runTime: parts[3], exitCode: nil)
        }
    }

    /// The cluster's jobs named one of `names`, from scontrol, else squeue; nil when neither is
    /// installed or the controller does not answer.
    static func list(named names: Set<String>) -> [SlurmJob]? {
        if let scontrol = ExternalCommand.find("scontrol"),
            let outcome = try? scontrol.run(["-o", "show", "job"]), outcome.status == 0
        {
            return parse(scontrol: outcome.output).filter { names.contains($0.name) }
        }
        if let squeue = ExternalCommand.find("squeue"),
            let outcome = try? squeue.run(["-h", "-o", "%i|%j|%T|%M|%r"]), outcome.status == 0
        {
            return parse(squeue: outcome.output).filter { names.contains($0.name) }
        }
        return nil
    }
}
