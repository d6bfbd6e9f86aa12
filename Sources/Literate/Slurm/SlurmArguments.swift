// The flags a notebook's Slurm jobs run it with: the ones it was started with, less those that
// only concern submitting, with the output folder given explicitly.

/// Rewrites a notebook's command line for the jobs `--slurm` submits.
enum SlurmArguments {
    /// The flags that concern submitting and watching, each with whether it takes a value.
    static let submissionFlags: [String: Bool] = [
        "--slurm": true, "--slurm-partition": true, "--slurm-time": true, "--slurm-cpus": true,
        "--slurm-option": true, "--slurm-status": false,
    ]

    /// `arguments` (the notebook's, without the program name) without the `--slurm*` flags and
    /// without `--output`, followed by `--output output`; for the merge job (`merge`) also without
    /// `--fresh`, which there would recompute every unit the array tasks just stored. (The merge
    /// computes what the tasks left: a long cell after the first that tasks run one after
    /// another could not reach, say. `--merge` is there for a user who wants it to fail instead.)
    ///
    /// Both `--flag value` and `--flag=value` are recognised; `--slurm-option` takes its next
    /// word whatever it looks like (`--slurm-option --account=lab`), as the parser does.
    static func passedOn(_ arguments: [String], output: String, merge: Bool) -> [String] {
        var kept: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            let takesValue = name == "--output" ? true : submissionFlags[name]
            if let takesValue {
                if takesValue, !argument.contains("=") { index += 1 }
                continue
            }
            if merge, argument == "--fresh" { continue }
            kept.append(argument)
        }
        return kept + ["--output", output]
    }
}
