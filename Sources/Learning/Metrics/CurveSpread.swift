// Several trials' learning curves summarised as one mean curve with a ±1 sd band: what the
// studies' plots show when they average over trials.

/// The mean and sample standard deviation of several learning curves at common label counts.
///
/// The curves are aligned on the union of their label counts within the range all of them cover;
/// each is read there by linear interpolation (exactly at its own points, so curves recorded at
/// the same label counts are averaged point by point with no interpolation at all).
public struct CurveSpread: Codable, Equatable, Sendable {
    /// The common label counts, increasing.
    public var labels: [Int]
    /// The mean accuracy at each label count.
    public var mean: [Double]
    /// The sample standard deviation (n − 1) at each label count; 0 with one curve.
    public var standardDeviation: [Double]
    /// The number of curves averaged.
    public var trials: Int

    /// The spread of `curves` (at least one, none empty). If the curves' label ranges do not
    /// overlap, the result has no points.
    public init(_ curves: [LearningCurve]) {
        precondition(!curves.isEmpty, "a curve spread needs at least one curve")
        precondition(curves.allSatisfy { !$0.points.isEmpty }, "a curve spread needs curves with points")
        let low = curves.compactMap { $0.points.first?.labels }.max() ?? 0
        let high = curves.compactMap { $0.points.last?.labels }.min() ?? 0
        let grid = Set(curves.flatMap { $0.points.map(\.labels) }).filter { $0 >= low && $0 <= high }.sorted()
        var mean: [Double] = []
        var deviation: [Double] = []
        for x in grid {
            let spread = TrialSpread(curves.compactMap { $0.accuracy(atLabels: Double(x)) })
            mean.append(spread.mean)
            deviation.append(spread.standardDeviation)
        }
        labels = grid
        self.mean = mean
        standardDeviation = deviation
        trials = curves.count
    }
}
