// The active-learning loop every study runs (query, label, augment, retrain, score), driven round
// by round so that a notebook can show, time and checkpoint each round.
import Foundation

/// Why an active learner could not run a round.
public enum ActiveLearnerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Monte Carlo passes were asked for but the trained model cannot sample them.
    case modelNotStochastic(passes: Int)
    /// Every candidate is labelled: there is nothing left to query.
    case poolExhausted(labelsSpent: Int)
    /// `run(rounds:)` was asked for fewer than zero rounds.
    case negativeRounds(Int)

    public var description: String {
        switch self {
        case .modelNotStochastic(let passes):
            return "configuration asks for \(passes) Monte Carlo passes but the trained model is not a"
                + " StochasticClassifier; return one from `train` or set monteCarloPasses to nil"
        case .poolExhausted(let labelsSpent):
            return "the pool is exhausted after \(labelsSpent) labels; check isFinished before step()"
        case .negativeRounds(let rounds):
            return "cannot run \(rounds) rounds; ask for 0 or more"
        }
    }
}

/// Runs pool-based active learning one round at a time (modAL's `ActiveLearner`, baal's loop).
///
/// Round 0 trains on the pool's initial labelled set. Every later round predicts the candidates
/// (the whole unlabelled pool, or a random subset), lets the strategy choose
/// `queriesPerRound` of them, labels them, builds the training set (labelled images, pseudo-labels,
/// and one augmented copy of each labelled image if an augmenter is set), trains a model with
/// `train` and scores it on the test set. The curve gains a point per round. `stepAutoLabeling`
/// runs a round of pseudo-labelling instead (the MNISTSoftmaxLabelling study).
///
///     var pool = LabelingPool(oracle: data.train)
///     try pool.labelStratified(perClass: 200, using: &generator)
///     var learner = ActiveLearner(
///         pool: pool, test: data.test, strategy: MarginSampling(),
///         configuration: .init(queriesPerRound: 400, augmenter: augmenter),
///         generator: generator.split("loop")) { set, generator in try trainCNN(set, &generator) }
///     for _ in 0...9 { try learner.step() }     // baseline, then 9 rounds
///
/// Each round's randomness comes from its own streams of `generator` (candidates, dropout,
/// query, training), and each labelled image's augmented copy from a stream named by its index,
/// so a run resumed from `state` continues exactly as the uninterrupted one would. The state
/// also carries the last round's trained model (`SavedModel`), so resuming does not train it
/// again.
public struct ActiveLearner {
    /// Trains a model on a labelled set, drawing from the generator given. It may return a new
    /// model each round or keep fitting one it holds (a study whose fits continue from the
    /// current weights); with a kept model a throwing round has already changed it, and the
    /// previous round's model is the same object as this round's.
    public typealias Trainer = (LabeledImages, inout SeededGenerator) throws -> any Classifier

    /// How each round chooses, labels and trains.
    public struct Configuration {
        /// Labels bought per round (the query batch size); the last round takes what is left.
        public var queriesPerRound: Int
        /// Score only this many unlabelled images, drawn at random each round (the
        /// MNISTBayesianDropout study scores 2 000); `nil` scores the whole pool.
        public var candidatesPerRound: Int?
        /// Monte Carlo dropout passes to predict the candidates with (the model must be a
        /// `StochasticClassifier`); `nil` predicts deterministically.
        public var monteCarloPasses: Int?
        /// When set, each labelled image also trains as one augmented copy (same label, no cost).
        public var augmenter: Augmenter?
        /// Feature vectors `[N, D]` of images under a model, for diversity strategies.
        public var features: ((any Classifier, Tensor) -> Tensor)?
        /// Images per prediction call (memory bound, not a result).
        public var predictionBatchSize: Int

        public init(
            queriesPerRound: Int, candidatesPerRound: Int? = nil, monteCarloPasses: Int? = nil,
            augmenter: Augmenter? = nil, features: ((any Classifier, Tensor) -> Tensor)? = nil,
            predictionBatchSize: Int = 1000
        ) {
            precondition(queriesPerRound > 0, "queries per round must be positive, got \(queriesPerRound)")
            precondition(
                (candidatesPerRound ?? 1) > 0, "candidates per round must be positive, got \(candidatesPerRound ?? 0)")
            precondition(
                (monteCarloPasses ?? 1) > 0, "Monte Carlo passes must be positive, got \(monteCarloPasses ?? 0)")
            self.queriesPerRound = queriesPerRound
            self.candidatesPerRound = candidatesPerRound
            self.monteCarloPasses = monteCarloPasses
            self.augmenter = augmenter
            self.features = features
            self.predictionBatchSize = predictionBatchSize
        }
    }

    /// The labelled and unlabelled images.
    public private(set) var pool: LabelingPool
    /// The held-out set every round is scored on.
    public let test: LabeledImages
    /// How rows are chosen.
    public let strategy: any QueryStrategy
    public let configuration: Configuration
    /// The model of the last completed round: `nil` before round 0, and after resuming from a
    /// state that holds no model (the next round then trains it again first).
    public private(set) var model: (any Classifier)?
    /// The checkpointable record of the run.
    public private(set) var state: ActiveLearnerState
    /// Told when each round begins and ends.
    public var observer: (any ProgressObserver)?
    private let train: Trainer

    /// A learner over `pool` (with its initial labels already bought), scoring on `test`.
    public init(
        pool: LabelingPool, test: LabeledImages, strategy: any QueryStrategy, configuration: Configuration,
        generator: SeededGenerator, train: @escaping Trainer
    ) {
        self.pool = pool
        self.test = test
        self.strategy = strategy
        self.configuration = configuration
        self.train = train
        state = ActiveLearnerState(pool: pool.state, curve: LearningCurve(), rounds: [], generator: generator)
    }

    /// A learner continuing a checkpointed run: `pool` is built as the original was, before any
    /// labels; the state's labels are applied to it, and the state's saved model becomes `model`,
    /// so the next `step()` queries with it directly. When the state holds no model (a model kind
    /// `SavedModel` cannot hold, a checkpoint from before states carried one) or its model does
    /// not rebuild (a damaged checkpoint), the next `step()` first retrains the last round's
    /// model (same data, same stream: the same model), then runs the next round.
    public init(
        resuming state: ActiveLearnerState, pool: LabelingPool, test: LabeledImages, strategy: any QueryStrategy,
        configuration: Configuration, train: @escaping Trainer
    ) throws(LabelingError) {
        var pool = pool
        try pool.restore(state.pool)
        self.init(
            pool: pool, test: test, strategy: strategy, configuration: configuration, generator: state.generator,
            train: train)
        self.state = state
        model = try? state.model?.restored()
    }

    /// Labels spent against test accuracy so far.
    public var curve: LearningCurve { state.curve }
    /// Rounds completed (round 0 counts).
    public var round: Int { state.round }
    /// Whether the pool has nothing left to query (after round 0).
    public var isFinished: Bool { state.round > 0 && pool.unlabeledIndices.isEmpty }

    /// Runs the next round (round 0: train on the initial labels) and returns its record. Nothing
    /// changes if it throws: the strategy's, the pool's or `train`'s error, or
    /// `ActiveLearnerError`.
    @discardableResult
    public mutating func step() throws -> RoundRecord {
        let started = ContinuousClock.now
        let round = state.round
        observer?.begin(round == 0 ? "Initial model" : "Round \(round)", total: 3)
        var pool = self.pool
        var queried: [Int] = []
        var scores: [Float]?
        if round > 0 {
            guard !pool.unlabeledIndices.isEmpty else {
                throw ActiveLearnerError.poolExhausted(labelsSpent: pool.labelsSpent)
            }
            let previous = try model ?? trainModel(on: pool, round: round - 1).0
            (queried, scores) = try query(pool: pool, model: previous, round: round)
            try pool.label(queried)
        }
        return try finishRound(pool, queried: queried, scores: scores, pseudoLabels: [], started: started)
    }

    /// Runs an auto-labelling round instead of a query (the MNISTSoftmaxLabelling study): the current
    /// model predicts the unlabelled pool, the `count` most confident images (all of them when `count` is nil, the
    /// naive variant) join the training set with their predicted labels at no labelling cost,
    /// and a model is trained and scored. The curve gains a point at the same labels spent.
    /// Nothing changes if it throws.
    @discardableResult
    public mutating func stepAutoLabeling(count: Int?) throws -> RoundRecord {
        let started = ContinuousClock.now
        let round = state.round
        precondition(round > 0, "auto-labelling needs a trained model: run step() for round 0 first")
        guard !pool.unlabeledIndices.isEmpty else {
            throw ActiveLearnerError.poolExhausted(labelsSpent: pool.labelsSpent)
        }
        observer?.begin("Auto-labelling round \(round)", total: 3)
        var pool = self.pool
        let previous = try model ?? trainModel(on: pool, round: round - 1).0
        let probabilities = previous.predictInBatches(
            pool.unlabeledImages, batchSize: configuration.predictionBatchSize)
        let guesses =
            count.map { AutoLabeling.mostConfident(probabilities, of: pool.unlabeledIndices, count: $0) }
            ?? AutoLabeling.all(probabilities, of: pool.unlabeledIndices)
        try pool.addPseudoLabels(guesses)
        return try finishRound(pool, queried: [], scores: nil, pseudoLabels: guesses, started: started)
    }

    /// Trains on `pool` (the round's labels bought), scores, and commits the round.
    private mutating func finishRound(
        _ pool: LabelingPool, queried: [Int], scores: [Float]?, pseudoLabels: [PseudoLabel],
        started: ContinuousClock.Instant
    ) throws -> RoundRecord {
        let round = state.round
        observer?.update(completed: 1, detail: "\(pool.labelsSpent) labels")
        let (trained, trainingSetSize) = try trainModel(on: pool, round: round)
        observer?.update(completed: 2, detail: "trained on \(trainingSetSize) images")
        let accuracy = Accuracy.of(trained, on: test, batchSize: configuration.predictionBatchSize)
        let elapsed = ContinuousClock.now - started
        let record = RoundRecord(
            round: round, queried: queried, scores: scores, pseudoLabels: pseudoLabels,
            labelsSpent: pool.labelsSpent, trainingSetSize: trainingSetSize, accuracy: accuracy,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        self.pool = pool
        model = trained
        state.model = SavedModel(trained)
        state.pool = pool.state
        state.curve.append(labels: pool.labelsSpent, accuracy: accuracy)
        state.rounds.append(record)
        observer?.update(completed: 3, detail: "")
        observer?.end(
            summary: String(format: "round %d: %d labels, test accuracy %.4f", round, pool.labelsSpent, accuracy))
        return record
    }

    /// Runs up to `rounds` more rounds, stopping early when the pool is exhausted; returns the
    /// curve. Throws `negativeRounds` (running nothing) when `rounds` < 0.
    @discardableResult
    public mutating func run(rounds: Int) throws -> LearningCurve {
        guard rounds >= 0 else { throw ActiveLearnerError.negativeRounds(rounds) }
        for _ in 0..<rounds where !isFinished { try step() }
        return curve
    }

    /// The round's stream named `purpose`.
    private func stream(_ purpose: String, round: Int) -> SeededGenerator {
        state.generator.split(purpose).split(UInt64(round))
    }

    /// The candidates' predictions, the strategy's choice among them as data set indices, and
    /// their scores when the strategy scores.
    private func query(pool: LabelingPool, model: any Classifier, round: Int) throws -> ([Int], [Float]?) {
        var candidates = pool.unlabeledIndices
        if let subset = configuration.candidatesPerRound {
            var generator = stream("candidates", round: round)
            candidates = pool.randomUnlabeledSubset(subset, using: &generator)
        }
        let images = pool.images.gathering(rows: candidates)
        let probabilities: Tensor
        if let passes = configuration.monteCarloPasses {
            guard let stochastic = model as? any StochasticClassifier else {
                throw ActiveLearnerError.modelNotStochastic(passes: passes)
            }
            var generator = stream("dropout", round: round)
            probabilities = stochastic.predictStochasticInBatches(
                images, passes: passes, batchSize: configuration.predictionBatchSize, generator: &generator)
        } else {
            probabilities = model.predictInBatches(images, batchSize: configuration.predictionBatchSize)
        }
        let predictions = PoolPredictions(
            probabilities: probabilities, features: configuration.features?(model, images),
            labeledFeatures: configuration.features?(model, pool.images.gathering(rows: pool.labeledIndices)))
        let batch = configuration.queriesPerRound
        // a scoring strategy is ranked through `ranked` so that the record keeps the scores
        if let scoring = strategy as? any ScoringStrategy {
            let ranked = try scoring.ranked(predictions, batchSize: batch)
            return (ranked.rows.map { candidates[$0] }, ranked.scores)
        }
        var generator = stream("query", round: round)
        return (try strategy.query(predictions, batchSize: batch, using: &generator).map { candidates[$0] }, nil)
    }

    /// A model trained on the pool's training set (plus augmented copies) with round `round`'s
    /// stream, and the size of that set.
    private func trainModel(on pool: LabelingPool, round: Int) throws -> (any Classifier, Int) {
        var set = pool.trainingSet
        if let augmenter = configuration.augmenter, pool.labelsSpent > 0 {
            let labeled = pool.labeledSet
            let (height, width) = (labeled.images.shape[1], labeled.images.shape[2])
            let maps = pool.labeledIndices.map { index in
                var generator = state.generator.split("augment").split(UInt64(index))
                return augmenter.sampleTransform(height: height, width: width, using: &generator)
            }
            let copies = ImageWarp.apply(maps, to: labeled.images)
            set = set.appending(LabeledImages(images: copies, labels: labeled.labels, classNames: labeled.classNames))
        }
        var generator = stream("train", round: round)
        return (try train(set, &generator), set.count)
    }
}
