/// MNIST handwritten digits: 60 000 training and 10 000 test images, 28 × 28 grey, ten classes.
public enum MNIST {
    /// The class names, indexed by label.
    public static let classNames = (0...9).map(String.init)

    /// Loads both sets from `<dataFolder>/mnist` (default data folder: `DataLocation.dataFolder`,
    /// filled by `make setup`), raw or gzipped IDX files named as LeCun published them. A
    /// missing or broken file's error names the set-up command that fills `dataFolder`.
    public static func load(dataFolder: String? = nil) throws(DataError) -> TrainTestSplit {
        let root = dataFolder ?? DataLocation.dataFolder
        return try load(from: root + "/mnist", howToFix: "fetch MNIST: \(DataLocation.setupCommand(dataFolder: root))")
    }

    /// Loads both sets from the MNIST folder `folder` itself; `howToFix` is what a missing file's
    /// error tells the user to do.
    public static func load(from folder: String, howToFix: String) throws(DataError) -> TrainTestSplit {
        TrainTestSplit(
            train: try IDXDataSet.load(folder: folder, prefix: "train", classNames: classNames, howToFix: howToFix),
            test: try IDXDataSet.load(folder: folder, prefix: "t10k", classNames: classNames, howToFix: howToFix))
    }
}

/// Fashion-MNIST: Zalando's 28 × 28 grey article photos in MNIST's format and sizes.
public enum FashionMNIST {
    /// The class names, indexed by label.
    public static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// Loads both sets from `folder` (default: Debian's `/usr/share/datasets/fashion-mnist`).
    public static func load(from folder: String? = nil) throws(DataError) -> TrainTestSplit {
        let folder = folder ?? DataLocation.fashionMNISTFolder
        let howToFix = "install dataset-fashion-mnist: \(DataLocation.setupCommand)"
        return TrainTestSplit(
            train: try IDXDataSet.load(folder: folder, prefix: "train", classNames: classNames, howToFix: howToFix),
            test: try IDXDataSet.load(folder: folder, prefix: "t10k", classNames: classNames, howToFix: howToFix))
    }
}

/// One split of an MNIST-style folder: `<prefix>-images-idx3-ubyte[.gz]` with its labels.
enum IDXDataSet {
    /// Height and width of every MNIST-style image.
    static let imageSize = [28, 28]

    /// The split `prefix` ("train", "t10k") of `folder`, raw or gzipped. Throws what the IDX
    /// reader throws, and `unexpectedShape` for images that are not 28×28 (another data set's
    /// file, which the models would reject with a less helpful message).
    static func load(folder: String, prefix: String, classNames: [String], howToFix: String) throws(DataError) -> LabeledImages {
        func path(_ kind: String) -> String {
            let raw = "\(folder)/\(prefix)-\(kind)"
            return fileExists(raw) || !fileExists(raw + ".gz") ? raw : raw + ".gz"
        }
        let imagesPath = path("images-idx3-ubyte")
        let set = try IDX.readLabeledImages(
            images: imagesPath, labels: path("labels-idx1-ubyte"), classNames: classNames, howToFix: howToFix)
        let size = Array(set.images.shape.dropFirst().prefix(2))
        guard size == imageSize else {
            throw .unexpectedShape(path: imagesPath, expected: imageSize, found: size, howToFix: howToFix)
        }
        return set
    }
}
