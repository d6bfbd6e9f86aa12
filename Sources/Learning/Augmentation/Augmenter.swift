// A chain of random augmentation layers applied as one resampling per image: the augmenter of the
// FashionMarginAugmentation study (flips, rotation, translation, zoom) in the way a Keras user writes it.

/// A sequence of random augmentation layers, like a Keras `Sequential` of preprocessing layers:
///
///     let augmenter = Augmenter([
///         RandomFlip(.horizontalAndVertical), RandomRotation(factor: 0.15),
///         RandomTranslation(heightFactor: 0.15, widthFactor: 0.15), RandomZoom(heightFactor: 0.15),
///     ])
///
/// Each image draws one map per layer, in layer order, and the maps are chained into one affine
/// map sampled once with bilinear interpolation and reflect fill. Keras instead resamples after
/// every layer, which blurs a little more and reflects already-reflected borders; the geometry
/// is the same, only the detail at the borders and the softness differ.
public struct Augmenter: Sendable {
    /// The layers, first applied first.
    public let layers: [any RandomTransformLayer]

    public init(_ layers: [any RandomTransformLayer]) {
        self.layers = layers
    }

    /// One image's chained map: drawing every layer's map in order.
    public func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap {
        layers.reduce(.identity) { chain, layer in
            chain.followed(by: layer.sampleTransform(height: height, width: width, using: &generator))
        }
    }

    /// One augmented copy of each image of `images: [N, H, W, C]`, the maps drawn image by image.
    public func augment(_ images: Tensor, using generator: inout SeededGenerator) -> Tensor {
        precondition(images.rank == 4, "images must be [N, H, W, C], got shape \(images.shape)")
        let (height, width) = (images.shape[1], images.shape[2])
        let maps = (0..<images.rows).map { _ in sampleTransform(height: height, width: width, using: &generator) }
        return ImageWarp.apply(maps, to: images)
    }

    /// One augmented copy of each image of `set`, keeping its label.
    public func augment(_ set: LabeledImages, using generator: inout SeededGenerator) -> LabeledImages {
        LabeledImages(images: augment(set.images, using: &generator), labels: set.labels, classNames: set.classNames)
    }
}
