// A closing cell's judgement computed from the numbers: each arm's final accuracy against a
// baseline's, with the larger of the two standard deviations over trials as the yardstick, so no
// prose quotes a figure a rerun may not reproduce.
import Foundation

/// How an arm's mean compares with a baseline's over trials: ahead or behind when the gap is
/// larger than the larger of the two standard deviations, otherwise within the spread.
public struct Verdict: Equatable, Sendable, CustomStringConvertible {
    /// The call made.
    public enum Call: Equatable, Sendable {
        /// The arm's mean exceeds the baseline's by more than the yardstick.
        case ahead
        /// The arm's mean falls short of the baseline's by more than the yardstick.
        case behind
        /// The gap is at most the yardstick: no evidence either way.
        case withinSpread
        /// Fewer than two trials on a side: no spread to judge by.
        case noSpread
    }

    /// The arm's mean minus the baseline's (in the values' units, e.g. a fraction of accuracy).
    public var difference: Double
    /// The larger of the two sample standard deviations (same units).
    public var yardstick: Double
    /// The call.
    public var call: Call

    /// The verdict of `arm`'s values (one per trial) against `baseline`'s.
    public init(_ arm: [Double], against baseline: [Double]) {
        let (a, b) = (TrialSpread(arm), TrialSpread(baseline))
        difference = a.mean - b.mean
        yardstick = max(a.standardDeviation, b.standardDeviation)
        if a.count < 2 || b.count < 2 {
            call = .noSpread
        } else if abs(difference) <= yardstick {
            call = .withinSpread
        } else {
            call = difference > 0 ? .ahead : .behind
        }
    }

    /// "ahead", "behind", "within the spread, no evidence either way" or "one trial, no spread
    /// to judge by".
    public var description: String {
        switch call {
        case .ahead: return "ahead"
        case .behind: return "behind"
        case .withinSpread: return "within the spread, no evidence either way"
        case .noSpread: return "one trial, no spread to judge by"
        }
    }

    /// One aligned line per arm for fractions such as accuracies, in percentage points:
    /// `  max entropy      +12.30 points (sd 3.7): ahead`.
    public static func lines(_ arms: [(name: String, values: [Double])], against baseline: [Double]) -> [String] {
        let width = arms.map(\.name.count).max() ?? 0
        return arms.map { name, values in
            let verdict = Verdict(values, against: baseline)
            let signed = NumberStyle.plain.formatSigned(100 * verdict.difference, decimals: 2)
            let points = String(repeating: " ", count: max(0, 6 - signed.count)) + signed
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            let sd = verdict.call == .noSpread ? "" : " (sd \(String(format: "%.1f", 100 * verdict.yardstick)))"
            return "  \(padded) \(points) points\(sd): \(verdict)"
        }
    }
}
