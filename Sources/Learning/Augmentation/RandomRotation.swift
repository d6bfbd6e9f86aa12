// Keras's RandomRotation: turn each image about its centre by a random fraction of a full turn.

/// Random rotation, as Keras's `RandomRotation(factor)`: an angle drawn uniformly from
/// [lower, upper] × 2π radians about the image centre, positive counter-clockwise. A single
/// factor f means [−f, f]: f = 0.15 turns by up to ±54°.
public struct RandomRotation: RandomTransformLayer {
    /// The range of the angle, in fractions of a full turn.
    public let range: ClosedRange<Float>

    /// Rotations by up to ±`factor` of a full turn (`factor` ≥ 0).
    public init(factor: Float) {
        precondition(factor >= 0, "rotation factor must be non-negative, got \(factor)")
        self.init(range: -factor...factor)
    }

    /// Rotations by `range` fractions of a full turn (Keras's `factor=(lower, upper)`).
    public init(range: ClosedRange<Float>) {
        self.range = range
    }

    public func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap {
        let turns = generator.nextFloat(in: range.lowerBound..<range.upperBound)
        return .rotation(angle: Double(turns) * 2 * .pi, height: height, width: width)
    }
}
