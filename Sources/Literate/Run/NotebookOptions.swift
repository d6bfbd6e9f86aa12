// The flags every notebook takes, parsed by swift-argument-parser: the profile, the seed, the
// number of trials, the cache, and where the report and the data are.
import ArgumentParser
import Foundation

/// The command line of a notebook executable.
struct NotebookOptions: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent },
            abstract: "Runs this notebook's cells in order and writes its HTML report.",
            discussion: """
                Cells marked `cached: true` replay from <output>/<Study>/.cache when neither their \
                code, the code above them, nor these options changed; --fresh runs everything again.
                """)
    }

    @Option(help: "How much work: quick (a smoke run), standard (about 20 minutes), paper (the original protocol).")
    var profile: Profile = .standard

    // Unconditional parsing takes `-1` as the value it was meant to be, so the message is about
    // the value and not a "missing value".
    @Option(
        parsing: .unconditional, help: "The seed every random draw of the run derives from.",
        transform: NotebookOptions.seed)
    var seed: UInt64 = 42

    @Option(parsing: .unconditional, help: "The number of trials to average over (default: the profile's).")
    var trials: Int?

    @Flag(help: "Run every cell again, ignoring and replacing cached results.")
    var fresh = false

    @Option(help: "The folder reports are written to (default: output/ at the package root).")
    var output: String?

    @Option(help: "The folder holding the data sets (default: data/ at the package root).")
    var data: String?

    @Option(
        help: ArgumentHelp(
            "Compute only shard i of n of the long cells' units (0 ≤ i < n), store them under --output, and stop.",
            valueName: "i/n"),
        transform: Shard.init(argument:))
    var shard: Shard?

    @Flag(help: "Write the report from the units shards stored, computing none: fail, naming them, if any is missing.")
    var merge = false

    @Option(help: ArgumentHelp("Submit the long cells' units as a Slurm job array of this many shards, then a merge job.", valueName: "shards"))
    var slurm: Int?

    @Option(name: .customLong("slurm-partition"), help: "The Slurm partition to submit to (default: the cluster's).")
    var slurmPartition: String?

    @Option(name: .customLong("slurm-time"), help: "The time limit of each array task, as sbatch takes it (e.g. 4:00:00).")
    var slurmTime: String?

    @Option(name: .customLong("slurm-cpus"), help: "CPUs per array task (default 2).")
    var slurmCPUs: Int?

    @Option(
        name: .customLong("slurm-option"), parsing: .unconditionalSingleValue,
        help: "An extra sbatch option a site needs (repeatable), e.g. --slurm-option=--account=lab.")
    var slurmOptions: [String] = []

    @Flag(name: .customLong("slurm-status"), help: "List the long cells' units done, running and missing, and the Slurm jobs at work on them.")
    var slurmStatus = false

    func validate() throws {
        if let slurm, slurm < 1 { throw ValidationError("--slurm needs at least 1 shard, not \(slurm)") }
        if let slurmCPUs, slurmCPUs < 1 { throw ValidationError("--slurm-cpus must be at least 1, not \(slurmCPUs)") }
        if shard != nil, slurm != nil { throw ValidationError("--shard and --slurm do not go together: --slurm submits the shards") }
        if merge, shard != nil || slurm != nil {
            throw ValidationError("--merge writes the report after the shards: it goes with neither --shard nor --slurm")
        }
        if let trials, trials < 1 {
            throw ValidationError("--trials must be at least 1, not \(trials)")
        }
        // An empty path would mean the current folder: a report written wherever the user stood.
        for (flag, value) in [("--output", output), ("--data", data)] where value?.isEmpty == true {
            throw ValidationError("\(flag) needs a folder, not an empty string")
        }
        if let data {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isFolder) else {
                throw ValidationError("--data \(data): no such folder")
            }
            guard isFolder.boolValue else { throw ValidationError("--data \(data): a file, not a folder") }
        }
    }

    /// A seed from its argument: a whole number in 0...UInt64.max.
    private static func seed(_ argument: String) throws -> UInt64 {
        guard let seed = UInt64(argument) else {
            throw ValidationError("a seed is a whole number from 0 to \(UInt64.max)")
        }
        return seed
    }

    /// Parses `arguments` (without the program name), or says what to print and how to exit:
    /// the help text with status 0 for `--help`, one line naming the mistake with status 64
    /// (EX_USAGE) for a bad flag.
    static func read(_ arguments: [String], program: String) -> Result<NotebookOptions, NotebookExit> {
        do {
            return .success(try parse(arguments))
        } catch {
            let status = exitCode(for: error).rawValue
            if status == 0 {
                return .failure(NotebookExit(status: 0, message: fullMessage(for: error)))
            }
            return .failure(NotebookExit(status: status, message: "\(program): \(message(for: error)) (see --help)"))
        }
    }
}

/// Why a notebook stops before or instead of running: the exit status and the one message to
/// print (on standard error when the status is not 0).
struct NotebookExit: Error, Equatable {
    var status: Int32
    var message: String

    /// Prints the message: help on standard output, a mistake on standard error.
    func printMessage() {
        if status == 0 {
            print(message)
        } else {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }
}
