import Foundation
import Testing

@testable import Learning

/// Counts the calls to a trainer (the closure is called from one thread at a time).
private final class CallCount: @unchecked Sendable {
    var calls = 0
}

/// A learner over 30 toy images (6 labelled), scoring on 12 others, that trains a fresh small
/// network with Adam each round and buys 3 labels a round by margin.
private func learner(resuming state: ActiveLearnerState? = nil, counting count: CallCount) throws -> ActiveLearner {
    let pool = LabelingPool(oracle: TinyModel.data(count: 30, seed: 31))
    let test = TinyModel.data(count: 12, seed: 32)
    let configuration = ActiveLearner.Configuration(queriesPerRound: 3)
    let train: ActiveLearner.Trainer = { set, generator in
        count.calls += 1
        let model = TinyModel.make(seed: generator.next())
        try model.fit(set, epochs: 2, batchSize: 8, generator: &generator)
        return model
    }
    if let state {
        return try ActiveLearner(
            resuming: state, pool: pool, test: test, strategy: MarginSampling(), configuration: configuration,
            train: train)
    }
    var labelled = pool
    try labelled.label(Array(0..<6))
    return ActiveLearner(
        pool: labelled, test: test, strategy: MarginSampling(), configuration: configuration,
        generator: SeededGenerator(seed: 33), train: train)
}

/// The weights of the learner's model, bit for bit.
private func modelBits(_ learner: ActiveLearner) throws -> [[UInt32]] {
    bits(try #require(learner.model as? Sequential).weights)
}

@Suite("Active learner checkpoints")
struct ActiveLearnerCheckpointTests {
    /// The run every test resumes against: three rounds without a break.
    private static func straight() throws -> ActiveLearner {
        var loop = try learner(counting: CallCount())
        try loop.run(rounds: 3)
        return loop
    }

    /// Two rounds, then the state through JSON.
    private static func checkpointAfterTwoRounds() throws -> ActiveLearnerState {
        var first = try learner(counting: CallCount())
        try first.run(rounds: 2)
        let saved = try jsonRoundTrip(first.state)
        #expect(saved.model == first.state.model)
        return saved
    }

    @Test("Two rounds, a JSON checkpoint, one more: the straight run's curve, queries and model, bit for bit")
    func resumedRunMatchesTheStraightOne() throws {
        let whole = try Self.straight()
        let saved = try Self.checkpointAfterTwoRounds()
        guard case .sequential(let snapshot) = saved.model else {
            Issue.record("the checkpoint holds no Sequential: \(String(describing: saved.model))")
            return
        }
        #expect(try #require(snapshot.optimizer as? Adam).iterations > 0)  // the optimizer's state travelled too
        let count = CallCount()
        var resumed = try learner(resuming: saved, counting: count)
        #expect(resumed.model != nil)
        try resumed.step()
        #expect(resumed.curve == whole.curve)
        #expect(resumed.state.rounds.map(\.queried) == whole.state.rounds.map(\.queried))
        #expect(resumed.state.rounds.map(\.scores) == whole.state.rounds.map(\.scores))
        #expect(try modelBits(resumed) == modelBits(whole))
        #expect(resumed.state.model == whole.state.model)
    }

    @Test("A resumed run trains once for its next round: the last finished model is not trained again")
    func resumeTrainsOnlyTheNextRound() throws {
        let count = CallCount()
        var resumed = try learner(resuming: try Self.checkpointAfterTwoRounds(), counting: count)
        try resumed.step()
        #expect(count.calls == 1)
    }

    @Test("A checkpoint written before states carried a model decodes, and resumes by training again")
    func oldCheckpointResumesByRetraining() throws {
        let whole = try Self.straight()
        var first = try learner(counting: CallCount())
        try first.run(rounds: 2)
        let current = try JSONSerialization.jsonObject(with: JSONEncoder().encode(first.state)) as? [String: Any]
        var old = try #require(current)
        #expect(old.removeValue(forKey: "model") != nil)
        let saved = try JSONDecoder().decode(ActiveLearnerState.self, from: JSONSerialization.data(withJSONObject: old))
        #expect(saved.model == nil && saved.rounds == first.state.rounds)
        let count = CallCount()
        var resumed = try learner(resuming: saved, counting: count)
        #expect(resumed.model == nil)
        try resumed.step()
        #expect(count.calls == 2)  // round 1's model again, then round 2's
        #expect(resumed.curve == whole.curve)
        #expect(resumed.state.rounds.map(\.queried) == whole.state.rounds.map(\.queried))
        #expect(try modelBits(resumed) == modelBits(whole))
    }

    @Test("A state whose saved model does not rebuild resumes by training again, with the same result")
    func damagedModelFallsBackToRetraining() throws {
        let whole = try Self.straight()
        var saved = try Self.checkpointAfterTwoRounds()
        // the layers of the saved model without its weights
        saved.model = .sequential(
            Sequential.Snapshot(inputShape: [6, 6, 1], layers: TinyModel.layers, weights: [], optimizer: Adam()))
        let count = CallCount()
        var resumed = try learner(resuming: saved, counting: count)
        #expect(resumed.model == nil)
        try resumed.step()
        #expect(count.calls == 2)
        #expect(try modelBits(resumed) == modelBits(whole))
    }
}
