/// A set of images with one class label each: what a loader returns and a model trains on.
public struct LabeledImages: Sendable {
    /// The images, `[N, H, W, C]`, pixel values scaled to [0, 1].
    public var images: Tensor
    /// One class index per image, in `0..<classNames.count`.
    public var labels: [Int]
    /// The human name of each class, indexed by label.
    public var classNames: [String]

    /// Images and their labels; the counts must agree and every label must name a class.
    public init(images: Tensor, labels: [Int], classNames: [String]) {
        precondition(images.rows == labels.count,
                     "\(images.rows) images but \(labels.count) labels")
        self.images = images
        self.labels = labels
        self.classNames = classNames
    }

    /// The number of images.
    public var count: Int { labels.count }

    /// The number of classes.
    public var classCount: Int { classNames.count }

    /// Height, width and channels of one image.
    public var imageShape: [Int] { Array(images.shape.dropFirst()) }

    /// The images and labels at `indices`, in that order.
    public func subset(_ indices: some Collection<Int>) -> LabeledImages {
        LabeledImages(
            images: images.gathering(rows: indices), labels: indices.map { labels[$0] },
            classNames: classNames)
    }

    /// The first `n` images (all of them if there are fewer).
    public func prefix(_ n: Int) -> LabeledImages {
        subset(0..<min(n, count))
    }

    /// How many images carry each label, indexed by label.
    public var countPerClass: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// Two sets stacked: `self`'s images first. Both must share image shape and classes.
    public func appending(_ other: LabeledImages) -> LabeledImages {
        precondition(other.classNames == classNames, "cannot join sets with different classes")
        return LabeledImages(
            images: Tensor.concatenating([images, other.images]), labels: labels + other.labels,
            classNames: classNames)
    }
}

/// A data set's training and test sets.
public struct TrainTestSplit: Sendable {
    /// The images a study may learn from (and, in active learning, query labels for).
    public var train: LabeledImages
    /// The held-out images accuracy is scored on.
    public var test: LabeledImages

    public init(train: LabeledImages, test: LabeledImages) {
        self.train = train
        self.test = test
    }
}
