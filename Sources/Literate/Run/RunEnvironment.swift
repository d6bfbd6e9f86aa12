// Where and on what a run happened, for the report's header: the commit of the code, the
// machine's cores and CPU, and what the study layer adds (the BLAS kernels that did the
// arithmetic, how convolutions ran).
import Foundation

/// The facts about a run's machine and code that make its numbers reproducible.
struct RunEnvironment: Codable, Equatable {
    /// The short commit hash, with " + local changes" when the work tree differs; "unknown"
    /// outside a git repository.
    var commit: String
    /// "2 cores · Intel(R) Xeon(R) …".
    var machine: String
    /// What the host says about how this process computes (`NotebookHost.facts`).
    var facts: [RunFact]

    /// The environment of this process, with the code in `packageRoot` (nil: unknown commit)
    /// and the host's `facts`.
    static func current(packageRoot: String?, facts: [RunFact] = []) -> RunEnvironment {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var machine = "\(cores) core\(cores == 1 ? "" : "s")"
        if let model = cpuModel() { machine += " · " + model }
        return RunEnvironment(
            commit: packageRoot.map(commit(in:)) ?? "unknown", machine: machine, facts: facts)
    }

    /// The "model name" line of /proc/cpuinfo.
    private static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line?.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func commit(in folder: String) -> String {
        guard let hash = git(["rev-parse", "--short", "HEAD"], in: folder), !hash.isEmpty else { return "unknown" }
        let changes = git(["status", "--porcelain", "--untracked-files=no"], in: folder) ?? ""
        return changes.isEmpty ? hash : hash + " + local changes"
    }

    /// The trimmed standard output of `git arguments` run in `folder`, nil if it fails.
    private static func git(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
