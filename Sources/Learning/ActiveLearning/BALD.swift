// Bayesian active learning by disagreement (the MNISTBayesianDropout study): prefer the rows where
// the Monte Carlo passes are each confident but disagree with one another.
import Foundation

/// BALD (Houlsby et al. 2011, with MC dropout as in Gal et al. 2017): the mutual information
/// between the prediction and the model parameters, estimated from passes as
/// H(mean over passes) − mean over passes of H(pass), in nats; highest first.
///
/// Rows where every pass agrees score 0 however uncertain each pass is; the estimate is
/// non-negative by Jensen's inequality and is clamped at 0 against rounding. Needs ≥ 2 passes.
public struct BALD: ScoringStrategy {
    public init() {}

    public var name: String { "BALD" }
    public var preference: ScorePreference { .highestFirst }

    public func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float] {
        try predictions.requireMonteCarloPasses(for: name)
        let passes = predictions.passes
        let rows = predictions.rows
        let classes = predictions.classes
        let entropyOfMean = ProbabilityRows.entropy(predictions.meanProbabilities)
        // meanEntropy[n] = (1/T) Σ_t H(p_t[n, :]), probabilities laid out [T, N, C]
        var meanEntropy = [Float](repeating: 0, count: rows)
        predictions.probabilities.scalars.withUnsafeBufferPointer { p in
            for pass in 0..<passes {
                for row in 0..<rows {
                    let start = (pass * rows + row) * classes
                    meanEntropy[row] += ProbabilityRows.entropy(
                        of: UnsafeBufferPointer(rebasing: p[start..<(start + classes)]))
                }
            }
        }
        return (0..<rows).map { max(0, entropyOfMean[$0] - meanEntropy[$0] / Float(passes)) }
    }
}
