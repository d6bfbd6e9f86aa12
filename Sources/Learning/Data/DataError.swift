/// Why a data file could not be read: each case names the file, what was expected, and the
/// command that puts a good copy in place.
public enum DataError: Error, Equatable, CustomStringConvertible {
    /// The file (or folder) does not exist.
    case missingFile(path: String, howToFix: String)
    /// The file could not be read although it exists.
    case unreadable(path: String, reason: String, howToFix: String)
    /// The file does not start with the format's magic number.
    case wrongMagic(path: String, expected: String, found: String, howToFix: String)
    /// The file ends before the data its header announces.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int, howToFix: String)
    /// An images file and its labels file disagree on how many items there are.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int, howToFix: String)
    /// A gzip stream is damaged or cut short.
    case corruptGzip(path: String, detail: String, howToFix: String)
    /// A label names a class the data set does not have.
    case labelOutOfRange(path: String, item: Int, label: Int, classes: Int, howToFix: String)
    /// A line of a text file (a CSV of digits) is not what the format allows; `line` counts from 1.
    case malformedLine(path: String, line: Int, detail: String, howToFix: String)
    /// The images are not the size the data set's images have (another data set's file).
    case unexpectedShape(path: String, expected: [Int], found: [Int], howToFix: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let howToFix):
            return "missing data file \(path): \(howToFix)"
        case .unreadable(let path, let reason, let howToFix):
            return "cannot read \(path) (\(reason)): \(howToFix)"
        case .wrongMagic(let path, let expected, let found, let howToFix):
            return "\(path) is not the expected file: magic number \(found), expected \(expected): \(howToFix)"
        case .truncated(let path, let expected, let actual, let howToFix):
            return "\(path) is truncated: \(actual) bytes, expected \(expected): \(howToFix)"
        case .countMismatch(let imagesPath, let images, let labelsPath, let labels, let howToFix):
            return
                "\(imagesPath) holds \(images) images but \(labelsPath) holds \(labels) labels, expected one label per image: \(howToFix)"
        case .corruptGzip(let path, let detail, let howToFix):
            return "\(path) is not a valid gzip file (\(detail)): \(howToFix)"
        case .labelOutOfRange(let path, let item, let label, let classes, let howToFix):
            return "\(path): item \(item) has label \(label), expected 0..<\(classes): \(howToFix)"
        case .malformedLine(let path, let line, let detail, let howToFix):
            return "\(path), line \(line): \(detail): \(howToFix)"
        case .unexpectedShape(let path, let expected, let found, let howToFix):
            return "\(path) holds images of \(Self.size(found)), expected \(Self.size(expected)): \(howToFix)"
        }
    }

    /// "28×28" for a height and width.
    private static func size(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: "×")
    }
}
