// Uncertainty sampling by the top probability: the rows the model is least sure of its own
// prediction (the MNISTSoftmaxLabelling study's "least confident").

/// Least-confidence sampling: score 1 − max_c p(c) (of the mean over passes); highest first.
///
/// A one-hot row scores 0, a uniform row over C classes 1 − 1/C.
public struct LeastConfidence: ScoringStrategy {
    public init() {}

    public var name: String { "least confidence" }
    public var preference: ScorePreference { .highestFirst }

    public func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float] {
        let probabilities = try predictions.requireProbabilities(for: name)
        return ProbabilityRows.topTwo(probabilities).map { 1 - $0.first }
    }
}
