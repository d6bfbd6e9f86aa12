// Diversity sampling (the CIFARUncertaintyShare study's further protocol, Sener & Savarese 2018):
// pick rows that cover the feature space, each as far as possible from everything labelled or picked so far.
import CBLAS

/// k-center greedy: repeatedly pick the row whose feature vector is farthest (Euclidean) from its
/// nearest centre, where the centres are the labelled set's features and the rows picked so far.
///
/// Rows come in pick order, so the first is the most distant. Without labelled features the
/// first pick is a row drawn from `generator`. Ties go to the lower row. Distances come from
/// ‖x‖² + ‖c‖² − 2 x·c with the products through BLAS: O(N·(L + k)·D).
public struct KCenterGreedy: QueryStrategy {
    public init() {}

    public var name: String { "k-center greedy" }

    /// Labelled centres are folded in this many at a time (bounds the N × block scratch matrix).
    private static let centreBlock = 128

    public func query(_ predictions: PoolPredictions, batchSize: Int, using generator: inout SeededGenerator)
        throws(QueryError) -> [Int]
    {
        precondition(batchSize >= 0, "batch size must be non-negative, got \(batchSize)")
        guard let features = predictions.features else { throw .needsFeatures(strategy: name) }
        precondition(features.shape[1] > 0, "feature vectors need at least one dimension, got \(features.shape)")
        let rows = features.rows
        let total = min(batchSize, rows)
        guard total > 0 else { return [] }
        let norms = Self.squaredNorms(features)
        // nearest[n]: squared distance from row n to its nearest centre; −∞ once n is picked
        var nearest = [Float](repeating: .infinity, count: rows)
        var chosen: [Int] = []
        if let labeled = predictions.labeledFeatures, labeled.rows > 0 {
            Self.foldIn(centres: labeled, into: &nearest, features: features, norms: norms)
        } else {
            chosen.append(Int.random(in: 0..<rows, using: &generator))
            Self.foldIn(row: chosen[0], into: &nearest, features: features, norms: norms)
            nearest[chosen[0]] = -.infinity
        }
        while chosen.count < total {
            var best = 0
            for n in 1..<rows where nearest[n] > nearest[best] { best = n }
            chosen.append(best)
            Self.foldIn(row: best, into: &nearest, features: features, norms: norms)
            nearest[best] = -.infinity
        }
        return chosen
    }

    /// ‖x_n‖² for each row of `x: [N, D]`.
    private static func squaredNorms(_ x: Tensor) -> [Float] {
        let d = x.shape[1]
        return (0..<x.rows).map { n in
            var sum: Float = 0
            for j in 0..<d { sum += x.scalars[n * d + j] * x.scalars[n * d + j] }
            return sum
        }
    }

    /// Lowers `nearest` to the squared distance from each row to feature row `centre` (sgemv).
    private static func foldIn(row centre: Int, into nearest: inout [Float], features: Tensor, norms: [Float]) {
        let rows = features.rows
        let d = features.shape[1]
        // dots[n] = x_n · x_centre
        var dots = [Float](repeating: 0, count: rows)
        features.scalars.withUnsafeBufferPointer { x in
            cblas_sgemv(
                CblasRowMajor, CblasNoTrans, Int32(rows), Int32(d), 1, x.baseAddress, Int32(d),
                x.baseAddress! + centre * d, 1, 0, &dots, 1)
        }
        for n in 0..<rows {
            nearest[n] = min(nearest[n], max(0, norms[n] + norms[centre] - 2 * dots[n]))
        }
    }

    /// Lowers `nearest` to the squared distance from each row to its nearest row of
    /// `centres: [L, D]`, a block of centres at a time (sgemm).
    private static func foldIn(centres: Tensor, into nearest: inout [Float], features: Tensor, norms: [Float]) {
        let rows = features.rows
        let d = features.shape[1]
        let centreNorms = squaredNorms(centres)
        for start in stride(from: 0, to: centres.rows, by: centreBlock) {
            let block = min(centreBlock, centres.rows - start)
            // dots[n, j] = x_n · c_(start + j), [N, block]
            var dots = [Float](repeating: 0, count: rows * block)
            features.scalars.withUnsafeBufferPointer { x in
                centres.scalars.withUnsafeBufferPointer { c in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(block), Int32(d), 1,
                        x.baseAddress, Int32(d), c.baseAddress! + start * d, Int32(d), 0, &dots, Int32(block))
                }
            }
            for n in 0..<rows {
                for j in 0..<block {
                    let distance = norms[n] + centreNorms[start + j] - 2 * dots[n * block + j]
                    nearest[n] = min(nearest[n], max(0, distance))
                }
            }
        }
    }
}
