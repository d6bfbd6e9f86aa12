// The ways a strategy can be given predictions it cannot use, said so that the fix is plain.

/// Why a query strategy could not choose from the predictions it was given.
public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The strategy measures disagreement between Monte Carlo passes but got `passes` (< 2).
    case needsMonteCarloPasses(strategy: String, passes: Int)
    /// The strategy measures distances between feature vectors but got none.
    case needsFeatures(strategy: String)
    /// The strategy reads class probabilities but got only features.
    case needsProbabilities(strategy: String)

    public var description: String {
        switch self {
        case .needsMonteCarloPasses(let strategy, let passes):
            return "\(strategy) compares Monte Carlo dropout passes but got \(passes);"
                + " predict with predictStochastic(passes:) and at least 2 passes"
        case .needsFeatures(let strategy):
            return "\(strategy) needs feature vectors: build PoolPredictions with features: [N, D]"
        case .needsProbabilities(let strategy):
            return "\(strategy) needs class probabilities: build PoolPredictions with probabilities"
        }
    }
}
