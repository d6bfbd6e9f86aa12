// Ending a notebook: the report rewritten after every cell, finished by `finish()`, or written
// one last time when a cell fails before the process exits with status 1. Also the in-process
// runner that tests use to get the exit status without exiting.
import Foundation

/// Thrown out of `cell` in an embedded notebook once a cell has failed: the run is over.
struct NotebookStopped: Error {}

extension Notebook {
    /// Completes the report (status, total time, the index of all studies) and says where it
    /// is. Call it after the last cell. If the report cannot be written the process exits with
    /// status 74 after one line saying why; the previous report stays as it was.
    public func finish() {
        precondition(runningCell == nil, "notebook.finish() called inside a cell")
        guard state == .running else { return }
        state = .finished
        removeUnusedFigures()
        if writeReport() {
            say("Report: \(studyFolder.appendingPathComponent("index.html").path) · \(ReportFormat.duration(elapsed))")
        } else if mode == .process, !Self.exiting {
            Foundation.exit(74)
        }
    }

    /// Runs a notebook inside this process, as `body`, with `source` standing for its main.swift
    /// and `arguments` for its flags, and returns the exit status the process would have had:
    /// 0 when every cell ran, 1 when one failed, 64 for a bad flag, 73 or 74 when the report
    /// cannot be written. `finish()` is called after `body`.
    public static func run(
        source: String, study: String, arguments: [String], _ body: @MainActor (Notebook) throws -> Void
    ) -> Int32 {
        let setup: NotebookSetup
        switch NotebookSetup.make(
            study: study, sourceText: source, sourcePath: nil, arguments: arguments, packageRoot: nil)
        {
        case .success(let ready): setup = ready
        case .failure(let stop):
            stop.printMessage()
            return stop.status
        }
        let notebook = Notebook(setup: setup, mode: .embedded)
        do {
            try body(notebook)
        } catch is NotebookStopped {
            return 1
        } catch {
            _ = notebook.stop(outsideCells: error)
            return 1
        }
        notebook.finish()
        return notebook.reportWriteFailed ? 74 : 0
    }

    /// Ends the run after record `index` failed: the report is written, then the process exits
    /// with status 1 (an embedded notebook returns the error its cell throws).
    func stop(failedAt index: Int) -> Error {
        state = .failed(cell: records[index].title)
        if case .failed(let message) = records[index].status {
            say("✗ \(records[index].title) failed: \(message.split(separator: "\n").first ?? "")")
        }
        writeReport()
        say("Report: \(studyFolder.appendingPathComponent("index.html").path)")
        if mode == .process { Foundation.exit(1) }
        return NotebookStopped()
    }

    /// Ends the run after code between cells (in `section`, if known) threw `error`: it is
    /// shown as a failed step of that section, or after the last cell.
    func stop(outsideCells error: Error, section: Int? = nil) -> Error {
        let section = section ?? records.last?.section
        var record = CellRecord(title: section.map(betweenCellsTitle) ?? "Code before the first cell", cached: false)
        record.isCell = false
        record.section = section
        record.status = .failed(message: Self.describe(error))
        records.append(record)
        return stop(failedAt: records.count - 1)
    }

    /// "Code under “A figure”" for code between cells in `section` (its first heading), else
    /// "Code after “<the last cell>”".
    func betweenCellsTitle(_ section: Int) -> String {
        let prose = setup.source?.sections[section].prose ?? ""
        if let heading = prose.split(separator: "\n").first(where: { $0.hasPrefix("#") }) {
            return "Code under “\(heading.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces))”"
        }
        return records.last.map { "Code after “\($0.title)”" } ?? "Code before the first cell"
    }

    /// Writes the report, the study's summary and the index of all studies, atomically; false
    /// (said once on the terminal) if they cannot be written.
    @discardableResult
    func writeReport() -> Bool {
        let report = StudyReport(
            study: study, source: setup.source ?? NotebookSource(""), sourceName: setup.sourceName, records: records,
            parameters: parameters, trials: trialsUsed, dataFolder: dataFolder, startedAt: startedAt, duration: elapsed,
            environment: environment, command: setup.command, headline: headlineText, state: state, assets: assets)
        do {
            try AtomicFile.write(
                Data(ReportPage.html(report).utf8), to: studyFolder.appendingPathComponent("index.html"), durable: false
            )
            try AtomicFile.write(
                try CacheCoding.encoder.encode(report.summary),
                to: studyFolder.appendingPathComponent(StudySummary.fileName), durable: false)
            let index = IndexPage.html(StudySummary.all(in: setup.output))
            try AtomicFile.write(
                Data(index.utf8), to: setup.output.appendingPathComponent("index.html"), durable: false)
            return true
        } catch {
            if !reportWriteFailed { terminal.say("\(study): the report was not written: \(Self.describe(error))") }
            reportWriteFailed = true
            return false
        }
    }

    /// Seconds since the notebook started.
    var elapsed: Double { Date().timeIntervalSince(startedAt) }

    /// Says `line` on the terminal (a notebook that owns the process only; tests stay quiet).
    func say(_ line: String) {
        if mode == .process { terminal.say(line) }
    }

    /// Deletes PNGs in figures/ that no cell of this run showed (left by renamed cells).
    private func removeUnusedFigures() {
        let folder = studyFolder.appendingPathComponent("figures")
        var shown = Set<String>()
        for record in records {
            for case .figure(let figure) in record.items { shown.insert(figure.file) }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".png") && !shown.contains("figures/\(name)") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Whether the process is running its exit handlers (no `exit` may be called then).
    static var exiting = false
}
