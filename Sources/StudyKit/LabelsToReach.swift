// "How many labels to reach 95 %?": the question every active-learning study ends with, read
// off each trial's learning curve and said the same way in every report.

/// The labels each trial needed to reach a target test accuracy, read off its learning curve
/// (interpolated between rounds), and how to write them: "455 ± 31", "455 ± 31 (2 of 3)" when
/// some trials never got there, "not reached" when none did.
public struct LabelsToReach: Equatable, Sendable {
    /// The target test accuracy, in [0, 1].
    public var target: Double
    /// Per trial, the labels needed (minus `offset`), or nil where the target was not reached.
    public var perTrial: [Double?]

    /// Reads the labels to `target` off each of `curves`; `offset` is subtracted from each
    /// (the initial labels, to count acquired images only).
    public init(_ target: Double, curves: [LearningCurve], offset: Int = 0) {
        self.target = target
        perTrial = curves.map { $0.labelsToReach(target).map { $0 - Double(offset) } }
    }

    /// The counts of the trials that reached the target.
    public var reached: [Double] { perTrial.compactMap { $0 } }

    /// Whether no trial reached the target.
    public var neverReached: Bool { reached.isEmpty }

    /// "455 ± 31" (mean ± sample sd over trials, just the count for one), with "(k of n)" when
    /// only k of the n trials reached the target, or "not reached".
    public var text: String {
        guard !reached.isEmpty else { return "not reached" }
        let spread = ResultsTable.meanAndSpread(reached, as: .count, countingTrials: false)
        return reached.count == perTrial.count ? spread : "\(spread) (\(reached.count) of \(perTrial.count))"
    }
}
