// Everything a notebook settles before its first cell: the flags, its own source, and a study
// folder it has checked it can write to and holds alone, so that a mistake there costs one
// line, not a run.
import Foundation

/// The checked starting point of a notebook run.
struct NotebookSetup {
    /// The study's name, safe as a folder name (`safeName`).
    var study: String
    var source: NotebookSource?
    /// The notebook's main.swift (nil for a notebook run from a test's text).
    var sourcePath: String?
    /// The notebook's file as the report names it (relative to the package when inside it).
    var sourceName: String
    /// What is wrong with the source (`SourceFile.problem`): the report says it at the top and
    /// no cell is cached or replayed.
    var sourceNote: String?
    var options: NotebookOptions
    /// The package holding the notebook, if it was found (for the git commit).
    var packageRoot: String?
    /// `<output>`, absolute.
    var output: URL
    /// The command line as typed, for the report.
    var command: String
    /// The study folder's lock, held for the whole run; nil for a shard (`--shard`), which shares
    /// the folder with the other shards and writes only its units and cache entries, atomically,
    /// and for `--slurm` and `--slurm-status`, which run no cells.
    var lock: StudyLock?

    /// Where this run's report, figures and cache go: `<output>/<Study>` for the standard
    /// profile, `<output>/<Study>/quick` and `<output>/<Study>/paper` for the others, so that a
    /// quick run never replaces a paper run's report.
    var studyFolder: URL { output.appendingPathComponent(options.profile.reportFolder(of: study)) }

    /// Whether cells may be stored in and replayed from the cache.
    var caches: Bool { sourceNote == nil }

    /// The command line of the plain run that merges what shards stored and computes what they
    /// left: this one without `--shard` and `--merge`.
    var mergeCommand: String {
        var words = command.split(separator: " ").map(String.init)
        if let at = words.firstIndex(where: { $0 == "--shard" }), at + 1 < words.count {
            words.removeSubrange(at...(at + 1))
        }
        words.removeAll { $0.hasPrefix("--shard=") || $0 == "--merge" }
        return words.joined(separator: " ")
    }

    /// Parses `arguments` and prepares the study folder under the output folder. Fails with
    /// status 0 and the help text for `--help`, 64 and one line for a bad flag, 73 and one line
    /// when the study folder cannot be written, 75 (EX_TEMPFAIL) and one line when another run
    /// of the study holds it.
    static func make(
        study name: String, sourceText: String?, sourcePath: String?, sourceNote: String? = nil,
        arguments: [String], packageRoot: String?
    ) -> Result<NotebookSetup, NotebookExit> {
        let study = safeName(name)
        let options: NotebookOptions
        switch NotebookOptions.read(arguments, program: study) {
        case .success(let parsed): options = parsed
        case .failure(let exit): return .failure(exit)
        }
        let outputPath = options.output ?? ((packageRoot ?? FileManager.default.currentDirectoryPath) + "/output")
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let folder = output.appendingPathComponent(options.profile.reportFolder(of: study))
        let probe = folder.appendingPathComponent(".write-probe")
        do {
            // A byte, not an empty file: a full disk still has room for an empty one.
            try AtomicFile.write(Data("probe\n".utf8), to: probe, durable: false)
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
        let lock: StudyLock?
        // Shards share the folder; submitting to Slurm and reading its status write no report.
        let locks = options.shard == nil && options.slurm == nil && !options.slurmStatus
        switch locks ? StudyLock.acquire(in: folder).map { Optional($0) } : .success(nil) {
        case .success(let taken): lock = taken
        case .failure(.held(let holder)):
            let who = holder.map { "(process \($0)) " } ?? ""
            return .failure(
                NotebookExit(
                    status: 75,
                    message:
                        "\(study): another run of this study \(who)is writing \(folder.path): wait for it to end, "
                        + "or give this run its own folder with --output"))
        case .failure(.failed(let reason)):
            return .failure(
                NotebookExit(
                    status: 73,
                    message: "\(study): cannot lock \(folder.path) for this run: \(reason) (choose another folder with --output)"
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
                sourceName: sourceName, sourceNote: sourceNote, options: options,
                packageRoot: packageRoot, output: output, command: command, lock: lock))
    }

    /// `name` as a folder name that stays inside the output folder and is safe in a link:
    /// ASCII letters, digits, `-`, `_` and `.` kept, anything else (`/`, `:`, spaces) made `-`,
    /// leading dots dropped (no `..`, no hidden folder); "Study" if nothing is left.
    static func safeName(_ name: String) -> String {
        let kept = String(
            name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" }
                .drop(while: { $0 == "." }))
        return kept.isEmpty ? "Study" : String(kept.prefix(100))
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
