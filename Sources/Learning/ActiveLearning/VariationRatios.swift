// Disagreement among Monte Carlo passes counted by votes (the MNISTBayesianDropout study): how often a
// pass does not predict the most popular class.

/// Variation ratios (Freeman 1965; Gal et al. 2017): 1 − (passes whose predicted class is the
/// modal class) / passes; highest first.
///
/// Each pass votes for its argmax class (ties to the lower class). All passes agreeing scores 0;
/// with T passes spread evenly over C classes it reaches 1 − 1/C. Needs ≥ 2 passes.
public struct VariationRatios: ScoringStrategy {
    public init() {}

    public var name: String { "variation ratios" }
    public var preference: ScorePreference { .highestFirst }

    public func scores(_ predictions: PoolPredictions) throws(QueryError) -> [Float] {
        try predictions.requireMonteCarloPasses(for: name)
        let passes = predictions.passes
        let rows = predictions.rows
        let classes = predictions.classes
        // votes[n * C + c] = number of passes whose argmax for row n is class c
        var votes = [Int](repeating: 0, count: rows * classes)
        for pass in 0..<passes {
            let slice = predictions.probabilities.slicing(rows: pass..<(pass + 1)).reshaped([rows, classes])
            for (row, vote) in ProbabilityRows.argmax(slice).enumerated() { votes[row * classes + vote] += 1 }
        }
        return (0..<rows).map { row in
            let modal = votes[(row * classes)..<((row + 1) * classes)].max() ?? 0
            return 1 - Float(modal) / Float(passes)
        }
    }
}
