import Foundation
import Testing

@testable import Learning

/// The slow, obvious k-center greedy: Euclidean distances in Double, recomputed from scratch.
private func naiveKCenter(points: [[Double]], centres: [[Double]], count: Int) -> [Int] {
    func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }
    var centres = centres
    var chosen: [Int] = []
    while chosen.count < min(count, points.count) {
        var best = -1
        var bestDistance = -1.0
        for (i, point) in points.enumerated() where !chosen.contains(i) {
            let nearest = centres.map { distance(point, $0) }.min() ?? .infinity
            if nearest > bestDistance { (best, bestDistance) = (i, nearest) }
        }
        chosen.append(best)
        centres.append(points[best])
    }
    return chosen
}

private func tensor(_ rows: [[Float]]) -> Tensor {
    Tensor(shape: [rows.count, rows.first?.count ?? 0], scalars: rows.flatMap { $0 })
}

@Suite("k-center greedy diversity sampling")
struct QueryStrategyKCenterTests {
    @Test("Points in the plane, starting from a labelled origin: farthest first")
    func plane() throws {
        // squared distances to (0, 0): 1, 100, 25, 200 → (10, 10) first; then (10, 0) is 10 from
        // it and 10 from the origin, (0, 5) 5 from the origin, (1, 0) 1 from it
        let points = tensor([[1, 0], [10, 0], [0, 5], [10, 10]])
        let predictions = PoolPredictions(features: points, labeledFeatures: tensor([[0, 0]]))
        var generator = SeededGenerator(seed: 1)
        #expect(try KCenterGreedy().query(predictions, batchSize: 4, using: &generator) == [3, 1, 2, 0])
        #expect(try KCenterGreedy().query(predictions, batchSize: 2, using: &generator) == [3, 1])
    }

    @Test("Identical points tie and go in index order")
    func ties() throws {
        let predictions = PoolPredictions(
            features: tensor([[1, 1], [1, 1], [1, 1]]), labeledFeatures: tensor([[0, 0]]))
        var generator = SeededGenerator(seed: 1)
        #expect(try KCenterGreedy().query(predictions, batchSize: 5, using: &generator) == [0, 1, 2])
    }

    @Test("Without labelled features the first pick is seeded, then farthest-first as the naive twin")
    func seededStart() throws {
        var data = SeededGenerator(seed: 5)
        let points = (0..<40).map { _ in (0..<3).map { _ in Float(data.nextNormal()) } }
        var a = SeededGenerator(seed: 11)
        var b = SeededGenerator(seed: 11)
        let first = try KCenterGreedy().query(PoolPredictions(features: tensor(points)), batchSize: 8, using: &a)
        #expect(try KCenterGreedy().query(PoolPredictions(features: tensor(points)), batchSize: 8, using: &b) == first)
        let asDouble = points.map { $0.map(Double.init) }
        let rest = naiveKCenter(points: asDouble, centres: [asDouble[first[0]]], count: 8).filter { $0 != first[0] }
        #expect(Array(first.dropFirst()) == Array(rest.prefix(7)))
    }

    @Test("Matches the naive twin with a labelled set larger than one BLAS block")
    func matchesNaive() throws {
        var data = SeededGenerator(seed: 8)
        let points = (0..<60).map { _ in (0..<4).map { _ in Float(data.nextNormal()) } }
        let labeled = (0..<150).map { _ in (0..<4).map { _ in Float(data.nextNormal()) } }
        var generator = SeededGenerator(seed: 1)
        let fast = try KCenterGreedy().query(
            PoolPredictions(features: tensor(points), labeledFeatures: tensor(labeled)), batchSize: 10,
            using: &generator)
        let slow = naiveKCenter(
            points: points.map { $0.map(Double.init) }, centres: labeled.map { $0.map(Double.init) }, count: 10)
        #expect(fast == slow)
    }
}
