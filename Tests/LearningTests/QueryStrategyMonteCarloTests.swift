import Foundation
import Testing

@testable import Learning

/// Probabilities [passes, N, C] from literal passes of rows.
private func passes(_ passes: [[[Float]]]) -> PoolPredictions {
    let rows = passes[0].count
    let classes = passes[0][0].count
    return PoolPredictions(
        probabilities: Tensor(shape: [passes.count, rows, classes], scalars: passes.flatMap { $0.flatMap { $0 } }))
}

private func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

@Suite("Query strategies over Monte Carlo dropout passes")
struct QueryStrategyMonteCarloTests {
    // Row 0: confident passes that disagree. Row 1: passes agree on a coin flip.
    // Row 2: passes (0.8, 0.2) and (0.4, 0.6), mean (0.6, 0.4).
    let predictions = passes([
        [[1, 0], [0.5, 0.5], [0.8, 0.2]],
        [[0, 1], [0.5, 0.5], [0.4, 0.6]],
    ])

    @Test("Max entropy is the entropy of the mean prediction")
    func maxEntropy() throws {
        // H(0.6, 0.4) = 0.6730117 nats
        #expect(close(try MaxEntropy().scores(predictions), [Float(log(2.0)), Float(log(2.0)), 0.6730117]))
    }

    @Test("BALD is entropy of the mean minus mean entropy: log 2, 0, 0.0863046")
    func bald() throws {
        // row 2: H(0.6, 0.4) − (H(0.8, 0.2) + H(0.4, 0.6)) / 2 = 0.6730117 − (0.5004024 + 0.6730117) / 2
        let scores = try BALD().scores(predictions)
        #expect(close(scores, [Float(log(2.0)), 0, 0.0863046]))
        let entropyOfMean = try EntropySampling().scores(predictions)
        #expect(close(scores, zip(entropyOfMean, [0, Float(log(2.0)), 0.5867070]).map { $0 - $1 }))
        var generator = SeededGenerator(seed: 1)
        #expect(try BALD().query(predictions, batchSize: 3, using: &generator) == [0, 2, 1])
    }

    @Test("Variation ratios: 1 − share of passes voting for the modal class")
    func variationRatios() throws {
        // three passes; votes per row: (0, 0, 0) → 0; (0, 0, 1) → 1/3; (0, 1, 2) → 2/3;
        // a tie inside a pass ((0.5, 0.5, 0)) votes for the lower class
        let predictions = passes([
            [[1, 0, 0], [0.6, 0.3, 0.1], [0.8, 0.1, 0.1], [0.5, 0.5, 0]],
            [[0.9, 0.1, 0], [0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.5, 0.5, 0]],
            [[0.7, 0.2, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.5, 0.5, 0]],
        ])
        #expect(close(try VariationRatios().scores(predictions), [0, 1.0 / 3, 2.0 / 3, 0]))
    }

    @Test("Mean STD: population sd over passes, averaged over classes")
    func meanSTD() throws {
        // row 0: each class 1, 0 → sd 0.5; row 1: identical passes → 0; row 2: 0.8/0.4 → sd 0.2
        #expect(close(try MeanStandardDeviation().scores(predictions), [0.5, 0, 0.2]))
    }

    @Test("Deterministic strategies read the mean over passes")
    func meanForDeterministic() throws {
        // means: (0.5, 0.5), (0.5, 0.5), (0.6, 0.4)
        #expect(close(try MarginSampling().scores(predictions), [0, 0, 0.2]))
    }

    @Test("A [N, C] tensor is one pass; MC strategies refuse it")
    func onePass() {
        let single = PoolPredictions(probabilities: Tensor(shape: [2, 2], scalars: [1, 0, 0.5, 0.5]))
        #expect(single.passes == 1 && single.rows == 2 && single.classes == 2)
        for strategy in [BALD() as any ScoringStrategy, VariationRatios(), MeanStandardDeviation()] {
            #expect(throws: QueryError.needsMonteCarloPasses(strategy: strategy.name, passes: 1)) {
                try strategy.scores(single)
            }
        }
    }
}
