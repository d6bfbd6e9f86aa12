// Labelled images straight to an image grid: the pixels, their shape, and the labels as captions.

extension ImageGrid {
    /// A grid of `images` in `columns` columns, captioned by each image's label (its class name
    /// when `classNames` is true) unless `captions` are given. Throws `FigureError.invalidData`
    /// for images that are not [N, H, W, C].
    public init(
        title: String, images: LabeledImages, columns: Int, captions: [String]? = nil, classNames: Bool = false,
        rowLabels: [String] = [], pixelSize: Double? = nil
    ) throws {
        let labels = images.labels.map { classNames ? images.classNames[$0] : String($0) }
        try self.init(
            title: title, pixels: images.images.scalars, shape: images.images.shape, columns: columns,
            captions: captions ?? labels, rowLabels: rowLabels, pixelSize: pixelSize)
    }

    /// A grid of the rows `indices` of `images` (e.g. the images a learner queried), captioned
    /// as `init(title:images:columns:…)` does.
    public init(
        title: String, images: LabeledImages, indices: [Int], columns: Int, captions: [String]? = nil,
        classNames: Bool = false, rowLabels: [String] = [], pixelSize: Double? = nil
    ) throws {
        try self.init(
            title: title, images: images.subset(indices), columns: columns, captions: captions,
            classNames: classNames, rowLabels: rowLabels, pixelSize: pixelSize)
    }
}
