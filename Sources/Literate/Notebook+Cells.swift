// Running a cell: matching it to its code in the source, replaying it from the cache when it may,
// otherwise running it with its output captured, and storing what a replay needs.
import Foundation

/// The value of a cached cell that returns nothing.
private struct NoValue: Codable {}

extension Notebook {
    /// Runs `body` as the cell titled `title` and returns its value.
    ///
    /// What the cell prints (standard output and error, from Swift or C) is captured into the
    /// report and still echoed to the terminal. If `body` throws, the report shows the error,
    /// marks the cells after it not run, and the process exits with status 1.
    @discardableResult
    public func cell<Value>(_ title: String, _ body: () throws -> Value) throws -> Value {
        let index = try begin(title, cached: false, valueType: "\(Value.self)")
        records[index].whyRan = [.notCached]
        let value = try execute(index, body)
        complete(index)
        return value
    }

    /// Runs `body` as the cell titled `title`; with `cached: true`, replays it instead when it
    /// ran before with the same code (its own and all the code above it), parameters (profile,
    /// seed, trials, data folder), library sources (when the host fingerprints them) and data
    /// files (those it and the cells above it read), unless `--fresh`. A replay restores the
    /// value, the output, the figures, the tables and the headline. A cell that runs says why
    /// (`RerunReason`) on the terminal and in the report. An unreadable cache entry is noted and
    /// the cell runs.
    @discardableResult
    public func cell<Value: Codable>(_ title: String, cached: Bool, _ body: () throws -> Value) throws -> Value {
        let index = try begin(title, cached: cached, valueType: "\(Value.self)")
        if !cached {
            records[index].whyRan = [.notCached]
        } else if fresh {
            records[index].whyRan = [.fresh]
        } else if let key = records[index].key {
            switch cache.lookUp(key, as: Value.self) {
            case .found(let entry):
                let changed = Self.changedDataFiles(entry.dataFiles ?? [])
                if !changed.isEmpty {
                    records[index].whyRan = [.dataChanged(files: changed)]
                } else if replay(entry, into: index) {
                    return entry.value
                }
            case .unreadable(let reason):
                note("Ignored an unreadable cache entry (\(reason)); the cell ran again.", in: index)
                records[index].whyRan = [.unusableEntry(reason)]
            case .missing:
                records[index].whyRan = whyMissing(index)
            }
        } else {
            records[index].whyRan = [.codeUnknown]
        }
        let value = try execute(index, body)
        if cached { store(value, of: index) }
        complete(index)
        return value
    }

    /// Why record `index`, whose key has no entry, cannot replay: what differs from the last
    /// stored run of the same cell.
    private func whyMissing(_ index: Int) -> [RerunReason] {
        let record = records[index]
        guard let ingredients = record.ingredients,
            let last = cache.lastRun(of: ingredients.title, occurrence: ingredients.occurrence)
        else { return [.firstRun] }
        let reasons = ingredients.differences(from: last.ingredients)
        return reasons.isEmpty ? [.entryMissing] : reasons
    }

    /// The files among `files` whose identity is no longer what it was (changed or gone), by path.
    nonisolated static func changedDataFiles(_ files: [DataFileIdentity]) -> [String] {
        files.filter { DataFileIdentity.current($0.path) != $0 }.map(\.path).sorted()
    }

    /// Records that the running cell read the data file at `path`: a cached result of this cell,
    /// and of every cell after it, is then replayed only while the file keeps its size and
    /// modification time. Safe from any thread; a study layer calls it for every file its data
    /// loaders read. Outside a cell it does nothing.
    nonisolated public func dependsOn(dataFile path: String) {
        guard let identity = DataFileIdentity.current(path) else { return }
        dataReads.withValue { $0?.insert(identity) }
    }

    /// Runs `body`, a cell that returns nothing, as the cell titled `title`, cached like a cell
    /// with a value (its output, figures and tables are what a replay restores).
    public func cell(_ title: String, cached: Bool, _ body: () throws -> Void) throws {
        _ = try cell(title, cached: cached) { () throws -> NoValue in
            try body()
            return NoValue()
        }
    }

    /// Adds a record for a new cell, matched to its source, with its cache key. Throws
    /// `NotebookStopped` once a cell has failed (only an embedded notebook gets that far).
    private func begin(_ title: String, cached: Bool, valueType: String) throws -> Int {
        precondition(
            runningCell == nil,
            "cell \"\(title)\" started inside cell \"\(records[runningCell ?? 0].title)\": cells cannot nest")
        switch state {
        case .failed, .interrupted: throw NotebookStopped()
        case .finished: preconditionFailure("cell \"\(title)\" started after notebook.finish()")
        case .running: break
        }
        if interruption.signal != nil { throw stop(interruptedIn: nil) }
        var record = CellRecord(title: title, cached: cached)
        if let source = setup.source,
            let match = Self.match(title, in: source.cells, after: records.last(where: \.isCell)?.sourceIndex)
        {
            let cells = source.cells
            record.sourceIndex = match
            record.section = source.section(ofCell: match)
            let occurrence = records.filter { $0.sourceIndex == match && $0.title == title }.count
            if setup.caches {
                let ingredients = CellIngredients.of(
                    cell: match, in: cells, title: title, occurrence: occurrence, valueType: valueType,
                    parameters: parameters, library: host.library)
                record.ingredients = ingredients
                record.key = ingredients.key
            }
        } else if cached, setup.caches {
            record.notes.append("Not cached: this cell's code was not found in the notebook's source.")
        }
        records.append(record)
        return records.count - 1
    }

    /// The source cell a cell titled `title` is: the first match after the previous cell's, else
    /// the previous cell's itself (a cell called in a loop), else any match.
    nonisolated static func match(_ title: String, in cells: [SourceCell], after previous: Int?) -> Int? {
        let next = (previous ?? -1) + 1
        if next < cells.count, let found = cells[next...].firstIndex(where: { $0.matches(title) }) { return found }
        if let previous, cells[previous].matches(title) { return previous }
        return cells.firstIndex { $0.matches(title) }
    }

    /// Runs `body` with output captured; on an error, stops the notebook.
    private func execute<Value>(_ index: Int, _ body: () throws -> Value) throws -> Value {
        let why = records[index].whyRan
        say("▶ \(position(of: index))\(records[index].title)" + (why.isEmpty ? "" : " · \(RerunReason.phrase(why))"))
        cellStarted = ContinuousClock.now
        runningCell = index
        checkpointKey.value = checkpointName(of: index)
        dataReads.value = []
        do {
            capture = try OutputCapture(echoingTo: terminal)
            let value = try body()
            endCapture(index)
            records[index].status = .ran
            return value
        } catch let finished as ShardFinished {
            endCapture(index)
            throw stop(shardFinished: finished, in: index)
        } catch is NotebookInterrupted {
            endCapture(index)
            records[index].status = .interrupted
            throw stop(interruptedIn: index)
        } catch {
            endCapture(index)
            records[index].status = .failed(message: Self.describe(error))
            throw stop(failedAt: index)
        }
    }

    /// Stops the run at a progress update of the running cell if a signal asked it to (a notebook
    /// that owns the process only: nothing can be thrown from a progress update, so it exits).
    func stopIfInterruptedDuringCell() {
        guard mode == .process, state == .running, interruption.signal != nil else { return }
        let index = runningCell
        if let index {
            endCapture(index)
            records[index].status = .interrupted
        }
        _ = stop(interruptedIn: index)
    }

    /// Stops the running cell's capture, files what it caught and the cell's duration.
    func endCapture(_ index: Int) {
        if let capture { records[index].append(capture.stop()) }
        capture = nil
        runningCell = nil
        checkpointKey.value = nil
        records[index].dataFiles.formUnion(dataReads.value ?? [])
        dataReads.value = nil
        records[index].duration = seconds(since: cellStarted)
    }

    /// Restores a cached run into record `index`; false (with a note) if its figures cannot be
    /// put back, so the cell runs instead.
    private func replay<Value>(_ entry: CacheEntry<Value>, into index: Int) -> Bool {
        let start = ContinuousClock.now
        do {
            for (file, png) in entry.figures {
                try AtomicFile.write(png, to: studyFolder.appendingPathComponent(file))
            }
        } catch {
            note("Could not restore the cached figures (\(error)); the cell ran again.", in: index)
            records[index].whyRan = [.unusableEntry("its figures could not be restored")]
            return false
        }
        records[index].items = entry.items
        records[index].figureCount = entry.items.filter { if case .figure = $0 { true } else { false } }.count
        records[index].headline = entry.headline
        records[index].dataFiles = Set(entry.dataFiles ?? [])
        if let headline = entry.headline { headlineText = headline }
        records[index].status = .replayed(originalDuration: entry.duration, ranAt: entry.ranAt)
        records[index].duration = seconds(since: start)
        say(
            "↺ \(position(of: index))\(records[index].title) · from cache (ran in \(ReportFormat.duration(entry.duration)))"
        )
        writeReport()
        return true
    }

    /// Stores record `index` and `value` in the cache; a value that cannot be stored is noted.
    private func store<Value: Codable>(_ value: Value, of index: Int) {
        let record = records[index]
        guard let key = record.key else { return }
        var figures: [String: Data] = [:]
        for case .figure(let figure) in record.items {
            figures[figure.file] = FileManager.default.contents(
                atPath: studyFolder.appendingPathComponent(figure.file).path)
        }
        let dataFiles = records[...index].reduce(into: Set<DataFileIdentity>()) { $0.formUnion($1.dataFiles) }
        let entry = CacheEntry(
            title: record.title, ranAt: Date(), duration: record.duration, items: record.items,
            headline: record.headline, figures: figures,
            dataFiles: dataFiles.sorted { $0.path < $1.path }, value: value)
        do {
            try cache.store(entry, under: key)
            if let ingredients = record.ingredients { try cache.storeLastRun(LastRun(key: key, ingredients: ingredients)) }
            cache.removeCheckpoints(of: key)
        } catch {
            note("Not cached: \(error)", in: index)
        }
    }

    /// The key record `index`'s checkpoints are saved under: its cache key, or, for a cell whose
    /// code is not known (no source, or a title that matched none), a name of its title that
    /// `checkpoint` never restores from, since nothing ties it to the code or the parameters.
    func checkpointName(of index: Int) -> String {
        records[index].key ?? Self.unkeyedCheckpointPrefix + HTML.slug(records[index].title)
    }

    /// How the names of checkpoints that are never restored start.
    nonisolated static let unkeyedCheckpointPrefix = "unkeyed-"

    /// Ends a cell that ran: its checkpoints are spent, the report is brought up to date.
    private func complete(_ index: Int) {
        if records[index].key == nil || !records[index].cached { cache.removeCheckpoints(of: checkpointName(of: index)) }
        say("✓ \(records[index].title) · \(ReportFormat.duration(records[index].duration))")
        writeReport()
    }

    /// Adds a one-line remark of the runtime to record `index` and says it on the terminal.
    func note(_ text: String, in index: Int) {
        records[index].notes.append(text)
        say("  note: \(text)")
    }

    /// "[3/7] " for the third of seven cells of the source, "" when unknown.
    private func position(of index: Int) -> String {
        guard let cell = records[index].sourceIndex, let count = setup.source?.cells.count else { return "" }
        return "[\(cell + 1)/\(count)] "
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The error as its author worded it.
    nonisolated static func describe(_ error: Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}
