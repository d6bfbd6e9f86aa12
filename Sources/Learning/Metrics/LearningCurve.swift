// Test accuracy against labels spent: what an active-learning run produces, and the two numbers
// the studies compare runs by (labels needed to reach a target, area under the curve).

/// A learning curve: one point per round, labels spent (non-decreasing) against test accuracy.
///
/// Between points the curve is read by linear interpolation; outside the labels range it is
/// undefined.
public struct LearningCurve: Codable, Equatable, Sendable {
    /// One round's result.
    public struct Point: Codable, Equatable, Sendable {
        /// Oracle labels spent so far (augmented copies and pseudo-labels cost none).
        public var labels: Int
        /// Test accuracy in [0, 1].
        public var accuracy: Double

        public init(labels: Int, accuracy: Double) {
            self.labels = labels
            self.accuracy = accuracy
        }
    }

    /// The points in the order they were recorded; labels never decrease.
    public private(set) var points: [Point]

    /// A curve through `points`, whose labels must not decrease.
    public init(_ points: [Point] = []) {
        for (a, b) in zip(points, points.dropFirst()) {
            precondition(a.labels <= b.labels, "learning curve labels decrease: \(a.labels) then \(b.labels)")
        }
        self.points = points
    }

    /// A curve through `(labels, accuracy)` pairs.
    public init(labels: [Int], accuracies: [Double]) {
        precondition(labels.count == accuracies.count, "\(labels.count) label counts, \(accuracies.count) accuracies")
        self.init(zip(labels, accuracies).map { Point(labels: $0, accuracy: $1) })
    }

    /// Adds the next round's point; `labels` must be at least the last point's.
    public mutating func append(labels: Int, accuracy: Double) {
        if let last = points.last {
            precondition(last.labels <= labels, "learning curve labels decrease: \(last.labels) then \(labels)")
        }
        points.append(Point(labels: labels, accuracy: accuracy))
    }

    /// The highest accuracy on the curve, `nil` when it is empty.
    public var bestAccuracy: Double? { points.map(\.accuracy).max() }

    /// The labels at which the curve first reaches `target` accuracy, interpolated linearly
    /// between the last point below the target and the first at or above it; the first point's
    /// labels if it already reaches it. `nil` when the curve never reaches `target` (not reached
    /// is not "infinitely many labels": a report should say so in words).
    public func labelsToReach(_ target: Double) -> Double? {
        guard let hit = points.firstIndex(where: { $0.accuracy >= target }) else { return nil }
        let above = points[hit]
        guard hit > 0 else { return Double(above.labels) }
        let below = points[hit - 1]
        let fraction = (target - below.accuracy) / (above.accuracy - below.accuracy)
        return Double(below.labels) + fraction * Double(above.labels - below.labels)
    }

    /// The area under the curve by the trapezoid rule, divided by the labels range, so that it is
    /// the curve's mean accuracy over that range (in [0, 1], comparable between runs with the same
    /// range). A single point, or points all at the same labels, give their mean accuracy; an
    /// empty curve gives `nil`.
    public var normalizedArea: Double? {
        guard let first = points.first, let last = points.last else { return nil }
        let width = Double(last.labels - first.labels)
        guard width > 0 else { return points.map(\.accuracy).reduce(0, +) / Double(points.count) }
        var area = 0.0
        for (a, b) in zip(points, points.dropFirst()) {
            area += Double(b.labels - a.labels) * (a.accuracy + b.accuracy) / 2
        }
        return area / width
    }

    /// The accuracy at `labels` by linear interpolation between the neighbouring points; `nil`
    /// outside the curve's labels range. Where several points share `labels`, the last one.
    public func accuracy(atLabels labels: Double) -> Double? {
        guard let first = points.first, let last = points.last,
            labels >= Double(first.labels), labels <= Double(last.labels)
        else { return nil }
        guard let upper = points.firstIndex(where: { Double($0.labels) >= labels }) else { return nil }
        let above = points[upper]
        if Double(above.labels) == labels {
            return points.last(where: { $0.labels == above.labels })?.accuracy
        }
        let below = points[upper - 1]
        let fraction = (labels - Double(below.labels)) / Double(above.labels - below.labels)
        return below.accuracy + fraction * (above.accuracy - below.accuracy)
    }
}
