// What an active-learning run has done so far, in a form a notebook can checkpoint after every
// round and resume from.

/// The record of one round of an active learner.
public struct RoundRecord: Codable, Equatable, Sendable {
    /// The round number: 0 is the model trained on the initial labelled set.
    public var round: Int
    /// The data set indices labelled this round, best first (empty in round 0).
    public var queried: [Int]
    /// The strategy's scores of `queried` (margins, entropies, …) when it is a scoring strategy.
    public var scores: [Float]?
    /// The images auto-labelled this round with their guessed labels (empty for a query round).
    public var pseudoLabels: [PseudoLabel]
    /// Oracle labels spent after this round.
    public var labelsSpent: Int
    /// Images trained on this round, augmented copies and pseudo-labels included.
    public var trainingSetSize: Int
    /// Test accuracy after this round's training, in [0, 1].
    public var accuracy: Double
    /// Wall-clock seconds the round took (query, training, scoring).
    public var seconds: Double

    public init(
        round: Int, queried: [Int], scores: [Float]?, pseudoLabels: [PseudoLabel] = [], labelsSpent: Int,
        trainingSetSize: Int, accuracy: Double, seconds: Double
    ) {
        self.round = round
        self.queried = queried
        self.scores = scores
        self.pseudoLabels = pseudoLabels
        self.labelsSpent = labelsSpent
        self.trainingSetSize = trainingSetSize
        self.accuracy = accuracy
        self.seconds = seconds
    }
}

/// Everything an `ActiveLearner` needs to resume: who is labelled, the curve, each round's
/// record, the generator every round's random streams derive from, and the model the last round
/// trained, so that a resumed run queries with it instead of training it again (a killed notebook
/// cell that had finished three hours of rounds loses only the round it was in).
public struct ActiveLearnerState: Codable, Equatable, Sendable {
    /// The pool's labels and pseudo-labels.
    public var pool: LabelingPoolState
    /// Labels spent against test accuracy, one point per round.
    public var curve: LearningCurve
    /// One record per completed round, round 0 first.
    public var rounds: [RoundRecord]
    /// The root generator; round r's streams are `split("train")`, then `split(r)`, and so on, so
    /// the root itself never advances.
    public var generator: SeededGenerator
    /// The model of the last completed round with its optimizer's state; `nil` before round 0,
    /// when that model is of a kind `SavedModel` cannot hold, and in checkpoints written before
    /// states carried a model (they decode without it). Without it a resumed learner trains the
    /// last round's model again, which gives the same model, only later. It is large: the MNISTEntropySampling
    /// study's CNN (1.2 M parameters) with its Adam moments is 29 MB of JSON, about 3 s to encode and 2 s
    /// to decode, so set it to `nil` in states kept only for their records (finished trials).
    public var model: SavedModel?

    public init(
        pool: LabelingPoolState, curve: LearningCurve, rounds: [RoundRecord], generator: SeededGenerator,
        model: SavedModel? = nil
    ) {
        self.pool = pool
        self.curve = curve
        self.rounds = rounds
        self.generator = generator
        self.model = model
    }

    /// The number of rounds completed (round 0, the initial model, counts as one).
    public var round: Int { rounds.count }
}
