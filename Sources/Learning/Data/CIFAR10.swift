/// CIFAR-10: 32 × 32 colour photos in ten classes, 50 000 for training and 10 000 for testing,
/// read from the official binary distribution (`cifar-10-batches-bin`).
///
/// Each batch file holds 10 000 records of 3 073 bytes: the label, then 1 024 red, 1 024 green and
/// 1 024 blue bytes, each plane row-major. Images come out as `[N, 32, 32, 3]` in [0, 1].
public enum CIFAR10 {
    /// The class names, indexed by label (the order of `batches.meta.txt`).
    public static let classNames = [
        "airplane", "automobile", "bird", "cat", "deer",
        "dog", "frog", "horse", "ship", "truck",
    ]
    /// Bytes in one record: a label byte and a 32 × 32 × 3 image.
    public static let recordSize = 1 + 32 * 32 * 3
    /// The training batch files, in order.
    public static let trainFiles = (1...5).map { "data_batch_\($0).bin" }
    /// The test batch file.
    public static let testFile = "test_batch.bin"

    /// What to do when the files are not there: this machine cannot download them.
    public static let howToFix =
        "download cifar-10-binary.tar.gz (the CIFAR-10 binary version) from the dataset's home page"
        + " on a machine with internet access, unpack it, and pass its cifar-10-batches-bin folder"

    /// Loads the five training batches and the test batch from `folder`; class names come from
    /// `batches.meta.txt` when it is there.
    public static func load(from folder: String) throws(DataError) -> TrainTestSplit {
        let train = try trainFiles.map { file throws(DataError) in try readBatch("\(folder)/\(file)") }
        let test = try readBatch("\(folder)/\(testFile)")
        var names = classNames
        if let meta = try? DataFile.read("\(folder)/batches.meta.txt", howToFix: howToFix),
           let text = String(bytes: meta, encoding: .utf8) {
            let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            if lines.count == 10 { names = lines }
        }
        let trainSet = LabeledImages(
            images: Tensor.concatenating(train.map(\.images)), labels: train.flatMap(\.labels),
            classNames: names)
        var testSet = test
        testSet.classNames = names
        return TrainTestSplit(train: trainSet, test: testSet)
    }

    /// Whether `folder` holds all six batch files.
    public static func isPresent(in folder: String) -> Bool {
        (trainFiles + [testFile]).allSatisfy { fileExists("\(folder)/\($0)") }
    }

    /// One batch file of whole records.
    public static func readBatch(_ path: String) throws(DataError) -> LabeledImages {
        try decodeBatch(DataFile.read(path, howToFix: howToFix), path: path)
    }

    /// Whole records from the bytes of a batch file; `path` names it in errors.
    public static func decodeBatch(_ bytes: [UInt8], path: String) throws(DataError) -> LabeledImages {
        guard !bytes.isEmpty, bytes.count % recordSize == 0 else {
            let whole = (bytes.count / recordSize + 1) * recordSize
            throw .truncated(path: path, expectedBytes: whole, actualBytes: bytes.count, howToFix: howToFix)
        }
        let n = bytes.count / recordSize
        let plane = 32 * 32
        var pixels = [Float](repeating: 0, count: n * plane * 3)
        var labels = [Int](repeating: 0, count: n)
        for item in 0..<n {
            let record = item * recordSize
            let label = Int(bytes[record])
            guard label < 10 else {
                throw .labelOutOfRange(path: path, item: item, label: label, classes: 10, howToFix: howToFix)
            }
            labels[item] = label
            for channel in 0..<3 {
                for p in 0..<plane {
                    pixels[(item * plane + p) * 3 + channel] = Float(bytes[record + 1 + channel * plane + p]) / 255
                }
            }
        }
        return LabeledImages(
            images: Tensor(shape: [n, 32, 32, 3], scalars: pixels), labels: labels, classNames: classNames)
    }
}
