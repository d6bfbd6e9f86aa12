// Mean and spread of a number over repeated trials: how the studies report results that the
// original write-ups gave from a single run.
import Foundation

/// The mean and sample standard deviation of one quantity over trials.
///
/// The standard deviation is the sample one (dividing by n − 1), the usual choice when a few
/// trials estimate the spread of many; with a single trial there is no spread to estimate and it
/// is 0 (the count says so).
public struct TrialSpread: Codable, Equatable, Sendable, CustomStringConvertible {
    /// The arithmetic mean.
    public var mean: Double
    /// The sample standard deviation (n − 1 in the denominator); 0 for one value.
    public var standardDeviation: Double
    /// The number of trials.
    public var count: Int

    /// The spread of `values` (at least one).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a spread needs at least one value")
        let n = values.count
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        self.count = n
        self.mean = mean
        standardDeviation = n > 1 ? (squares / Double(n - 1)).squareRoot() : 0
    }

    /// "0.8612 ± 0.0041 (n = 3)".
    public var description: String {
        String(format: "%.4f ± %.4f (n = %d)", mean, standardDeviation, count)
    }
}
