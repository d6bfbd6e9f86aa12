// Disagreement among Monte Carlo passes measured by spread (the MNISTBayesianDropout study's "mean
// STD", Kampffmeyer et al. 2016): how much each class probability moves from pass to pass.
import Foundation

/// Mean STD: the standard deviation over passes of each class probability, averaged over
/// classes; highest first.
///
/// The standard deviation is the population one (dividing by the number of passes T), as
/// √(E[p²] − E[p]²) over the passes. Identical passes score 0. Needs ≥ 2 passes.
public struct MeanStandardDeviation: ScoringStrategy {
    public init() {}

    public var name: String { "mean STD" }
    public var preference: ScorePreference { .highestFirst }

    public func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float] {
        try predictions.requireMonteCarloPasses(for: name)
        let passes = predictions.passes
        let width = predictions.rows * predictions.classes
        let mean = predictions.meanProbabilities.scalars
        // variance[n * C + c] = (1/T) Σ_t (p_t[n, c] − p̄[n, c])²
        var variance = [Float](repeating: 0, count: width)
        predictions.probabilities.scalars.withUnsafeBufferPointer { p in
            for pass in 0..<passes {
                for i in 0..<width {
                    let deviation = p[pass * width + i] - mean[i]
                    variance[i] += deviation * deviation
                }
            }
        }
        let classes = predictions.classes
        return (0..<predictions.rows).map { row in
            let deviations = variance[(row * classes)..<((row + 1) * classes)].map { ($0 / Float(passes)).squareRoot() }
            return deviations.reduce(0, +) / Float(classes)
        }
    }
}
