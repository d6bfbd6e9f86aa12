// Ending a notebook: the report rewritten after every cell, finished by `finish()`, or written
// one last time when a cell fails (exit status 1) or a signal interrupts the run (exit status
// 128 + the signal). Also the in-process runner that tests use to get the exit status without
// exiting.
import Foundation

/// Thrown out of `cell` in an embedded notebook once a cell has failed or the run was
/// interrupted: the run is over.
struct NotebookStopped: Error {}

/// Thrown by `Checkpoint.save` once Ctrl-C (or SIGTERM) has asked the run to stop, after the
/// state is saved: let it propagate out of the cell, which resumes from that state next time.
public struct NotebookInterrupted: Error, CustomStringConvertible {
    public var description: String { "the run was interrupted (Ctrl-C); its progress is saved" }
}

extension Notebook {
    /// Completes the report (status, total time, the index of all studies) and says where it
    /// is. Call it after the last cell. If the report cannot be written the process exits with
    /// status 74 after one line saying why; the previous report stays as it was.
    public func finish() {
        precondition(runningCell == nil, "notebook.finish() called inside a cell")
        guard state == .running else { return }
        state = .finished
        removeUnusedFigures()
        if writeFinalReport() {
            say("Report: \(studyFolder.appendingPathComponent("index.html").path) · \(ReportFormat.duration(elapsed))")
        } else if mode == .process, !Self.exiting {
            Foundation.exit(74)
        }
    }

    /// Runs a notebook inside this process, as `body`, with `source` standing for its main.swift
    /// and `arguments` for its flags, and returns the exit status the process would have had:
    /// 0 when every cell ran, 1 when one failed, 64 for a bad flag, 73 or 74 when the report
    /// cannot be written, 75 when another run holds the study's folder, 130 when interrupted.
    /// `finish()` is called after `body`.
    public static func run(
        source: String, study: String, arguments: [String], host: NotebookHost = NotebookHost(),
        _ body: @MainActor (Notebook) throws -> Void
    ) -> Int32 {
        run(source: source, sourceNote: nil, study: study, arguments: arguments, host: host, body)
    }

    /// `run`, with a source that may be missing or noted as unusable (`SourceFile.problem`).
    static func run(
        source: String?, sourceNote: String?, study: String, arguments: [String], host: NotebookHost = NotebookHost(),
        _ body: @MainActor (Notebook) throws -> Void
    ) -> Int32 {
        let setup: NotebookSetup
        switch NotebookSetup.make(
            study: study, sourceText: source, sourcePath: nil, sourceNote: sourceNote, arguments: arguments,
            packageRoot: nil)
        {
        case .success(let ready): setup = ready
        case .failure(let stop):
            stop.printMessage()
            return stop.status
        }
        defer { setup.lock?.release() }
        let notebook = Notebook(setup: setup, mode: .embedded, host: host)
        do {
            try body(notebook)
        } catch is NotebookStopped {
            return notebook.exitStatus
        } catch {
            _ = notebook.stop(outsideCells: error)
            return 1
        }
        notebook.finish()
        return notebook.exitStatus
    }

    /// The status the process exits with, given how the run stands.
    var exitStatus: Int32 {
        switch state {
        case .failed: return 1
        case .interrupted: return interruption.exitStatus
        case .running, .finished: return reportWriteFailed ? 74 : 0
        }
    }

    /// Ends the run because a signal asked it to stop, in the cell of record `index` (already
    /// marked interrupted) or between cells: the report is written marked interrupted, then the
    /// process exits with 128 + the signal's number (an embedded notebook returns the error to
    /// throw).
    func stop(interruptedIn index: Int?) -> Error {
        state = .interrupted(cell: index.map { records[$0].title })
        progress.removeBar()
        writeFinalReport()
        let done = records.filter { $0.isCell && $0.status != .interrupted }.count
        say(
            "⏸ Interrupted\(index.map { " in " + records[$0].title } ?? " between cells") after \(done) cell"
                + "\(done == 1 ? "" : "s"); partial report: \(studyFolder.appendingPathComponent("index.html").path)")
        if mode == .process { Foundation.exit(interruption.exitStatus) }
        return NotebookStopped()
    }

    /// Ends the run after record `index` failed: the report is written, then the process exits
    /// with status 1 (an embedded notebook returns the error its cell throws).
    func stop(failedAt index: Int) -> Error {
        state = .failed(cell: records[index].title)
        if case .failed(let message) = records[index].status {
            say("✗ \(records[index].title) failed: \(message.split(separator: "\n").first ?? "")")
        }
        if writeFinalReport() { say("Report: \(studyFolder.appendingPathComponent("index.html").path)") }
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
    /// if they cannot be written (said on the terminal when writing starts to fail, and again
    /// when it works again, say once the disk has room), leaving the files as they were.
    @discardableResult
    func writeReport() -> Bool {
        // Shards share the study folder: the plain run that merges their units writes the report.
        if setup.options.shard != nil { return true }
        let report = StudyReport(
            study: study, source: setup.source ?? NotebookSource(""), sourceName: setup.sourceName, records: records,
            parameters: parameters, trials: trialsUsed, dataFolder: dataFolder, startedAt: startedAt, duration: elapsed,
            environment: environment, command: setup.command, headline: headlineText, state: state, assets: assets,
            notes: setup.sourceNote.map { [$0] } ?? [])
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
            if reportWriteFailed { terminal.say("\(study): the report is written again") }
            reportWriteFailed = false
            return true
        } catch {
            if !reportWriteFailed {
                terminal.say("\(study): the report was not written (the last one written stays): \(Self.describe(error))")
            }
            reportWriteFailed = true
            return false
        }
    }

    /// Writes the report of a run that is ending (`writeReport`). If it cannot be written, the
    /// report the run started from is put back in place of this run's last, unfinished one
    /// (`LastGoodReport`), and the terminal says which stands.
    @discardableResult
    func writeFinalReport() -> Bool {
        if writeReport() {
            lastGood.discard()
            return true
        }
        if lastGood.restore() {
            terminal.say("\(study): the report of the previous run is put back in place")
        }
        return false
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
