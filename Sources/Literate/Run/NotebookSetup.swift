// Everything a notebook settles before its first cell: the flags, its own source, and a study
// folder it has checked it can write to, so that a mistake there costs one line, not a run.
import Foundation
import Learning

/// The checked starting point of a notebook run.
struct NotebookSetup {
    var study: String
    var source: NotebookSource?
    /// The notebook's main.swift (nil for a notebook run from a test's text).
    var sourcePath: String?
    /// The notebook's file as the report names it (relative to the package when inside it).
    var sourceName: String
    var options: NotebookOptions
    /// The package holding the notebook, if it was found (for the git commit).
    var packageRoot: String?
    /// `<output>`, absolute.
    var output: URL
    /// The command line as typed, for the report.
    var command: String

    /// `<output>/<Study>`.
    var studyFolder: URL { output.appendingPathComponent(study) }

    /// Parses `arguments` and prepares the study folder under the output folder. Fails with
    /// status 0 and the help text for `--help`, 64 and one line for a bad flag, 73 and one line
    /// when the study folder cannot be written.
    static func make(
        study: String, sourceText: String?, sourcePath: String?, arguments: [String], packageRoot: String?
    ) -> Result<NotebookSetup, NotebookExit> {
        let options: NotebookOptions
        switch NotebookOptions.read(arguments, program: study) {
        case .success(let parsed): options = parsed
        case .failure(let exit): return .failure(exit)
        }
        let outputPath = options.output ?? ((packageRoot ?? FileManager.default.currentDirectoryPath) + "/output")
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let folder = output.appendingPathComponent(study)
        let probe = folder.appendingPathComponent(".write-probe")
        do {
            try AtomicFile.write(Data(), to: probe, durable: false)
            try? FileManager.default.removeItem(at: probe)
        } catch {
            var reason = "\(error)"
            if case NotebookError.cannotWrite(_, let why) = error { reason = why }
            return .failure(
                NotebookExit(
                    status: 73,
                    message:
                        "\(study): cannot write the report to \(folder.path): \(reason) (choose another folder with --output)"
                ))
        }
        var sourceName = sourcePath ?? "\(study)/main.swift"
        if let packageRoot, let sourcePath, sourcePath.hasPrefix(packageRoot + "/") {
            sourceName = String(sourcePath.dropFirst(packageRoot.count + 1))
        }
        let command = ([study] + arguments).map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(
            separator: " ")
        return .success(
            NotebookSetup(
                study: study, source: sourceText.map(NotebookSource.init), sourcePath: sourcePath,
                sourceName: sourceName, options: options,
                packageRoot: packageRoot, output: output, command: command))
    }

    /// The nearest folder above `path` holding a Package.swift.
    static func packageRoot(above path: String) -> String? {
        var url = URL(fileURLWithPath: path).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
