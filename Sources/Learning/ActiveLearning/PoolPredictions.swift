// What a model says about the candidate images, in the one shape every query strategy reads.

/// A model's predictions for the candidate rows a strategy chooses among.
///
/// Why one input type for every strategy: a deterministic model's prediction is the special case
/// of Monte Carlo dropout with a single pass, so `probabilities` is always `[passes, N, C]`
/// (passes = 1 for `predict`). Least confidence, margin and entropy read the mean over passes
/// (Gal et al.'s "max entropy" is entropy of that mean), so they work unchanged on MC
/// predictions; BALD, variation ratios and mean STD need passes ≥ 2 and say so by throwing.
/// Diversity strategies read `features` instead. One protocol over one input keeps the loop,
/// the mixed strategy and the notebooks free of case analysis.
public struct PoolPredictions: Sendable {
    /// Class probabilities `[passes, N, C]`; C = 0 when only features were given.
    public let probabilities: Tensor
    /// The mean over passes, `[N, C]`.
    public let meanProbabilities: Tensor
    /// Feature vectors of the candidate rows `[N, D]` (say the penultimate layer), for diversity.
    public var features: Tensor?
    /// Feature vectors of the already-labelled images `[L, D]`, the centres diversity starts from.
    public var labeledFeatures: Tensor?

    /// Predictions from class probabilities `[N, C]` (one deterministic pass) or `[passes, N, C]`
    /// (Monte Carlo dropout), with optional features for diversity strategies.
    public init(probabilities: Tensor, features: Tensor? = nil, labeledFeatures: Tensor? = nil) {
        precondition(
            probabilities.rank == 2 || probabilities.rank == 3,
            "probabilities must be [N, C] or [passes, N, C], got shape \(probabilities.shape)")
        let stacked = probabilities.rank == 2 ? probabilities.reshaped([1] + probabilities.shape) : probabilities
        precondition(stacked.shape[0] > 0, "probabilities need at least one pass, got shape \(probabilities.shape)")
        if let features {
            precondition(
                features.rank == 2 && features.rows == stacked.shape[1],
                "features must be [N, D] with N = \(stacked.shape[1]) rows, got shape \(features.shape)")
        }
        if let labeledFeatures, let features {
            precondition(
                labeledFeatures.rank == 2 && labeledFeatures.shape[1] == features.shape[1],
                "labelled features \(labeledFeatures.shape) must be [L, \(features.shape[1])]")
        }
        self.probabilities = stacked
        meanProbabilities = Self.mean(overPasses: stacked)
        self.features = features
        self.labeledFeatures = labeledFeatures
    }

    /// Predictions carrying only feature vectors `[N, D]` (and the labelled set's `[L, D]`), for
    /// strategies that look at nothing else.
    public init(features: Tensor, labeledFeatures: Tensor? = nil) {
        precondition(features.rank == 2, "features must be [N, D], got shape \(features.shape)")
        self.init(
            probabilities: Tensor(shape: [1, features.rows, 0]), features: features,
            labeledFeatures: labeledFeatures)
    }

    /// The number of stochastic passes (1 for a deterministic model).
    public var passes: Int { probabilities.shape[0] }
    /// The number of candidate rows N.
    public var rows: Int { probabilities.shape[1] }
    /// The number of classes C (0 when only features were given).
    public var classes: Int { probabilities.shape[2] }

    /// `[passes, N, C]` averaged over passes into `[N, C]`.
    private static func mean(overPasses stacked: Tensor) -> Tensor {
        let passes = stacked.shape[0]
        let width = stacked.elementsPerRow
        guard passes > 1 else { return stacked.reshaped(Array(stacked.shape.dropFirst())) }
        var sum = [Float](repeating: 0, count: width)
        for pass in 0..<passes {
            for i in 0..<width { sum[i] += stacked.scalars[pass * width + i] }
        }
        let scale = 1 / Float(passes)
        return Tensor(shape: Array(stacked.shape.dropFirst()), scalars: sum.map { $0 * scale })
    }
}
