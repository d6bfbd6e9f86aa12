// Keras's RandomZoom: zoom each image in or out about its centre by a random factor.

/// Random zoom, as Keras's `RandomZoom(height_factor, width_factor)`: the input is sampled at
/// 1 + z times the output's offsets from the centre, z drawn uniformly from the range, so
/// positive z zooms out and negative z zooms in. A single factor f means z in [−f, f]. Without a
/// width range the same draw serves both axes (the aspect ratio is kept), as in Keras.
public struct RandomZoom: RandomTransformLayer {
    /// The range of z for the vertical axis.
    public let heightRange: ClosedRange<Float>
    /// The range of z for the horizontal axis; `nil` reuses the vertical draw.
    public let widthRange: ClosedRange<Float>?

    /// Zooms by up to ±`heightFactor` (and ±`widthFactor` horizontally if given; otherwise the
    /// same zoom on both axes). Factors lie in [0, 1].
    public init(heightFactor: Float, widthFactor: Float? = nil) {
        precondition((0...1).contains(heightFactor), "zoom factor must lie in [0, 1], got \(heightFactor)")
        if let widthFactor {
            precondition((0...1).contains(widthFactor), "zoom factor must lie in [0, 1], got \(widthFactor)")
        }
        self.init(heightRange: -heightFactor...heightFactor, widthRange: widthFactor.map { -$0...$0 })
    }

    /// Zooms by z drawn from `heightRange` (and `widthRange`, if given), each bound ≥ −1.
    public init(heightRange: ClosedRange<Float>, widthRange: ClosedRange<Float>? = nil) {
        precondition(
            heightRange.lowerBound >= -1 && (widthRange?.lowerBound ?? 0) >= -1,
            "zoom ranges must not go below −1, got \(heightRange), \(String(describing: widthRange))")
        self.heightRange = heightRange
        self.widthRange = widthRange
    }

    public func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap {
        let zoomY = 1 + generator.nextFloat(in: heightRange.lowerBound..<heightRange.upperBound)
        let zoomX = widthRange.map { 1 + generator.nextFloat(in: $0.lowerBound..<$0.upperBound) } ?? zoomY
        return .zoom(x: zoomX, y: zoomY, height: height, width: width)
    }
}
