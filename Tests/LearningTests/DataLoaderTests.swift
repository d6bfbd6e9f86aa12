import Foundation
import Testing

@testable import Learning

/// The loaders against the real files (skipped, with a message, where they are not installed)
/// and against small files written here in the official formats, then damaged one way each.
@Suite("Data loaders")
struct DataLoaderTests {
    static let mnistPresent = fileExists(DataLocation.dataFolder + "/mnist/train-images-idx3-ubyte")
    static let fashionPresent = fileExists(DataLocation.fashionMNISTFolder + "/train-images-idx3-ubyte.gz")

    @Test("MNIST: 60 000 + 10 000 images of 28×28 with LeCun's per-digit counts",
          .enabled(if: mnistPresent, "MNIST is not in the data folder: run `make setup`"))
    func realMNIST() throws {
        let mnist = try MNIST.load()
        #expect(mnist.train.images.shape == [60_000, 28, 28, 1])
        #expect(mnist.test.images.shape == [10_000, 28, 28, 1])
        #expect(mnist.train.countPerClass == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        #expect(mnist.test.countPerClass == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        #expect(mnist.train.images.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(mnist.train.labels.prefix(5) == [5, 0, 4, 1, 9])
    }

    @Test("Fashion-MNIST: 6 000 train and 1 000 test images per class, gzip IDX",
          .enabled(if: fashionPresent, "dataset-fashion-mnist is not installed: run `make setup`"))
    func realFashionMNIST() throws {
        let fashion = try FashionMNIST.load()
        #expect(fashion.train.images.shape == [60_000, 28, 28, 1])
        #expect(fashion.test.images.shape == [10_000, 28, 28, 1])
        #expect(fashion.train.countPerClass == Array(repeating: 6000, count: 10))
        #expect(fashion.test.countPerClass == Array(repeating: 1000, count: 10))
        #expect(fashion.train.classNames[9] == "Ankle boot")
    }

    // MARK: IDX files written here

    /// Three 2×2 images (pixels 0, 51, …) and labels 2, 0, 1: a valid pair of IDX files.
    static let images: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2] + (0..<12).map { UInt8($0 * 17) }
    static let labels: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 3, 2, 0, 1]

    @Test("A valid raw pair reads back with pixels scaled to [0, 1]")
    func validRaw() throws {
        let folder = try TemporaryFolder()
        let (imagesPath, labelsPath) = try folder.writePair(Self.images, Self.labels)
        let set = try IDX.readLabeledImages(images: imagesPath, labels: labelsPath, classNames: ["a", "b", "c"], howToFix: "fix")
        #expect(set.images.shape == [3, 2, 2, 1])
        #expect(set.labels == [2, 0, 1])
        #expect(set.images[1, 0, 1, 0] == Float(5 * 17) / 255)
    }

    @Test("The same pair gzipped reads identically")
    func validGzip() throws {
        let folder = try TemporaryFolder()
        let (imagesPath, labelsPath) = try folder.writePair(Self.images, Self.labels, gzipped: true)
        #expect(imagesPath.hasSuffix(".gz"))
        let set = try IDX.readLabeledImages(images: imagesPath, labels: labelsPath, classNames: ["a", "b", "c"], howToFix: "fix")
        #expect(set.labels == [2, 0, 1])
        #expect(set.images.scalars.last == Float(11 * 17) / 255)
    }

    /// A damaged pair: what is changed, the images and labels written, and the one line the
    /// loader must say (`{images}` and `{labels}` stand for the two paths).
    struct Damage: Sendable, CustomTestStringConvertible {
        var name: String
        var images: [UInt8]
        var labels: [UInt8]
        var message: String
        var testDescription: String { name }
    }

    static let damages: [Damage] = {
        var wrongMagic = images
        wrongMagic[3] = 1
        var fewerLabels = labels
        fewerLabels[7] = 2
        fewerLabels.removeLast()
        var badLabel = labels
        badLabel[9] = 7
        var hugeCount = images
        hugeCount[4...7] = [0xff, 0xff, 0xff, 0xff]
        return [
            Damage(
                name: "wrong magic", images: wrongMagic, labels: labels,
                message: "{images} is not the expected file: magic number 0x00000801, expected 0x00000803: run make setup"),
            Damage(
                name: "body cut short", images: Array(images.dropLast(3)), labels: labels,
                message: "{images} is truncated: 25 bytes, expected 28: run make setup"),
            Damage(
                name: "header cut short", images: Array(images.prefix(6)), labels: labels,
                message: "{images} is truncated: 6 bytes, expected 16: run make setup"),
            Damage(
                name: "empty file", images: [], labels: labels,
                message: "{images} is truncated: 0 bytes, expected 16: run make setup"),
            Damage(
                name: "a count far beyond the file", images: hugeCount, labels: labels,
                message: "{images} is truncated: 28 bytes, expected 17179869196: run make setup"),
            Damage(
                name: "fewer labels than images", images: images, labels: fewerLabels,
                message: "{images} holds 3 images but {labels} holds 2 labels, expected one label per image: run make setup"),
            Damage(
                name: "a label out of range", images: images, labels: badLabel,
                message: "{labels}: item 1 has label 7, expected 0..<3: run make setup"),
            Damage(
                name: "labels where the images go", images: labels, labels: labels,
                message: "{images} is not the expected file: magic number 0x00000801, expected 0x00000803: run make setup"),
        ]
    }()

    @Test("Each kind of damage is one line naming the file, what was expected, and the fix",
          arguments: damages)
    func damagedFile(damage: Damage) throws {
        let folder = try TemporaryFolder()
        let (i, l) = try folder.writePair(damage.images, damage.labels)
        let error = Self.error {
            try IDX.readLabeledImages(images: i, labels: l, classNames: ["a", "b", "c"], howToFix: "run make setup")
        }
        let expected = damage.message.replacingOccurrences(of: "{images}", with: i).replacingOccurrences(of: "{labels}", with: l)
        #expect(error?.description == expected, "\(damage.name)")
        #expect(error?.description.contains("\n") == false)
    }

    @Test("A missing file, a folder, a FIFO and an absurdly large file are refused without reading them")
    func strangeFiles() throws {
        let folder = try TemporaryFolder()
        let howToFix = "run make setup"
        let missing = folder.path + "/nothing-here"
        #expect(Self.error { try IDX.readImages(missing, howToFix: howToFix) } == .missingFile(path: missing, howToFix: howToFix))
        #expect(Self.error { try IDX.readImages(folder.path, howToFix: howToFix) }?.description
            == "cannot read \(folder.path) (it is a folder, expected a file): run make setup")
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(Self.error { try IDX.readImages(fifo, howToFix: howToFix) }?.description
            == "cannot read \(fifo) (not a regular file (a device, pipe or socket)): run make setup")
        let huge = folder.path + "/huge"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 3 << 30) == 0)  // sparse: no disk used
        #expect(Self.error { try IDX.readImages(huge, howToFix: howToFix) }?.description
            == "cannot read \(huge) (3221225472 bytes, more than any data set file (at most 1073741824)): run make setup")
    }

    @Test("A gzip stream inflating beyond the limit is refused as a gzip bomb")
    func gzipBomb() throws {
        let folder = try TemporaryFolder()
        let (imagesPath, _) = try folder.writePair(Self.images, Self.labels, gzipped: true)
        let compressed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: imagesPath)))
        #expect(try DataFile.gunzip(compressed, path: "p", howToFix: "f", limit: 28) == Self.images)
        #expect(Self.error { try DataFile.gunzip(compressed, path: "p", howToFix: "f", limit: 27) }?.description
            == "p is not a valid gzip file (it inflates to more than 27 bytes, more than any data set file): f")
    }

    @Test("MNIST-style images that are not 28×28 are named as the wrong file")
    func wrongImageSize() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.images, to: "train-images-idx3-ubyte")
        try folder.write(Self.labels, to: "train-labels-idx1-ubyte")
        let error = Self.error {
            try IDXDataSet.load(folder: folder.path, prefix: "train", classNames: ["a", "b", "c"], howToFix: "run make setup")
        }
        #expect(error?.description
            == "\(folder.path)/train-images-idx3-ubyte holds images of 2×2, expected 28×28: run make setup")
    }

    @Test("A gzip file cut short or with a flipped byte is reported as corrupt gzip")
    func corruptGzip() throws {
        let folder = try TemporaryFolder()
        let (imagesPath, _) = try folder.writePair(Self.images, Self.labels, gzipped: true)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: imagesPath)))

        try Data(good.prefix(good.count - 12)).write(to: URL(fileURLWithPath: imagesPath))
        let cut = Self.error { try IDX.readImages(imagesPath, howToFix: "fix") }
        #expect(cut?.description.contains("not a valid gzip file") == true)

        var flipped = good
        flipped[good.count - 6] ^= 0xff  // inside the CRC/length trailer
        try Data(flipped).write(to: URL(fileURLWithPath: imagesPath))
        guard case .corruptGzip = Self.error({ try IDX.readImages(imagesPath, howToFix: "fix") }) else {
            Issue.record("a damaged trailer was not reported as corrupt gzip")
            return
        }
    }

    // MARK: CIFAR-10 binary batches written here

    /// `n` records whose label is `i % 10` and whose red, green and blue planes hold the bytes
    /// i, i + 1 and i + 2 everywhere except pixel (row 1, column 2), which holds 255 in red.
    static func cifarBatch(records n: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for i in 0..<n {
            bytes.append(UInt8(i % 10))
            for channel in 0..<3 {
                var plane = [UInt8](repeating: UInt8(i + channel), count: 1024)
                if channel == 0 { plane[1 * 32 + 2] = 255 }
                bytes += plane
            }
        }
        return bytes
    }

    @Test("CIFAR-10 batches: planes become interleaved RGB, labels and class names read")
    func cifarFolder() throws {
        let folder = try TemporaryFolder()
        for file in CIFAR10.trainFiles { try folder.write(Self.cifarBatch(records: 3), to: file) }
        try folder.write(Self.cifarBatch(records: 2), to: CIFAR10.testFile)
        try folder.write(Array((CIFAR10.classNames.joined(separator: "\n") + "\n\n").utf8), to: "batches.meta.txt")
        #expect(CIFAR10.isPresent(in: folder.path))

        let cifar = try CIFAR10.load(from: folder.path)
        #expect(cifar.train.images.shape == [15, 32, 32, 3])
        #expect(cifar.test.images.shape == [2, 32, 32, 3])
        #expect(cifar.train.labels == [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2])
        #expect(cifar.train.classNames == CIFAR10.classNames)
        #expect(cifar.test.images[1, 0, 0, 0] == Float(1) / 255)
        #expect(cifar.test.images[1, 0, 0, 1] == Float(2) / 255)
        #expect(cifar.test.images[1, 0, 0, 2] == Float(3) / 255)
        #expect(cifar.test.images[1, 1, 2, 0] == 1)
        #expect(cifar.test.images[1, 1, 2, 1] == Float(2) / 255)
    }

    @Test("CIFAR-10: a cut record, a bad label or a missing batch each give a clear error")
    func cifarDamage() throws {
        let folder = try TemporaryFolder()
        try folder.write(Array(Self.cifarBatch(records: 2).dropLast(100)), to: "cut.bin")
        #expect(Self.error { try CIFAR10.readBatch(folder.path + "/cut.bin") }?.description.contains("truncated: 6046 bytes, expected 6146") == true)

        var badLabel = Self.cifarBatch(records: 2)
        badLabel[CIFAR10.recordSize] = 10
        try folder.write(badLabel, to: "label.bin")
        #expect(Self.error { try CIFAR10.readBatch(folder.path + "/label.bin") }?.description.contains("item 1 has label 10") == true)

        let missing = Self.error { try CIFAR10.load(from: folder.path) }
        guard case .missingFile(let path, _) = missing else {
            Issue.record("expected a missing-file error, got \(String(describing: missing))")
            return
        }
        #expect(path.hasSuffix("data_batch_1.bin"))
    }

    static func error(_ body: () throws -> some Any) -> DataError? {
        do { _ = try body() } catch let error as DataError { return error } catch { return nil }
        return nil
    }
}

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "learning-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    /// Writes `images` and `labels` as IDX files (gzipped with the system's gzip if asked) and
    /// returns their paths.
    func writePair(_ images: [UInt8], _ labels: [UInt8], gzipped: Bool = false) throws -> (String, String) {
        let names = ["images-idx3-ubyte", "labels-idx1-ubyte"]
        try? FileManager.default.removeItem(atPath: path + "/" + names[0] + ".gz")
        try? FileManager.default.removeItem(atPath: path + "/" + names[1] + ".gz")
        try write(images, to: names[0])
        try write(labels, to: names[1])
        guard gzipped else { return (path + "/" + names[0], path + "/" + names[1]) }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-f", "-n"] + names.map { path + "/" + $0 }
        try gzip.run()
        gzip.waitUntilExit()
        return (path + "/" + names[0] + ".gz", path + "/" + names[1] + ".gz")
    }
}
