// Uncertainty sampling by predictive entropy (the MNISTEntropySampling study), which over Monte
// Carlo passes is Gal et al.'s "max entropy" (the MNISTBayesianDropout study).

/// Entropy sampling: score −Σ_c p̄(c) log p̄(c) in nats, where p̄ is the mean over passes;
/// highest first.
///
/// On one deterministic pass this is plain predictive entropy; on Monte Carlo dropout passes it
/// is the entropy of the mean prediction, "max entropy" in Gal, Islam & Ghahramani (2017).
/// A uniform row over C classes scores log C, a one-hot row 0.
public struct EntropySampling: ScoringStrategy {
    public init() {}

    public var name: String { "entropy" }
    public var preference: ScorePreference { .highestFirst }

    public func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float] {
        ProbabilityRows.entropy(try predictions.requireProbabilities(for: name))
    }
}

/// Max entropy (Gal et al. 2017): entropy of the mean Monte Carlo prediction, the same measure
/// as `EntropySampling` applied to `[passes, N, C]` predictions.
public typealias MaxEntropy = EntropySampling
