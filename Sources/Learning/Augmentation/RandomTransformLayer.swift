// What a random augmentation layer is here: something that draws one affine map per image.

/// A random geometric augmentation in the manner of Keras's preprocessing layers: for each image
/// it draws one affine map (output pixel → input point), which `Augmenter` chains with the other
/// layers' maps and applies in one resampling.
public protocol RandomTransformLayer: Sendable {
    /// One random map for an image of `height` × `width` pixels.
    func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap
}
