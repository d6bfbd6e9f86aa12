// The one protocol every way of choosing what to label conforms to, and the refinement for the
// strategies that rank rows by a per-row score (which notebooks also show as captions).

/// A way of choosing which candidate rows to label next (modAL's query strategy).
///
/// Deterministic and Monte Carlo strategies share this one protocol because they share one input,
/// `PoolPredictions` (`[passes, N, C]`, passes = 1 for a deterministic model; see its doc).
public protocol QueryStrategy: Sendable {
    /// A short name for legends and reports ("margin", "BALD").
    var name: String { get }

    /// The rows to label next, best first: indices into `predictions`' rows, distinct, at most
    /// `batchSize` (≥ 0) of them. Asking for more rows than there are is not an error: all rows
    /// are returned, ranked. Ties go to the lower row index. `generator` is drawn from only by
    /// strategies with a random part. Throws when the predictions lack what the strategy reads.
    func query(_ predictions: PoolPredictions, batchSize: Int, using generator: inout SeededGenerator)
        throws(QueryError) -> [Int]
}

/// Which end of a score ranks first.
public enum ScorePreference: Sendable {
    /// Higher scores are more informative (entropy, BALD).
    case highestFirst
    /// Lower scores are more informative (margin).
    case lowestFirst
}

/// A strategy that scores every row and queries the best-scoring ones: uncertainty sampling.
public protocol ScoringStrategy: QueryStrategy {
    /// Which end of `scores` is queried first.
    var preference: ScorePreference { get }

    /// One score per row, in the strategy's own units (a margin, an entropy in nats), for
    /// ranking and for captions.
    func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float]
}

extension ScoringStrategy {
    public func query(_ predictions: PoolPredictions, batchSize: Int, using generator: inout SeededGenerator)
        throws(QueryError) -> [Int]
    {
        try ranked(predictions, batchSize: batchSize).rows
    }

    /// The chosen rows, best first, with their scores: what `query` returns, plus the numbers
    /// behind it for captions.
    public func ranked(_ predictions: PoolPredictions, batchSize: Int) throws(QueryError) -> (
        rows: [Int], scores: [Float]
    ) {
        let all = try scores(predictions)
        let rows = bestRows(of: all, count: batchSize, preference: preference)
        return (rows, rows.map { all[$0] })
    }
}

/// The `count` best rows of `scores` (all if fewer), best first; ties go to the lower index and
/// NaN scores (a diverged model) rank last.
func bestRows(of scores: [Float], count: Int, preference: ScorePreference) -> [Int] {
    precondition(count >= 0, "batch size must be non-negative, got \(count)")
    let ascending = preference == .lowestFirst
    let order = scores.indices.sorted { i, j in
        let a = scores[i]
        let b = scores[j]
        if a.isNaN || b.isNaN { return a.isNaN == b.isNaN ? i < j : b.isNaN }
        if a != b { return ascending ? a < b : a > b }
        return i < j
    }
    return Array(order.prefix(count))
}
