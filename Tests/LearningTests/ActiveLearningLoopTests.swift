import Foundation
import Testing

@testable import Learning

/// A hand-written classifier: it remembers the label of every image it was trained on (one-hot)
/// and predicts p = (1 − v, v) for an image of value v it has not seen.
private struct Memorizer: StochasticClassifier {
    let known: [Float: Int]

    init(_ set: LabeledImages) {
        known = Dictionary(zip(set.images.scalars, set.labels), uniquingKeysWith: { first, _ in first })
    }

    func predict(_ images: Tensor) -> Tensor {
        let rows = images.scalars.map { value -> [Float] in
            guard let label = known[value] else { return [1 - value, value] }
            return label == 0 ? [1, 0] : [0, 1]
        }
        return Tensor(shape: [rows.count, 2], scalars: rows.flatMap { $0 })
    }

    func predictStochastic(_ images: Tensor, passes: Int, generator: inout SeededGenerator) -> Tensor {
        let once = predict(images)
        return Tensor(
            shape: [passes] + once.shape, scalars: Array(repeating: once.scalars, count: passes).flatMap { $0 })
    }
}

/// A classifier with no Monte Carlo mode.
private struct Constant: Classifier {
    func predict(_ images: Tensor) -> Tensor { Tensor(shape: [images.rows, 2], repeating: 0.5) }
}

/// Eight 1-pixel images of value (2i + 1)/16 (exact in binary). Unseen, image i is predicted
/// class 1 when i ≥ 4, with margin |2i − 7|/8; the labels make images 1, 3 and 4 wrong.
private let data = LabeledImages(
    images: Tensor(shape: [8, 1, 1, 1], scalars: (0..<8).map { Float(2 * $0 + 1) / 16 }),
    labels: [0, 1, 0, 1, 0, 1, 1, 1], classNames: ["no", "yes"])

private func learner(
    _ configuration: ActiveLearner.Configuration = .init(queriesPerRound: 2),
    trainedSizes: SizeLog? = nil
) throws -> ActiveLearner {
    var pool = LabelingPool(oracle: data)
    try pool.label([0, 7])
    return ActiveLearner(
        pool: pool, test: data, strategy: MarginSampling(), configuration: configuration,
        generator: SeededGenerator(seed: 1)
    ) { set, _ in
        trainedSizes?.sizes.append(set.count)
        return Memorizer(set)
    }
}

private final class SizeLog: @unchecked Sendable {
    var sizes: [Int] = []
}

@Suite("Active learning loop")
struct ActiveLearningLoopTests {
    @Test("Margin sampling on the memorizer records the hand-computed curve")
    func curve() throws {
        var loop = try learner()
        try loop.run(rounds: 10)
        // round 0: images 0, 7 known, 1, 3, 4 wrong → 5/8. Round 1: margins of 1…6 are 5, 3, 1,
        // 1, 3, 5 eighths → 3, 4 (both wrong before) → 7/8. Round 2: 2, 5 → 7/8. Round 3: 1, 6 → 1.
        #expect(loop.curve.points.map(\.labels) == [2, 4, 6, 8])
        #expect(loop.curve.points.map(\.accuracy) == [0.625, 0.875, 0.875, 1])
        #expect(loop.state.rounds.map(\.queried) == [[], [3, 4], [2, 5], [1, 6]])
        #expect(loop.state.rounds[1].scores == [0.125, 0.125])
        #expect(loop.isFinished && loop.round == 4)
        #expect(throws: ActiveLearnerError.poolExhausted(labelsSpent: 8)) { try loop.step() }
    }

    @Test("A query larger than the pool takes what is left in one round, then the pool is exhausted")
    func queryLargerThanThePool() throws {
        var loop = try learner(.init(queriesPerRound: 100, candidatesPerRound: 100))
        try loop.run(rounds: 5)
        // the six unseen images, by margin (1/8: 3, 4; 3/8: 2, 5; 5/8: 1, 6), ties to the lower index
        #expect(loop.state.rounds.map(\.queried) == [[], [3, 4, 2, 5, 1, 6]])
        #expect(loop.curve.points.map(\.labels) == [2, 8])
        #expect(loop.curve.points.map(\.accuracy) == [0.625, 1])
        #expect(loop.isFinished && loop.round == 2)
        #expect(throws: ActiveLearnerError.poolExhausted(labelsSpent: 8)) { try loop.step() }
    }

    @Test("Zero rounds run nothing; negative rounds are refused with the count named")
    func zeroAndNegativeRounds() throws {
        var loop = try learner()
        #expect(try loop.run(rounds: 0).points.isEmpty)
        #expect(loop.round == 0)
        #expect(throws: ActiveLearnerError.negativeRounds(-1)) { try loop.run(rounds: -1) }
        #expect(loop.round == 0)
        #expect(ActiveLearnerError.negativeRounds(-1).description == "cannot run -1 rounds; ask for 0 or more")
    }

    @Test("Auto-labelling rounds add the most confident guesses, then all the rest, at no label cost")
    func autoLabeling() throws {
        var loop = try learner()
        try loop.step()
        // unseen images 1…6 have confidence 13, 11, 9, 9, 11, 13 sixteenths: 1 and 6 first; the
        // memorizer's guess for 1 (class 0) is wrong, so accuracy stays 5/8
        let confident = try loop.stepAutoLabeling(count: 2)
        #expect(confident.pseudoLabels.map(\.index) == [1, 6] && confident.pseudoLabels.map(\.label) == [0, 1])
        #expect(loop.pool.pseudoLabelErrors == 1)
        try loop.stepAutoLabeling(count: nil)
        #expect(loop.pool.pseudoLabelErrors == 3)  // 3 and 4 are guessed wrong as well
        #expect(loop.curve.points.map(\.labels) == [2, 2, 2])
        #expect(loop.curve.points.map(\.accuracy) == [0.625, 0.625, 0.625])
        #expect(loop.isFinished)
    }

    @Test("With an augmenter every labelled image trains twice")
    func augmentedCopies() throws {
        let log = SizeLog()
        var loop = try learner(.init(queriesPerRound: 2, augmenter: Augmenter([RandomFlip()])), trainedSizes: log)
        try loop.run(rounds: 2)
        #expect(log.sizes == [4, 8])
        #expect(loop.state.rounds.map(\.trainingSetSize) == [4, 8])
    }

    @Test("A pool subset of one candidate per round buys one label per round")
    func candidateSubset() throws {
        var loop = try learner(.init(queriesPerRound: 2, candidatesPerRound: 1))
        try loop.run(rounds: 3)
        #expect(loop.curve.points.map(\.labels) == [2, 3, 4])
    }

    @Test("Monte Carlo passes go through predictStochastic; a plain classifier is refused unchanged")
    func monteCarlo() throws {
        var loop = try learner(.init(queriesPerRound: 2, monteCarloPasses: 3))
        try loop.run(rounds: 2)
        #expect(loop.state.rounds[1].queried == [3, 4])
        var pool = LabelingPool(oracle: data)
        try pool.label([0])
        var plain = ActiveLearner(
            pool: pool, test: data, strategy: MarginSampling(),
            configuration: .init(queriesPerRound: 1, monteCarloPasses: 3), generator: SeededGenerator(seed: 1)
        ) { _, _ in Constant() }
        try plain.step()
        #expect(throws: ActiveLearnerError.modelNotStochastic(passes: 3)) { try plain.step() }
        #expect(plain.round == 1 && plain.pool.labelsSpent == 1)
    }

    @Test("A run resumed from a JSON checkpoint continues exactly as the uninterrupted one")
    func resume() throws {
        var whole = try learner(.init(queriesPerRound: 1))
        try whole.run(rounds: 5)
        var first = try learner(.init(queriesPerRound: 1))
        try first.run(rounds: 3)
        let saved = try JSONDecoder().decode(
            ActiveLearnerState.self, from: try JSONEncoder().encode(first.state))
        #expect(saved.model == nil)  // the memorizer is not a model kind a state can hold
        var resumed = try ActiveLearner(
            resuming: saved, pool: LabelingPool(oracle: data), test: data, strategy: MarginSampling(),
            configuration: .init(queriesPerRound: 1)
        ) { set, _ in Memorizer(set) }
        try resumed.run(rounds: 2)
        #expect(resumed.curve == whole.curve)
        #expect(resumed.state.rounds.map(\.queried) == whole.state.rounds.map(\.queried))
    }
}
