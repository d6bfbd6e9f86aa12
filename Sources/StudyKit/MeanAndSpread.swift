// The one way a study writes a number measured over trials: the mean, ± the sample standard
// deviation, in the results table's formats.
import Foundation

extension ResultsTable {
    /// "89.8 % ± 0.6 % (3 trials)" for several values, "89.8 %" for one, "—" for none; without
    /// "(3 trials)" when `countingTrials` is false (a table that states the count once). The
    /// spread is the sample standard deviation (n − 1), in the same format as the mean, but for
    /// counts, whose spread keeps one decimal ("450 ± 70.7").
    public static func meanAndSpread(_ values: [Double], as format: Format, countingTrials: Bool = true) -> String {
        guard !values.isEmpty else { return "—" }
        let spread = TrialSpread(values)
        guard spread.count > 1 else { return format.string(spread.mean) }
        let deviation = format == .count ? Format.decimal(1) : format
        let text = "\(format.string(spread.mean)) ± \(deviation.string(spread.standardDeviation))"
        return countingTrials ? text + " (\(spread.count) trials)" : text
    }

    /// Appends a row to a comparison table: `quantity`, the original's figure (or "—"), and this
    /// run's values as their mean ± sample standard deviation over trials (just the value when
    /// there is one).
    public mutating func compare(_ quantity: String, reported: Double?, thisRun: [Double], as format: Format) {
        append([quantity, reported.map(format.string) ?? "—", Self.meanAndSpread(thisRun, as: format)])
    }
}
