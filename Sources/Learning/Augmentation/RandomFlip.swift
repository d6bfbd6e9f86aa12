// Keras's RandomFlip: mirror images left–right and/or top–bottom, each with probability 1/2.

/// Random flips, as Keras's `RandomFlip(mode)`: each enabled direction is flipped independently
/// with probability 1/2.
public struct RandomFlip: RandomTransformLayer {
    /// Which flips may happen (Keras's "horizontal", "vertical", "horizontal_and_vertical").
    public enum Mode: Sendable {
        case horizontal, vertical, horizontalAndVertical
    }

    public let mode: Mode

    public init(_ mode: Mode = .horizontalAndVertical) {
        self.mode = mode
    }

    public func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap {
        var map = AffineMap.identity
        if mode != .vertical && generator.nextUnitFloat() < 0.5 {
            map = map.followed(by: .horizontalFlip(width: width))
        }
        if mode != .horizontal && generator.nextUnitFloat() < 0.5 {
            map = map.followed(by: .verticalFlip(height: height))
        }
        return map
    }
}
