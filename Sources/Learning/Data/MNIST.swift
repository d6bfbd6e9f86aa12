/// MNIST handwritten digits: 60 000 training and 10 000 test images, 28 × 28 grey, ten classes.
public enum MNIST {
    /// The class names, indexed by label.
    public static let classNames = (0...9).map(String.init)

    /// Loads both sets from `folder` (default: `<data folder>/mnist`, filled by `make setup`),
    /// raw or gzipped IDX files named as LeCun published them.
    public static func load(from folder: String? = nil) throws(DataError) -> TrainTestSplit {
        let folder = folder ?? DataLocation.dataFolder + "/mnist"
        let fix = "fetch MNIST: \(DataLocation.setupCommand)"
        return TrainTestSplit(
            train: try IDXDataSet.load(folder: folder, prefix: "train", classNames: classNames, fix: fix),
            test: try IDXDataSet.load(folder: folder, prefix: "t10k", classNames: classNames, fix: fix))
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
        let fix = "install dataset-fashion-mnist: \(DataLocation.setupCommand)"
        return TrainTestSplit(
            train: try IDXDataSet.load(folder: folder, prefix: "train", classNames: classNames, fix: fix),
            test: try IDXDataSet.load(folder: folder, prefix: "t10k", classNames: classNames, fix: fix))
    }
}

/// One split of an MNIST-style folder: `<prefix>-images-idx3-ubyte[.gz]` with its labels.
enum IDXDataSet {
    static func load(folder: String, prefix: String, classNames: [String], fix: String) throws(DataError) -> LabeledImages {
        func path(_ kind: String) -> String {
            let raw = "\(folder)/\(prefix)-\(kind)"
            return fileExists(raw) || !fileExists(raw + ".gz") ? raw : raw + ".gz"
        }
        return try IDX.readLabeledImages(
            images: path("images-idx3-ubyte"), labels: path("labels-idx1-ubyte"),
            classNames: classNames, fix: fix)
    }
}
