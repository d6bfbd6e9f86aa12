import Foundation
import Testing

@testable import Learning

/// Probabilities [N, C] from literal rows.
private func predictions(_ rows: [[Float]]) -> PoolPredictions {
    PoolPredictions(probabilities: Tensor(shape: [rows.count, rows.first?.count ?? 0], scalars: rows.flatMap { $0 }))
}

private func query(_ strategy: some QueryStrategy, _ rows: [[Float]], batch: Int, seed: UInt64 = 1) throws -> [Int] {
    var generator = SeededGenerator(seed: seed)
    return try strategy.query(predictions(rows), batchSize: batch, using: &generator)
}

private func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

@Suite("Query strategies on deterministic predictions")
struct QueryStrategyTests {
    @Test("Least confidence scores 1 − max p and ranks the least sure first")
    func leastConfidence() throws {
        let rows: [[Float]] = [[0.9, 0.1, 0], [0.4, 0.35, 0.25], [1.0 / 3, 1.0 / 3, 1.0 / 3], [0, 1, 0]]
        #expect(close(try LeastConfidence().scores(predictions(rows)), [0.1, 0.6, 2.0 / 3, 0]))
        #expect(try query(LeastConfidence(), rows, batch: 4) == [2, 1, 0, 3])
    }

    @Test("Margin scores top-1 − top-2 and ranks the smallest first")
    func margin() throws {
        let rows: [[Float]] = [[0.5, 0.5, 0], [0.6, 0.3, 0.1], [0.4, 0.35, 0.25], [1, 0, 0], [0.1, 0.2, 0.7]]
        #expect(close(try MarginSampling().scores(predictions(rows)), [0, 0.3, 0.05, 1, 0.5]))
        #expect(try query(MarginSampling(), rows, batch: 3) == [0, 2, 1])
    }

    @Test("Entropy is in nats: log 2 for a fair coin, log 4 uniform over four, 0 one-hot")
    func entropy() throws {
        let rows: [[Float]] = [[0, 0, 1, 0], [0.5, 0.5, 0, 0], [0.25, 0.25, 0.25, 0.25]]
        #expect(close(try EntropySampling().scores(predictions(rows)), [0, Float(log(2.0)), Float(log(4.0))]))
        #expect(try query(EntropySampling(), rows, batch: 3) == [2, 1, 0])
    }

    @Test(
        "Uniform rows tie everywhere and rank by lower index",
        arguments: [
            LeastConfidence() as any QueryStrategy, MarginSampling(), EntropySampling(),
        ])
    func uniformTies(strategy: any QueryStrategy) throws {
        let rows = [[Float]](repeating: [0.25, 0.25, 0.25, 0.25], count: 5)
        #expect(try query(strategy, rows, batch: 3) == [0, 1, 2])
    }

    @Test("One-hot rows are the least informative for every uncertainty measure")
    func oneHotRowsRankLast() throws {
        let rows: [[Float]] = [[1, 0, 0], [0.5, 0.3, 0.2], [0, 0, 1], [0.4, 0.4, 0.2]]
        for strategy in [LeastConfidence() as any QueryStrategy, MarginSampling(), EntropySampling()] {
            #expect(Set(try query(strategy, rows, batch: 2)) == [1, 3], "\(strategy.name)")
        }
    }

    @Test("A single class: margin 1, entropy 0, least confidence 0 on every row; index order")
    func singleClass() throws {
        let rows: [[Float]] = [[1], [1], [1]]
        #expect(try MarginSampling().scores(predictions(rows)) == [1, 1, 1])
        #expect(try EntropySampling().scores(predictions(rows)) == [0, 0, 0])
        #expect(try LeastConfidence().scores(predictions(rows)) == [0, 0, 0])
        #expect(try query(MarginSampling(), rows, batch: 2) == [0, 1])
    }

    @Test("A batch larger than the pool returns every row, ranked; a batch of 0 returns none")
    func batchClamping() throws {
        let rows: [[Float]] = [[0.9, 0.1], [0.6, 0.4]]
        #expect(try query(MarginSampling(), rows, batch: 10) == [1, 0])
        #expect(try query(MarginSampling(), rows, batch: 0) == [])
        #expect(Set(try query(RandomSampling(), rows, batch: 10)) == [0, 1])
        #expect(try query(MixedSampling(MarginSampling(), share: 0.5), rows, batch: 10).count == 2)
    }

    @Test("Random sampling: distinct rows in range, the same for the same seed")
    func random() throws {
        let rows = [[Float]](repeating: [0.5, 0.5], count: 50)
        let picked = try query(RandomSampling(), rows, batch: 20, seed: 3)
        #expect(Set(picked).count == 20 && picked.allSatisfy { (0..<50).contains($0) })
        #expect(try query(RandomSampling(), rows, batch: 20, seed: 3) == picked)
        #expect(try query(RandomSampling(), rows, batch: 20, seed: 4) != picked)
    }

    @Test("Mixed sampling: round(p·n) by the primary first, the rest random among the others")
    func mixed() throws {
        // margins 0.0, 0.1, …, 0.9: margin order is 0, 1, 2, …
        let rows: [[Float]] = (0..<10).map { i in [0.5 + Float(i) * 0.05, 0.5 - Float(i) * 0.05] }
        let picked = try query(MixedSampling(MarginSampling(), share: 0.25), rows, batch: 10)
        #expect(Array(picked.prefix(3)) == [0, 1, 2])  // 0.25 · 10 = 2.5 rounds to 3
        #expect(Set(picked) == Set(0..<10))
        let fewer = try query(MixedSampling(MarginSampling(), share: 0.5), rows, batch: 5)
        #expect(Array(fewer.prefix(3)) == [0, 1, 2] && Set(fewer).count == 5)  // 2.5 → 3
        #expect(try query(MixedSampling(MarginSampling(), share: 1), rows, batch: 4) == [0, 1, 2, 3])
        #expect(
            try query(MixedSampling(MarginSampling(), share: 0), rows, batch: 4, seed: 9)
                == query(RandomSampling(), rows, batch: 4, seed: 9))
    }

    @Test("A NaN score (a diverged model) ranks after every number")
    func nanRanksLast() {
        #expect(bestRows(of: [.nan, 0.2, 0.1], count: 3, preference: .lowestFirst) == [2, 1, 0])
        #expect(bestRows(of: [0.2, .nan, 0.5], count: 3, preference: .highestFirst) == [2, 0, 1])
    }

    @Test("Strategies say what their input lacks")
    func errors() throws {
        let rows: [[Float]] = [[0.5, 0.5]]
        var generator = SeededGenerator(seed: 1)
        #expect(throws: QueryError.needsMonteCarloPasses(strategy: "BALD", passes: 1)) {
            try BALD().scores(predictions(rows))
        }
        #expect(throws: QueryError.needsFeatures(strategy: "k-center greedy")) {
            try KCenterGreedy().query(predictions(rows), batchSize: 1, using: &generator)
        }
        let onlyFeatures = PoolPredictions(features: Tensor(shape: [1, 2], scalars: [0, 1]))
        #expect(throws: QueryError.needsProbabilities(strategy: "margin")) {
            try MarginSampling().scores(onlyFeatures)
        }
    }

    @Test("ranked(_:) returns the chosen rows with their own scores for captions")
    func rankedScores() throws {
        let rows: [[Float]] = [[0.9, 0.1], [0.55, 0.45], [0.7, 0.3]]
        let ranked = try MarginSampling().ranked(predictions(rows), batchSize: 2)
        #expect(ranked.rows == [1, 2])
        #expect(close(ranked.scores, [0.1, 0.4]))
    }

    @Test("argmax and the top two break ties toward the lower class")
    func rowReadings() {
        let p = Tensor(shape: [3, 3], scalars: [0.4, 0.4, 0.2, 0.1, 0.2, 0.7, 0.3, 0.3, 0.4])
        #expect(ProbabilityRows.argmax(p) == [0, 2, 2])
        #expect(ProbabilityRows.topTwo(p).map(\.first) == [0.4, 0.7, 0.4])
        #expect(ProbabilityRows.topTwo(p).map(\.second) == [0.4, 0.2, 0.3])
    }
}
