// The Slurm commands (sbatch, scontrol) are the interface to the cluster: no Slurm library is
// linked. This finds a command on the PATH and runs it, keeping what it prints.
import Foundation

/// A program on the PATH, run to completion with its output captured.
struct ExternalCommand {
    /// The program's absolute path.
    var path: String

    /// `name` as the shell would find it on `PATH`, or nil when it is not installed.
    static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> ExternalCommand? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return ExternalCommand(path: candidate) }
        }
        return nil
    }

    /// What a run printed and how it ended.
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the program with `arguments` and waits for it; throws only when it cannot start.
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stderr on another thread so that neither pipe can fill up and stall the program.
        let errorData = Locked(Data())
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData.value = errors.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData.value, as: UTF8.self))
    }
}
