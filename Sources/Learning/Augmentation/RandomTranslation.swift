// Keras's RandomTranslation: shift each image by a random fraction of its height and width.

/// Random translation, as Keras's `RandomTranslation(height_factor, width_factor)`: a vertical
/// shift drawn uniformly from [lower, upper] × height pixels (positive down) and a horizontal one
/// from the width range × width pixels (positive right). A single factor f means [−f, f].
public struct RandomTranslation: RandomTransformLayer {
    /// The range of the vertical shift, as a fraction of the height.
    public let heightRange: ClosedRange<Float>
    /// The range of the horizontal shift, as a fraction of the width.
    public let widthRange: ClosedRange<Float>

    /// Shifts by up to ±`heightFactor` of the height and ±`widthFactor` of the width (each in
    /// [0, 1]).
    public init(heightFactor: Float, widthFactor: Float) {
        precondition(
            (0...1).contains(heightFactor) && (0...1).contains(widthFactor),
            "translation factors must lie in [0, 1], got height \(heightFactor), width \(widthFactor)")
        self.init(heightRange: -heightFactor...heightFactor, widthRange: -widthFactor...widthFactor)
    }

    /// Shifts by fractions drawn from `heightRange` and `widthRange` (Keras's tuples).
    public init(heightRange: ClosedRange<Float>, widthRange: ClosedRange<Float>) {
        self.heightRange = heightRange
        self.widthRange = widthRange
    }

    public func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap {
        let dy = generator.nextFloat(in: heightRange.lowerBound..<heightRange.upperBound) * Float(height)
        let dx = generator.nextFloat(in: widthRange.lowerBound..<widthRange.upperBound) * Float(width)
        return .translation(dx: dx, dy: dy)
    }
}
