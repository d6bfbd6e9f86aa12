// The two sbatch scripts `--slurm N` writes: a job array whose task i computes shard i of N of
// the long cells' units, and a merge job that runs the notebook whole once the array succeeded.
// Their text is a pure function of the fields below, so tests compare it with literal scripts.
import Foundation

/// The sbatch scripts of one notebook's Slurm run.
struct SlurmJobs: Equatable {
    /// The study's name (the notebook's executable and report folder).
    var study: String
    var profile: Profile
    /// The notebook's executable, absolute: the array tasks and the merge run this very binary.
    var executable: String
    /// The notebook's flags as typed, without the program name (`SlurmArguments` rewrites them).
    var arguments: [String]
    /// `--output`, absolute: the nodes must see the same folder.
    var output: String
    /// The study folder under `output` (`<output>/<Study>` or `<output>/<Study>/<profile>`).
    var studyFolder: String
    /// How many array tasks (shards), at least 1.
    var shards: Int
    /// `--cpus-per-task` of every job.
    var cpus = 2
    var partition: String?
    /// The time limit as sbatch takes it (`4:00:00`, `2-00:00:00`).
    var time: String?
    /// Extra sbatch options as typed (`--account=lab`), one `#SBATCH` line each.
    var extraOptions: [String] = []

    /// Why the scripts cannot be written.
    enum Problem: Error, Equatable {
        case noShards(Int)
        case relativePath(flag: String, path: String)
    }

    /// Checks what the scripts rely on: at least one shard, and absolute paths for the executable
    /// and the output folder.
    func check() throws(Problem) {
        guard shards >= 1 else { throw .noShards(shards) }
        for (flag, path) in [("the executable", executable), ("--output", output)] where !path.hasPrefix("/") {
            throw .relativePath(flag: flag, path: path)
        }
    }

    /// `<Study>-<profile>`: the array job's name and the scripts' and logs' stem.
    var jobName: String { "\(study)-\(profile.rawValue)" }
    /// The merge job's name.
    var mergeJobName: String { jobName + "-merge" }
    /// `<studyFolder>/slurm`: both scripts and every job's log.
    var folder: String { studyFolder + "/slurm" }
    var arrayScriptPath: String { "\(folder)/\(jobName).sbatch" }
    var mergeScriptPath: String { "\(folder)/\(mergeJobName).sbatch" }

    /// The job array's script: task i runs the notebook with `--shard i/N`. N is written out
    /// rather than read from `SLURM_ARRAY_TASK_COUNT`, which is 1 when a single index is
    /// resubmitted (`sbatch --array=3 …`).
    var arrayScript: String {
        let command =
            ([executable] + SlurmArguments.passedOn(arguments, output: output, merge: false)).map(ShellWord.quoted)
            + ["--shard", "\"${SLURM_ARRAY_TASK_ID}/\(shards)\""]
        return script(
            summary: [
                "# \(study), profile \(profile.rawValue): array task i computes shard i of \(shards) of the long cells' units.",
                "# Submitted by `\(study) --slurm \(shards)` with its merge job; to rerun task i alone:",
                "#   sbatch --array=i \(ShellWord.quoted(arrayScriptPath))",
            ],
            directives: ["--job-name=\(jobName)", "--array=0-\(shards - 1)"],
            log: "\(folder)/\(jobName)-%A_%a", command: command)
    }

    /// The merge job's script: the notebook run whole, which replays the units the array stored,
    /// computes any that are missing, and writes the report. Submitted with
    /// `--dependency=afterok:<array job>`; `--kill-on-invalid-dep=yes` cancels it when a task
    /// failed instead of leaving it pending forever.
    var mergeScript: String {
        script(
            summary: [
                "# \(study), profile \(profile.rawValue): the merge after the \(shards) array tasks of \(jobName).sbatch.",
                "# Submitted with --dependency=afterok:<array job id>; run alone, it computes what is missing.",
            ],
            directives: ["--job-name=\(mergeJobName)", "--kill-on-invalid-dep=yes"],
            log: "\(folder)/\(mergeJobName)-%j", command: mergeCommand)
    }

    /// The merge job's command, quoted for bash: also what finishes the work on one machine.
    var mergeCommand: [String] {
        ([executable] + SlurmArguments.passedOn(arguments, output: output, merge: true)).map(ShellWord.quoted)
    }

    private func script(summary: [String], directives: [String], log: String, command: [String]) -> String {
        var lines = ["#!/bin/bash"] + summary
        var options = directives + ["--cpus-per-task=\(cpus)"]
        if let partition { options.append("--partition=\(ShellWord.directiveValue(partition))") }
        if let time { options.append("--time=\(ShellWord.directiveValue(time))") }
        options += extraOptions
        options += ["--output=\(ShellWord.directiveValue(log + ".out"))", "--error=\(ShellWord.directiveValue(log + ".err"))"]
        lines += options.map { "#SBATCH \($0)" }
        lines += [
            "# Each node chooses its own BLAS kernels (not the submitting machine's), and BLAS uses the CPUs Slurm gave.",
            "unset ACTIVE_LEARNING_BLAS_REEXEC",
            "export OPENBLAS_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-\(cpus)}\"",
            "exec " + command.joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
