// Uncertainty sampling by the gap between the two likeliest classes (the FashionMarginAugmentation and
// CIFARUncertaintyShare studies).

/// Margin sampling: score p(top-1) − p(top-2) (of the mean over passes); smallest first.
///
/// A row with two equal leading classes scores 0; a one-hot row 1. With a single class the
/// second probability is taken as 0, so every row scores 1 and ties resolve by index.
public struct MarginSampling: ScoringStrategy {
    public init() {}

    public var name: String { "margin" }
    public var preference: ScorePreference { .lowestFirst }

    public func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float] {
        let probabilities = try predictions.requireProbabilities(for: name)
        return ProbabilityRows.topTwo(probabilities).map { $0.first - $0.second }
    }
}
