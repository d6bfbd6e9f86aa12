// The loop every active-learning study runs: start or resume each job, one round at a time,
// checkpointing after every round, with the progress bar counting restored rounds and a total
// time that survives being killed. Jobs run one after another or side by side over the cores.
import Foundation

/// Runs a list of independent active-learning jobs to their last round and returns each job's
/// finished state, in job order.
///
/// ```swift
/// let states = try LearnerRun("Acquisition runs", jobs: jobs).run(in: notebook).map(\.state)
/// ```
/// Every round is checkpointed, so a killed cell resumes each job at the round it reached.
/// `inParallel` runs one job per core with OpenBLAS single-threaded inside (`ParallelJobs`);
/// the results do not depend on the order jobs ran in.
///
/// A checkpoint holds the round's trained model (weights and optimizer state) when that pays:
/// see `ModelSaving`. A resumed job whose checkpoint holds no model trains it again, with the
/// same random streams and so to the same bits; one whose checkpoint holds it goes straight on.
public struct LearnerRun<Notes: Codable & Sendable> {
    /// When a round's checkpoint holds the model the round trained.
    public enum ModelSaving: Sendable {
        /// Every round's: a resumed run never trains a finished round's model again.
        case always
        /// A round's when training it took longer than saving a model last took in this run
        /// (the run's first round's is saved, to measure): a network trained for minutes is
        /// saved, a small one that trains in less time than its 100 MB checkpoint takes to
        /// write is trained again instead if the run is killed.
        case whenCheaperThanRetraining
    }

    /// A job's finished run.
    public struct Finished {
        /// The job's name.
        public var name: String
        /// The learner's state after its last round.
        public var state: ActiveLearnerState
        /// Wall-clock seconds spent on the job, summed over every process that worked on it.
        public var seconds: Double
        /// What the job's per-round hook noted.
        public var notes: Notes
    }

    /// The bar's label ("Acquisition runs").
    public var label: String
    /// The jobs, in the order results come back.
    public var jobs: [LearnerJob<Notes>]
    /// Whether jobs run side by side over the cores instead of one after another.
    public var inParallel: Bool
    /// When checkpoints hold the round's model.
    public var modelSaving: ModelSaving

    /// A run of `jobs` under the bar label `label`.
    public init(
        _ label: String, jobs: [LearnerJob<Notes>], inParallel: Bool = false,
        modelSaving: ModelSaving = .whenCheaperThanRetraining
    ) {
        self.label = label
        self.jobs = jobs
        self.inParallel = inParallel
        self.modelSaving = modelSaving
    }

    /// Runs (or resumes) every job as a unit of the running cell (`Notebook.units`), reporting
    /// to the notebook's bar, and shows where each unit ran. Call it inside the cell whose
    /// result it computes.
    ///
    /// Each job is stored on its own under the cell's key without `--trials` and the job's
    /// name, so more trials compute only the new jobs; a job another process is computing is
    /// waited for; under `--shard i/n` only that shard's jobs run and the run then ends. Stored
    /// jobs keep their states without the last model (use `afterRound` to read it).
    @MainActor public func run(in notebook: Notebook) throws -> [Finished] {
        let units = notebook.units(jobs.map(\.name), of: Finished.self)
        defer { units.releaseClaims() }
        let checkpoints = NotebookCheckpoints<Notes>(checkpoints: jobs.indices.map {
            units.checkpoint($0, LearnerJobProgress<Notes>.self)
        })
        let store = { (index: Int, finished: Finished, cpuSeconds: Double) throws in
            var kept = finished
            kept.state.model = nil
            try units.store(kept, index, wallSeconds: finished.seconds, cpuSeconds: cpuSeconds)
        }
        let stored = jobs.indices.filter { units.result($0) != nil }.count
        // one job per core claims them all first; one after another, each just before it runs, so
        // that other processes share the rest
        if inParallel {
            _ = try runJobs(units.toCompute(), checkpoints: checkpoints, progress: notebook.progress, stored: stored, store)
        } else {
            _ = try runJobs(
                units.candidates(), checkpoints: checkpoints, progress: notebook.progress, stored: stored,
                claim: units.claim, store)
        }
        let finished = try units.results { index in
            _ = try runJobs([index], checkpoints: checkpoints, progress: notebook.progress, stored: 0, store)
        }
        try notebook.show(units.table(title: "Where the \(jobs.count) jobs of “\(label)” ran"))
        return finished
    }

    /// Runs (or resumes) every job from `checkpoints`, reporting to `progress`. Throws the first
    /// error of a job (in job order) or of a save, such as a notebook's interruption.
    public func run(checkpoints: some LearnerCheckpoints<Notes>, progress: any ProgressObserver) throws -> [Finished] {
        let finished = try runJobs(Array(jobs.indices), checkpoints: checkpoints, progress: progress, stored: 0) { _, _, _ in }
        return jobs.indices.compactMap { finished[$0] }
    }

    /// Runs (or resumes) the jobs `selected`, telling `done` of each as it finishes (with the CPU
    /// seconds of its thread); `stored` more jobs count as done on the bar. One after another,
    /// each job runs only if `claim` takes it when its turn comes.
    private func runJobs(
        _ selected: [Int], checkpoints: some LearnerCheckpoints<Notes>, progress: any ProgressObserver, stored: Int,
        claim: (Int) -> Bool = { _ in true }, _ done: @escaping (Int, Finished, Double) throws -> Void
    ) throws -> [Int: Finished] {
        guard !selected.isEmpty else { return [:] }
        let counter = RoundCounter(progress)
        let saveCost = ModelSaveCost()
        if inParallel {
            let restored = Dictionary(uniqueKeysWithValues: selected.map { ($0, checkpoints.restore(job: $0)) })
            let total = selected.map { jobs[$0].rounds }.reduce(0, +)
            counter.begin(label, total: total, restored: selected.map { restored[$0]??.state.round ?? 0 })
            let shared = Unchecked((jobs, restored, checkpoints, done))
            let modelSaving = modelSaving
            let finished = try ParallelJobs.run(selected.count) { slot in
                let (jobs, restored, checkpoints, done) = shared.value
                let index = selected[slot]
                let stopwatch = Stopwatch()
                let finished = try Self.run(
                    jobs[index], index: index, from: restored[index] ?? nil, checkpoints: checkpoints,
                    training: Silent(), learnerProgress: nil, counter: counter, modelSaving: modelSaving,
                    saveCost: saveCost)
                try done(index, finished, stopwatch.cpuSeconds)
                return finished
            }
            counter.end(summary: finished.map(Self.summary).joined(separator: "\n"))
            return Dictionary(uniqueKeysWithValues: zip(selected, finished))
        }
        counter.begin(label, total: stored + selected.count, restored: [])
        if stored > 0 { progress.resume(completed: stored) }
        var finished: [Int: Finished] = [:]
        for index in selected where claim(index) {
            let job = jobs[index]
            // read once claimed: another process may have carried the job on until then
            let saved = checkpoints.restore(job: index)
            counter.beginJob(job.name, total: job.rounds, restored: saved?.state.round ?? 0)
            let stopwatch = Stopwatch()
            let result = try Self.run(
                job, index: index, from: saved, checkpoints: checkpoints, training: progress.barOnly,
                learnerProgress: progress.barOnly, counter: counter, modelSaving: modelSaving,
                saveCost: saveCost)
            try done(index, result, stopwatch.cpuSeconds)
            counter.endJob(summary: Self.summary(result), jobsDone: stored + finished.count + 1)
            finished[index] = result
        }
        counter.end(summary: "")
        return finished
    }

    /// Runs one job from `saved` (or from the start) to its last round, saving after each.
    private static func run(
        _ job: LearnerJob<Notes>, index: Int, from saved: LearnerJobProgress<Notes>?,
        checkpoints: some LearnerCheckpoints<Notes>, training: any ProgressObserver,
        learnerProgress: (any ProgressObserver)?, counter: RoundCounter, modelSaving: ModelSaving,
        saveCost: ModelSaveCost
    ) throws -> Finished {
        var learner = try saved.map { try job.resume($0.state, progress: training) } ?? job.start(progress: training)
        var (seconds, notes) = (saved?.seconds ?? 0, saved?.notes ?? job.notes)
        learner.observer = learnerProgress
        while learner.round < job.rounds && !learner.isFinished {
            let stopwatch = Stopwatch()
            let previous = learner.model
            let record = try learner.step()
            let round = FinishedRound(
                record: record, learner: learner, previousModel: previous, cpuSeconds: stopwatch.cpuSeconds)
            try job.afterRound?(round, &notes)
            let roundSeconds = stopwatch.wallSeconds
            seconds += roundSeconds
            var state = learner.state
            if modelSaving == .whenCheaperThanRetraining, let cost = saveCost.seconds, roundSeconds < cost {
                state.model = nil
            }
            let saving = Stopwatch()
            try checkpoints.save(LearnerJobProgress(state: state, seconds: seconds, notes: notes), job: index)
            if state.model != nil { saveCost.seconds = saving.wallSeconds }
            counter.roundDone(
                learner.round,
                detail: "\(job.name): \(record.labelsSpent) labels, test accuracy "
                    + String(format: "%.2f %%", record.accuracy * 100))
        }
        return Finished(name: job.name, state: learner.state, seconds: seconds, notes: notes)
    }

    /// "experiment 1, BALD: 86.50 % test accuracy at 40 labels (12 s)".
    static func summary(_ finished: Finished) -> String {
        let last = finished.state.curve.points.last
        return String(
            format: "%@: %.2f %% test accuracy at %d labels (%.0f s)", finished.name, 100 * (last?.accuracy ?? 0),
            last?.labels ?? 0, finished.seconds)
    }
}

extension LearnerRun.Finished: Sendable {}
extension LearnerRun.Finished: Codable {}

/// Wraps a value that is handed to parallel jobs which only read it (or, like the checkpoints,
/// are safe from several threads).
private final class Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The wall seconds the run's last checkpoint holding a model took to save (nil: none yet),
/// shared by its jobs, which may save from several threads.
private final class ModelSaveCost: @unchecked Sendable {
    private let lock = NSLock()
    private var measured: Double?
    var seconds: Double? {
        get { lock.withLock { measured } }
        set { lock.withLock { measured = newValue } }
    }
}

/// A progress observer that reports nowhere: the training of parallel jobs, which must not
/// nest levels on a bar the other jobs share.
private final class Silent: ProgressObserver {
    func begin(_ label: String, total: Int) {}
    func update(completed: Int, detail: String) {}
    func end(summary: String) {}
}

/// The bar of a learner run. Sequential runs nest one level per job (rounds) under the jobs;
/// parallel runs count the rounds of every job on one level, updated under a lock from the
/// jobs' threads.
private final class RoundCounter: @unchecked Sendable {
    private let progress: any ProgressObserver
    private let lock = NSLock()
    private var done = 0
    /// Whether the outermost level counts rounds (parallel) rather than jobs.
    private var countsRounds = false

    init(_ progress: any ProgressObserver) { self.progress = progress }

    /// The run's level; `restored` rounds per job count as done by an earlier process (parallel).
    func begin(_ label: String, total: Int, restored: [Int]) {
        countsRounds = !restored.isEmpty
        progress.begin(label, total: total)
        done = restored.reduce(0, +)
        if done > 0 { progress.resume(completed: done) }
    }

    /// A sequential job's level, `restored` of its rounds done by an earlier process.
    func beginJob(_ name: String, total: Int, restored: Int) {
        progress.begin(name, total: total)
        if restored > 0 { progress.resume(completed: restored) }
    }

    /// A job finished `round` rounds (a sequential job's count, or one more round in parallel).
    func roundDone(_ round: Int, detail: String) {
        lock.withLock {
            if countsRounds {
                done += 1
                progress.update(completed: done, detail: detail)
            } else {
                progress.update(completed: round, detail: detail)
            }
        }
    }

    func endJob(summary: String, jobsDone: Int) {
        progress.end(summary: summary)
        progress.update(completed: jobsDone, detail: "")
    }

    func end(summary: String) { progress.end(summary: summary) }
}
