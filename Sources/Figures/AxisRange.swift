/// The span of values an axis covers: the data's own range with a little padding, or a range
/// the notebook fixes (accuracy from 0.8 to 0.95, say).

/// How an axis chooses the values it spans.
public enum AxisRange: Sendable, Equatable {
    /// The data's range plus a little padding on each side.
    case auto
    /// Exactly `lower...upper`, whatever the data; points outside are clipped.
    case fixed(Double, Double)

    /// The span to draw for data spanning `extent` (`nil` when there is no finite data):
    /// `.auto` pads it by `padding` of its width on each side, or by a unit around a single value.
    func domain(for extent: ClosedRange<Double>?, padding: Double) -> ClosedRange<Double> {
        switch self {
        case .fixed(let a, let b) where a.isFinite && b.isFinite && a != b:
            return min(a, b)...max(a, b)
        case .fixed, .auto:
            guard let extent else { return 0...1 }
            let width = extent.upperBound - extent.lowerBound
            guard width > 0 else {
                let half = extent.lowerBound == 0 ? 1 : abs(extent.lowerBound) * 0.1
                return (extent.lowerBound - half)...(extent.upperBound + half)
            }
            return (extent.lowerBound - width * padding)...(extent.upperBound + width * padding)
        }
    }
}

/// The smallest range holding every finite value, or `nil` when there is none.
func finiteExtent<S: Sequence>(_ values: S) -> ClosedRange<Double>? where S.Element == Double {
    var lo = Double.infinity
    var hi = -Double.infinity
    for v in values where v.isFinite {
        lo = min(lo, v)
        hi = max(hi, v)
    }
    return lo <= hi ? lo...hi : nil
}
