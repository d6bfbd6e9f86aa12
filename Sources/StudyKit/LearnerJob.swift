// One independent active-learning run of a study (one arm of one trial), described so that the
// learner run can start it fresh or rebuild it from a checkpoint with the very same parts.

/// Nothing extra to keep per round: the notes of a job whose rounds need no hook.
public struct NoNotes: Codable, Equatable, Sendable {
    public init() {}
}

/// A round just finished, as a per-round hook sees it.
public struct FinishedRound {
    /// The round's record (round 0 is the initial model).
    public var record: RoundRecord
    /// The learner after the round (its `model` is the round's model).
    public var learner: ActiveLearner
    /// The model the round queried with (the previous round's); nil in round 0 and in the first
    /// round after resuming, when the learner had to rebuild it.
    public var previousModel: (any Classifier)?
    /// CPU seconds the job's thread spent in the round (query, training, scoring; this hook and
    /// the checkpoint not counted): with OpenBLAS single-threaded, the round's own cost whatever
    /// else the machine is doing.
    public var cpuSeconds: Double
}

/// An active-learning job: a name, the parts of its `ActiveLearner`, how many rounds it runs,
/// and what it notes after each round. `Notes` is what the hook keeps (per-round CPU seconds,
/// sampled queries…); it is checkpointed with the learner's state.
///
/// ```swift
/// LearnerJob(
///     name: "experiment 1, BALD", rounds: 99, pool: LabelingPool(oracle: train, unlabeled: 20_000..<60_000),
///     initialLabels: { try $0.label(initialSet) }, test: test, strategy: BALD(),
///     configuration: .init(queriesPerRound: 10, candidatesPerRound: 2_000, monteCarloPasses: 100),
///     generator: notebook.generator("experiment 0"), train: { progress in trainer(progress) })
/// ```
public struct LearnerJob<Notes: Codable & Sendable> {
    /// The name in progress and summary lines ("experiment 2, BALD").
    public var name: String
    /// Rounds in all, round 0 (the model on the initial labels) counting as one; the job also
    /// stops when the pool has nothing left to query.
    public var rounds: Int
    /// The pool before any label: a fresh start buys `initialLabels` on it, a resumed job applies
    /// its saved labels to it.
    public var pool: LabelingPool
    /// Buys the initial labels on a fresh pool (not called when resuming).
    public var initialLabels: (inout LabelingPool) throws -> Void
    /// The held-out set every round is scored on.
    public var test: LabeledImages
    /// How the rounds choose.
    public var strategy: any QueryStrategy
    /// Labels per round, candidates, Monte Carlo passes, augmentation.
    public var configuration: ActiveLearner.Configuration
    /// The root of the job's random streams (the same for a fresh start and a resumption).
    public var generator: SeededGenerator
    /// The trainer, given where it may report its epochs: the bar without summaries when jobs run
    /// one after another, a silent observer when they run in parallel.
    public var train: (any ProgressObserver) -> ActiveLearner.Trainer
    /// The notes before round 0.
    public var notes: Notes
    /// Called after every round (on the job's thread) with the round and the notes to update.
    public var afterRound: ((FinishedRound, inout Notes) throws -> Void)?

    /// A job whose rounds keep `notes`, updated by `afterRound`.
    public init(
        name: String, rounds: Int, pool: LabelingPool, initialLabels: @escaping (inout LabelingPool) throws -> Void,
        test: LabeledImages, strategy: any QueryStrategy, configuration: ActiveLearner.Configuration,
        generator: SeededGenerator, train: @escaping (any ProgressObserver) -> ActiveLearner.Trainer, notes: Notes,
        afterRound: ((FinishedRound, inout Notes) throws -> Void)?
    ) {
        precondition(rounds > 0, "a learner job runs at least round 0, got \(rounds) rounds for \(name)")
        self.name = name
        self.rounds = rounds
        self.pool = pool
        self.initialLabels = initialLabels
        self.test = test
        self.strategy = strategy
        self.configuration = configuration
        self.generator = generator
        self.train = train
        self.notes = notes
        self.afterRound = afterRound
    }

    /// A fresh learner: the initial labels bought, round 0 not yet run.
    func start(progress: any ProgressObserver) throws -> ActiveLearner {
        var pool = pool
        try initialLabels(&pool)
        return ActiveLearner(
            pool: pool, test: test, strategy: strategy, configuration: configuration, generator: generator,
            train: train(progress))
    }

    /// The learner of a checkpointed `state`.
    func resume(_ state: ActiveLearnerState, progress: any ProgressObserver) throws -> ActiveLearner {
        try ActiveLearner(
            resuming: state, pool: pool, test: test, strategy: strategy, configuration: configuration,
            train: train(progress))
    }
}

extension LearnerJob where Notes == NoNotes {
    /// A job with nothing to note per round.
    public init(
        name: String, rounds: Int, pool: LabelingPool, initialLabels: @escaping (inout LabelingPool) throws -> Void,
        test: LabeledImages, strategy: any QueryStrategy, configuration: ActiveLearner.Configuration,
        generator: SeededGenerator, train: @escaping (any ProgressObserver) -> ActiveLearner.Trainer
    ) {
        self.init(
            name: name, rounds: rounds, pool: pool, initialLabels: initialLabels, test: test, strategy: strategy,
            configuration: configuration, generator: generator, train: train, notes: NoNotes(), afterRound: nil)
    }
}
