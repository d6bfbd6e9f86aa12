// What a notebook does instead of running its cells when started with `--slurm N` or
// `--slurm-status`: write (and, where sbatch is installed, submit) the job array and its merge
// job, or print the state of the long cells' units. Either way it exits.
import Foundation

/// The process entry point of `--slurm` and `--slurm-status`.
enum SlurmCommand {
    /// Submits or reports for `setup` (whose options have `slurm` or `slurmStatus`) and exits:
    /// 0 when the scripts were written (and submitted) or the status printed; 64 for a relative
    /// path the nodes might not see; 73 when the scripts cannot be written; 69 when sbatch fails.
    static func run(_ setup: NotebookSetup, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let exit: NotebookExit
        if setup.options.slurmStatus {
            let jobs = SlurmJobs(
                study: setup.study, profile: setup.options.profile, executable: "", arguments: [], output: "",
                studyFolder: "", shards: 1)
            let text = SlurmStatusText.make(
                study: setup.study, snapshot: UnitStoreSnapshot.read(studyFolder: setup.studyFolder),
                jobs: SlurmJob.list(named: [jobs.jobName, jobs.mergeJobName]), now: Date().timeIntervalSince1970)
            exit = NotebookExit(status: 0, message: text.hasSuffix("\n") ? String(text.dropLast()) : text)
        } else {
            // The array's first task may start before this process ends: let it have the folder.
            setup.lock?.release()
            exit = submit(setup, arguments: arguments)
        }
        Notebook.exit(exit)
    }

    /// Writes both scripts and submits them when sbatch is on the PATH.
    static func submit(_ setup: NotebookSetup, arguments: [String]) -> NotebookExit {
        let study = setup.study
        let options = setup.options
        for (flag, path) in [("--output", options.output), ("--data", options.data)] {
            if let path, !path.hasPrefix("/") {
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                return NotebookExit(
                    status: 64,
                    message: "\(study): --slurm needs \(flag) as an absolute path, which the nodes see too (\(flag) \(absolute)), not \(path)")
            }
        }
        let jobs = SlurmJobs(
            study: study, profile: options.profile, executable: executablePath(), arguments: arguments,
            output: setup.output.path, studyFolder: setup.studyFolder.path, shards: options.slurm ?? 0,
            cpus: options.slurmCPUs ?? 2, partition: options.slurmPartition, time: options.slurmTime,
            extraOptions: options.slurmOptions)
        do {
            try jobs.check()
        } catch {
            switch error {
            case .noShards(let count):
                return NotebookExit(status: 64, message: "\(study): --slurm needs at least 1 shard, not \(count)")
            case .relativePath(let flag, let path):
                return NotebookExit(status: 64, message: "\(study): --slurm needs \(flag) as an absolute path, not \(path)")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: jobs.folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(jobs.arrayScript.utf8), to: URL(fileURLWithPath: jobs.arrayScriptPath), durable: false)
            try AtomicFile.write(Data(jobs.mergeScript.utf8), to: URL(fileURLWithPath: jobs.mergeScriptPath), durable: false)
        } catch {
            return NotebookExit(status: 73, message: "\(study): cannot write the Slurm scripts to \(jobs.folder): \(error)")
        }
        let array = ShellWord.quoted(jobs.arrayScriptPath)
        let merge = ShellWord.quoted(jobs.mergeScriptPath)
        let shared = "The output folder \(jobs.output) must be on a filesystem every node shares (the binary too)."
        guard let sbatch = ExternalCommand.find("sbatch") else {
            return NotebookExit(
                status: 0,
                message: """
                    \(study): sbatch is not installed here; wrote the job array (\(jobs.shards) tasks) and its merge job:
                      \(jobs.arrayScriptPath)
                      \(jobs.mergeScriptPath)
                    Submit them on the cluster with:
                      array=$(sbatch --parsable \(array)) && sbatch --dependency=afterok:${array%%;*} \(merge)
                    \(shared)
                    Without a cluster, run the shards as plain processes instead (--shard i/\(jobs.shards)), then the notebook alone.
                    """)
        }
        let arrayID: String
        switch submitted(sbatch, [jobs.arrayScriptPath]) {
        case .success(let id): arrayID = id
        case .failure(let why):
            return NotebookExit(status: 69, message: "\(study): sbatch refused the job array \(jobs.arrayScriptPath): \(why)")
        }
        let mergeID: String
        switch submitted(sbatch, ["--dependency=afterok:\(arrayID)", jobs.mergeScriptPath]) {
        case .success(let id): mergeID = id
        case .failure(let why):
            return NotebookExit(
                status: 69,
                message: "\(study): submitted the job array \(arrayID), but sbatch refused the merge job \(jobs.mergeScriptPath): \(why)")
        }
        let plain = jobs.mergeCommand.joined(separator: " ")
        return NotebookExit(
            status: 0,
            message: """
                \(study): submitted job array \(arrayID) (\(jobs.shards) tasks, shards 0/\(jobs.shards) … \(jobs.shards - 1)/\(jobs.shards)) \
                and merge job \(mergeID), which runs once every task succeeded and writes the report.
                Logs: \(jobs.folder)/\(jobs.jobName)-\(arrayID)_<task>.out, \(jobs.mergeJobName)-\(mergeID).out (and .err)
                Watch: \(plain) --slurm-status
                Rerun task i alone: sbatch --array=i \(array); finish on one machine: \(plain)
                \(shared)
                """)
    }

    /// Runs `sbatch --parsable arguments` and returns the job id it printed (`1234`, or `1234`
    /// of `1234;cluster`), or the one line saying why not.
    private static func submitted(_ sbatch: ExternalCommand, _ arguments: [String]) -> Result<String, SubmitFailure> {
        do {
            let outcome = try sbatch.run(["--parsable"] + arguments)
            let id = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init)
            guard outcome.status == 0, let id, !id.isEmpty else {
                let said = outcome.errors.split(separator: "\n").last.map(String.init) ?? "no message"
                return .failure(SubmitFailure(reason: "exit status \(outcome.status): \(said)"))
            }
            return .success(id)
        } catch {
            return .failure(SubmitFailure(reason: "\(error)"))
        }
    }

    private struct SubmitFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The absolute path of the running executable (the binary, not a symlink to it).
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let first = CommandLine.arguments.first ?? ""
        return URL(fileURLWithPath: first).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
