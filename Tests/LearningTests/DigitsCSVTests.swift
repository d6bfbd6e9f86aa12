import Foundation
import Testing

@testable import Learning

/// The CSV loader against real MNIST written out as Kaggle's CSV (skipped where MNIST is not
/// installed), and against small files damaged one way each.
@Suite("Digits CSV")
struct DigitsCSVTests {
    /// Two 2×2 images with labels 3 and 1, as the format writes them.
    static let small = "3,0,51,102,255\n1,255,0,0,17\n"

    static func decode(_ text: String, classes: Int = 10) throws(DataError) -> LabeledImages {
        try DigitsCSV.decode(
            Array(text.utf8), height: 2, width: 2, classNames: (0..<classes).map(String.init), path: "digits.csv",
            howToFix: "get a good copy")
    }

    @Test("Real MNIST written as CSV with a header reads back pixel for pixel, raw and gzipped",
          .enabled(if: DataLoaderTests.mnistPresent, "MNIST is not in the data folder: run `make setup`"))
    func realMNISTRoundTrip() throws {
        let mnist = try MNIST.load()
        let count = 300
        var text = "label," + (0..<784).map { "pixel\($0)" }.joined(separator: ",") + "\n"
        for item in 0..<count {
            let pixels = mnist.train.images.scalars[(item * 784)..<((item + 1) * 784)]
            text += "\(mnist.train.labels[item])," + pixels.map { String(Int(($0 * 255).rounded())) }.joined(separator: ",") + "\n"
        }
        let folder = try TemporaryFolder()
        try folder.write(Array(text.utf8), to: "mnist_train.csv")
        let loaded = try DigitsCSV.read(folder.path + "/mnist_train.csv", howToFix: "")
        #expect(loaded.images.shape == [count, 28, 28, 1])
        #expect(loaded.labels == Array(mnist.train.labels.prefix(count)))
        #expect(loaded.images.scalars == Array(mnist.train.images.scalars.prefix(count * 784)))

        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-f", "-n", folder.path + "/mnist_train.csv"]
        try gzip.run()
        gzip.waitUntilExit()
        let inflated = try DigitsCSV.read(folder.path + "/mnist_train.csv.gz", howToFix: "")
        #expect(inflated.labels == loaded.labels && inflated.images.scalars == loaded.images.scalars)
    }

    @Test("Values become pixels / 255 in row-major order; a header, CRLF and spaces are allowed")
    func smallFileReads() throws {
        for text in [Self.small, "label,a,b,c,d\r\n3, 0, 51,102 ,255\r\n1,255,0,0,17", "\n" + Self.small + "\n\n"] {
            let read = try Self.decode(text)
            #expect(read.labels == [3, 1])
            #expect(read.images.shape == [2, 2, 2, 1])
            #expect(read.images.scalars == [0, 51, 102, 255, 255, 0, 0, 17].map { Float($0) / 255 })
        }
    }

    @Test(
        "A damaged file names its line and what is wrong there",
        arguments: [
            ("3,0,51,102\n", "line 1: 4 values, expected 5 (a label and 2×2 pixels)"),
            (small + "1,2,3,4,5,6\n", "line 3: 6 values, expected 5 (a label and 2×2 pixels)"),
            ("3,0,51,256,0\n", "line 1: value 4 is 256, expected a pixel 0-255"),
            ("3,0,,102,0\n", "line 1: value 3 is empty"),
            ("3,0,51,102,\n", "line 1: value 5 is empty"),
            ("3,0,5x,102,0\n", "line 1: value 3 holds 'x', expected a whole number"),
            ("3,0,-5,102,0\n", "line 1: value 3 holds '-', expected a whole number"),
            ("3,0,5 1,102,0\n", "line 1: value 3 holds '1', expected a whole number"),
            (small + "2,0,1.5,0,0\n", "line 3: value 3 holds '.', expected a whole number"),
            ("label,a,b,c,d\n", "line 1: no images after the header"),
            ("3,0,51,102,0\nx,0,51,102,0\n", "line 2: value 1 holds 'x', expected a whole number"),
            ("", "line 1: the file is empty"),
            ("3,0,99999999999,1,1\n", "line 1: value 3 has more than 9 digits"),
        ])
    func damagedFileIsRefused(text: String, message: String) {
        let error = DataLoaderTests.error { try Self.decode(text) }
        #expect(error?.description == "digits.csv, \(message): get a good copy")
    }

    @Test("A label outside the classes is refused with its item")
    func labelOutOfRange() {
        let error = DataLoaderTests.error { try Self.decode(Self.small, classes: 3) }
        #expect(error == .labelOutOfRange(path: "digits.csv", item: 0, label: 3, classes: 3, howToFix: "get a good copy"))
    }

    @Test("A real file cut mid-line is refused at its last line",
          .enabled(if: DataLoaderTests.mnistPresent, "MNIST is not in the data folder: run `make setup`"))
    func truncatedFile() throws {
        let mnist = try MNIST.load()
        let line = { (item: Int) in
            "\(mnist.train.labels[item]),"
                + mnist.train.images.scalars[(item * 784)..<((item + 1) * 784)].map { String(Int(($0 * 255).rounded())) }
                .joined(separator: ",") + "\n"
        }
        let text = line(0) + line(1)
        var cut = Array(text.utf8.prefix(text.utf8.count - 1000))
        while cut.last == UInt8(ascii: ",") { cut.removeLast() }
        let error = DataLoaderTests.error { try DigitsCSV.decode(cut, path: "cut.csv", howToFix: "") }
        guard case .malformedLine(_, let lineNumber, let detail, _)? = error else {
            Issue.record("expected a malformed line, got \(String(describing: error))")
            return
        }
        #expect(lineNumber == 2)
        #expect(detail.hasSuffix("expected 785 (a label and 28×28 pixels)"))
    }
}
