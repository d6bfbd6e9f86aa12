// Showing figures and tables in the report, and handing a long cell its checkpoint.
import Foundation

extension Notebook {
    /// Draws `figure` into `figures/<cell>-<n>.png` beside the report and shows it: inside a
    /// cell, after what the cell printed so far; between cells, in the section of the code that
    /// called `show` (leave `file` and `line` to their defaults). Throws what `writePNG` throws:
    /// inside a cell the cell then fails; between cells the notebook stops there.
    public func show(_ figure: some Figure, file: String = #filePath, line: Int = #line) throws {
        try showing("figure \"\(figure.title)\"", file: file, line: line) { index in
            records[index].figureCount += 1
            let name = "figures/\(figureStem(of: index))-\(records[index].figureCount).png"
            // Through a temporary file, whatever the figure's own writePNG does: a killed run or
            // a full disk never leaves the report a torn picture.
            try AtomicFile.replace(studyFolder.appendingPathComponent(name)) { try figure.writePNG(to: $0) }
            return .figure(
                ShownFigure(title: figure.title, file: name, width: figure.size.width, height: figure.size.height))
        }
    }

    /// Shows `table`: inside a cell, after what the cell printed so far; between cells, in the
    /// section of the code that called `show`.
    public func show(_ table: ResultsTable, file: String = #filePath, line: Int = #line) throws {
        try showing("table \"\(table.title)\"", file: file, line: line) { _ in .table(table) }
    }

    /// The checkpoint of the running cell, for state of type `State` saved as it goes. `name`
    /// tells apart several checkpoints of one cell.
    nonisolated public func checkpoint<State: Codable>(
        _ type: State.Type, name: String = "state"
    ) -> Checkpoint<State> {
        guard let key = checkpointKey.value else {
            preconditionFailure(
                "notebook.checkpoint(\(State.self).self) called outside a cell: call it inside the cell it saves")
        }
        return Checkpoint(
            url: cache.entryURL(key, checkpoint: name),
            ignoresSaved: fresh || key.hasPrefix(Self.unkeyedCheckpointPrefix), interruption: interruption)
    }

    /// Adds the item `make` returns for the record it is given: the running cell's (its output
    /// so far filed first), or else the record of the code at `file`:`line`.
    private func showing(_ what: String, file: String, line: Int, _ make: (Int) throws -> CellItem) throws {
        if let index = runningCell {
            records[index].append(capture?.stop() ?? [])
            capture = nil
            defer { capture = try? OutputCapture(echoingTo: terminal) }
            records[index].items.append(try make(index))
            return
        }
        let section = file == setup.sourcePath ? setup.source?.section(containing: line) : nil
        guard let index = recordBetweenCells(in: section) else {
            throw stop(outsideCells: NotebookError.showBeforeFirstCell(what: what), section: section)
        }
        do {
            records[index].items.append(try make(index))
            writeReport()
        } catch {
            throw stop(outsideCells: error, section: section)
        }
    }

    /// The record that code between cells in `section` shows things in: the section's cell's
    /// when it has one that ran, else a record of its own (made on first use); with no known
    /// section, the last record.
    private func recordBetweenCells(in section: Int?) -> Int? {
        guard let section else { return records.indices.last }
        if let index = records.lastIndex(where: { $0.section == section }) { return index }
        var record = CellRecord(title: betweenCellsTitle(section), cached: false)
        record.isCell = false
        record.section = section
        record.status = .ran
        records.append(record)
        return records.count - 1
    }

    /// The file-name stem of record `index`'s figures: its title's slug, numbered when an
    /// earlier record has the same slug.
    private func figureStem(of index: Int) -> String {
        let slug = HTML.slug(records[index].title)
        let earlier = records[..<index].filter { HTML.slug($0.title) == slug }.count
        return earlier == 0 ? slug : "\(slug)-\(earlier + 1)"
    }
}
