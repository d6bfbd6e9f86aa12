// A small data set in CIFAR-10's official binary layout, made from Fashion-MNIST images, read back
// through `CIFAR10.load`: the CIFARUncertaintyShare notebook's CIFAR-10 path, proved end to end on
// machines that cannot download CIFAR-10. To keep the files and run the notebook on them:
//   CIFAR_NOTEBOOK_SAMPLE=/tmp/cifar-sample swift test --filter CIFARNotebook
//   .build/release/CIFARUncertaintyShare --profile quick --data /tmp/cifar-sample
import Foundation
import Testing

@testable import Learning

@Suite("A CIFAR-format sample for the CIFARUncertaintyShare notebook")
struct CIFARNotebookSampleTests {
    static let fashionPresent = fileExists(DataLocation.fashionMNISTFolder + "/train-images-idx3-ubyte.gz")
    /// Records in each of the five training batch files and in the test batch file.
    static let recordsPerBatch = 600

    /// One CIFAR-10 record of image `index` of `set` (28×28 grey): its label byte, then the red,
    /// green and blue planes (32×32 row-major each) of the image centred on a 2-pixel black
    /// border and tinted orange (red = grey, green = half of it, blue = 0), so that a plane read
    /// in the wrong order shows as the wrong colour.
    static func record(of set: LabeledImages, _ index: Int) -> [UInt8] {
        var red = [UInt8](repeating: 0, count: 32 * 32)
        for row in 0..<28 {
            for column in 0..<28 {
                red[(row + 2) * 32 + column + 2] = UInt8((set.images.scalars[index * 784 + row * 28 + column] * 255).rounded())
            }
        }
        return [UInt8(set.labels[index])] + red + red.map { $0 / 2 } + [UInt8](repeating: 0, count: 32 * 32)
    }

    /// Writes `count` records of `set` from `start` as the batch file `name` in `folder`.
    static func writeBatch(_ set: LabeledImages, from start: Int, count: Int, named name: String, in folder: URL) throws {
        let bytes = (start..<(start + count)).flatMap { record(of: set, $0) }
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    @Test("Fashion-MNIST tiled to 32×32×3 in CIFAR-10's layout reads back through CIFAR10.load",
          .enabled(if: fashionPresent, "dataset-fashion-mnist is not installed: run `make setup`"))
    func sampleReadsBack() throws {
        let fashion = try FashionMNIST.load()
        let kept = ProcessInfo.processInfo.environment["CIFAR_NOTEBOOK_SAMPLE"]
        let folder = URL(fileURLWithPath: kept ?? NSTemporaryDirectory() + "cifar-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        let n = Self.recordsPerBatch
        for (batch, file) in CIFAR10.trainFiles.enumerated() {
            try Self.writeBatch(fashion.train, from: batch * n, count: n, named: file, in: folder)
        }
        try Self.writeBatch(fashion.test, from: 0, count: n, named: CIFAR10.testFile, in: folder)
        try Data((FashionMNIST.classNames.joined(separator: "\n") + "\n").utf8)
            .write(to: folder.appendingPathComponent("batches.meta.txt"))

        #expect(CIFAR10.isPresent(in: folder.path))
        let loaded = try CIFAR10.load(from: folder.path)
        #expect(loaded.train.images.shape == [5 * n, 32, 32, 3])
        #expect(loaded.test.images.shape == [n, 32, 32, 3])
        #expect(loaded.train.labels == Array(fashion.train.labels[0..<(5 * n)]))
        #expect(loaded.test.labels == Array(fashion.test.labels[0..<n]))
        #expect(loaded.train.classNames == FashionMNIST.classNames)
        // (image, row, column) of the 32×32 result: inside the border, red is the grey pixel at
        // (row − 2, column − 2), green half its byte, blue 0; on the border all are black
        let cases: [(image: Int, row: Int, column: Int)] = [
            (0, 2, 2), (0, 16, 17), (1_234, 29, 29), (2_999, 10, 25), (0, 0, 0), (599, 31, 15), (2_000, 1, 30),
        ]
        for (image, row, column) in cases {
            let inside = (2..<30).contains(row) && (2..<30).contains(column)
            let byte = inside ? (fashion.train.images.scalars[image * 784 + (row - 2) * 28 + column - 2] * 255).rounded() : 0
            let expected: [Float] = [byte / 255, (byte / 2).rounded(.down) / 255, 0]
            for channel in 0..<3 {
                let pixel = loaded.train.images.scalars[((image * 32 + row) * 32 + column) * 3 + channel]
                #expect(abs(pixel - expected[channel]) < 1e-6, "image \(image) (\(row), \(column)) channel \(channel)")
            }
        }
    }
}
