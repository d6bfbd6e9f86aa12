// The notebook a study's main.swift creates on its first line: it reads the flags and its own
// source, runs the cells it is handed, and writes the report. Cells, showing, caching and the
// report live in the extensions beside this file.
import Foundation

/// A literate notebook run: `let notebook = Notebook()` at the top of a study's main.swift.
///
/// ```swift
/// //: # My study
/// import Literate
/// let notebook = Notebook()
/// //: ## Data
/// let data = try notebook.cell("Load the data", cached: true) { try loadData() }
/// notebook.finish()
/// ```
/// The notebook reads `--profile`, `--seed`, `--trials`, `--fresh`, `--output` and `--data`
/// (`--help` lists them), reads its own source to show each cell's prose and code, and writes
/// `<output>/<Study>/index.html`, rewritten after every cell and completed by `finish()`. A cell
/// that throws ends the run: the report shows the error and the cells that did not run, and the
/// process exits with status 1. Ctrl-C stops the run at its next safe point (between cells, after
/// a checkpoint is saved, at a progress update) with a partial report marked interrupted, and
/// exits with status 130. Only one run of a study may write its folder at a time.
///
/// The notebook belongs to the main actor, as the top-level code of main.swift does; its
/// parameters (`profile`, `seed`, `progress`, `generator(_:)`, `checkpoint(_:name:)`, …) can
/// be used from anywhere.
@MainActor
public final class Notebook {
    /// Whether the notebook owns the process (exits on failure) or runs inside another program
    /// (a test), returning the exit status instead.
    enum Mode {
        case process, embedded
    }

    /// `--profile` (standard unless given).
    nonisolated public let profile: Profile
    /// `--seed` (42 unless given): every random draw of the run derives from it.
    nonisolated public let seed: UInt64
    /// Whether `--fresh` asked to ignore the cache.
    nonisolated public let fresh: Bool
    /// The data folder: `--data`, else the host's default, else `data/` at the package root.
    nonisolated public let dataFolder: String
    /// `<output>/<Study>`: the report, its figures and the cache.
    nonisolated public let studyFolder: URL
    /// The study's name (its folder under Notebooks/).
    nonisolated public let study: String
    /// The terminal progress bar, for long work: pass it wherever a `ProgressObserver` goes.
    nonisolated public let progress: TerminalProgress

    let mode: Mode
    let setup: NotebookSetup
    let parameters: RunParameters
    nonisolated let cache: CellCache
    /// The key the running cell's checkpoints are saved under (nil between cells), for
    /// `checkpoint`, which code on any thread may call.
    nonisolated let checkpointKey = Locked<String?>(nil)
    /// The data files the running cell has read so far (nil between cells).
    nonisolated let dataReads = Locked<Set<DataFileIdentity>?>(nil)
    /// What the study layer adds to the run.
    nonisolated let host: NotebookHost
    /// Whether Ctrl-C (or SIGTERM) asked the run to stop, read at every safe point.
    nonisolated let interruption = Interruption()
    let terminal: Terminal
    let environment: RunEnvironment
    let startedAt = Date()
    let assets: ReportAssets

    /// Every cell called so far, in order.
    var records: [CellRecord] = []
    /// The index in `records` of the cell running now.
    var runningCell: Int?
    /// The capture of the running cell's output, and when the cell started.
    var capture: OutputCapture?
    var cellStarted = ContinuousClock.now
    var state: StudyReport.State = .running
    var headlineText: String?
    var trialsUsed: Int?
    /// Whether the last attempt to write the report failed.
    var reportWriteFailed = false
    /// The report the run started from, put back if the run's last report cannot be written.
    let lastGood: LastGoodReport


    /// Starts the notebook of the source file `filePath` (leave the default: the caller's file),
    /// with what `host` adds (a study layer passes its own; the default adds nothing).
    ///
    /// First of all it runs the host's `prepareProcess` (which may re-execute the process once).
    /// Then it parses the flags: `--help` prints the help and
    /// exits 0; a bad flag prints one line and exits 64; an output folder that cannot be written
    /// prints one line and exits 73; a study folder another run of the study is writing prints
    /// one line and exits 75. A source that cannot be read, or was edited after the program was
    /// built, is noted in the report and turns the cache off (`SourceFile`).
    public convenience init(filePath: String = #filePath, host: NotebookHost = NotebookHost()) {
        host.prepareProcess()
        Self.lineBufferStandardOutput()
        // A closed terminal or pipe (`… | head`) makes writes fail instead of killing the run.
        signal(SIGPIPE, SIG_IGN)
        let study = URL(fileURLWithPath: filePath).deletingLastPathComponent().lastPathComponent
        let source = SourceFile.read(filePath)
        let root = NotebookSetup.packageRoot(above: filePath)
        let made = NotebookSetup.make(
            study: study, sourceText: source.text, sourcePath: filePath, sourceNote: source.problem,
            arguments: Array(CommandLine.arguments.dropFirst()), packageRoot: root)
        let setup: NotebookSetup
        switch made {
        case .success(let ready): setup = ready
        case .failure(let stop): Self.exit(stop)
        }
        if setup.options.slurm != nil || setup.options.slurmStatus { SlurmCommand.run(setup) }
        self.init(setup: setup, mode: .process, host: host)
        Self.unfinished = self
        atexit {
            guard Thread.isMainThread else { return }
            MainActor.assumeIsolated { Notebook.finishAtExit() }
        }
        Interruption.catchSignals(
            announcing: "\n\(setup.study): interrupted: stopping at the next safe point to write a partial report "
                + "(press Ctrl-C again to stop at once)\n",
            on: terminal.errorDescriptor)
        if let note = setup.sourceNote { terminal.say("\(setup.study): note: \(note)") }
    }

    /// Makes C's stdout, which Swift's print writes through, line-buffered, so that what a cell
    /// prints reaches the terminal line by line: into the capture pipe it would buffer 4 KB, so
    /// lines came in bursts, late, and a killed run lost its last ones. Call it before any
    /// output, as setvbuf asks. Swift 6 refuses to name the C global `stdout` (shared mutable
    /// state), so the stream is looked up as the symbol it is.
    private static func lineBufferStandardOutput() {
        guard let symbol = dlsym(nil, "stdout") else { return }
        setvbuf(symbol.load(as: UnsafeMutablePointer<FILE>.self), nil, _IOLBF, 0)
    }

    init(setup: NotebookSetup, mode: Mode, host: NotebookHost = NotebookHost()) {
        self.setup = setup
        self.mode = mode
        self.host = host
        let options = setup.options
        profile = options.profile
        seed = options.seed
        fresh = options.fresh
        dataFolder =
            options.data ?? host.defaultDataFolder?()
            ?? ((setup.packageRoot ?? FileManager.default.currentDirectoryPath) + "/data")
        study = setup.study
        studyFolder = setup.studyFolder
        parameters = RunParameters(
            profile: options.profile, seed: options.seed, trials: options.trials, dataFolder: options.data)
        cache = CellCache(folder: setup.studyFolder.appendingPathComponent(".cache"))
        for folder in [studyFolder, cache.folder, studyFolder.appendingPathComponent("figures")] {
            AtomicFile.removeLeftovers(in: folder)
        }
        terminal = Terminal()
        progress = TerminalProgress(terminal: terminal)
        environment = RunEnvironment.current(
            packageRoot: mode == .process ? setup.packageRoot : nil, facts: host.facts())
        assets = ReportAssets.install(into: setup.output)
        lastGood = LastGoodReport(keepingIn: setup.studyFolder)
        progress.safePoint = { [weak self] in
            guard Thread.isMainThread else { return }
            MainActor.assumeIsolated { self?.stopIfInterruptedDuringCell() }
        }
        writeReport()  // every cell "not run yet": even a run killed in its first cell leaves a report
        host.started(self)
    }

    /// The number of trials: `--trials` if given, else this profile's default.
    public func trials(quick: Int, standard: Int, paper: Int) -> Int {
        let trials = parameters.trials ?? profile.choose(quick: quick, standard: standard, paper: paper)
        trialsUsed = trials
        return trials
    }

    /// Records the study's headline result ("90.1 % test accuracy with 5 600 labels"), shown at
    /// the top of the report and in the index of all studies.
    public func headline(_ text: String) {
        headlineText = text
        if let runningCell { records[runningCell].headline = text }
    }

    /// The notebook of this process, finished at exit if its author forgot `finish()`.
    private static var unfinished: Notebook?

    private static func finishAtExit() {
        exiting = true
        guard let notebook = unfinished, notebook.state == .running, notebook.runningCell == nil else { return }
        notebook.say("note: the notebook ended without notebook.finish(); its report is finished now")
        notebook.finish()
    }

    /// Prints `stop`'s message and exits with its status.
    nonisolated static func exit(_ stop: NotebookExit) -> Never {
        stop.printMessage()
        Foundation.exit(stop.status)
    }
}
