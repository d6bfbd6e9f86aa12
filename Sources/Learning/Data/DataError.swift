/// Why a data file could not be read: each case names the file, what was expected, and the
/// command that puts a good copy in place.
public enum DataError: Error, Equatable, CustomStringConvertible {
    /// The file (or folder) does not exist.
    case missingFile(path: String, fix: String)
    /// The file could not be read although it exists.
    case unreadable(path: String, reason: String, fix: String)
    /// The file does not start with the format's magic number.
    case wrongMagic(path: String, expected: String, found: String, fix: String)
    /// The file ends before the data its header announces.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int, fix: String)
    /// An images file and its labels file disagree on how many items there are.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int, fix: String)
    /// A gzip stream is damaged or cut short.
    case corruptGzip(path: String, detail: String, fix: String)
    /// A label names a class the data set does not have.
    case labelOutOfRange(path: String, item: Int, label: Int, classes: Int, fix: String)
    /// A line of a text file (a CSV of digits) is not what the format allows; `line` counts from 1.
    case malformedLine(path: String, line: Int, detail: String, fix: String)
    /// The images are not the size the data set's images have (another data set's file).
    case unexpectedShape(path: String, expected: [Int], found: [Int], fix: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let fix):
            return "missing data file \(path): \(fix)"
        case .unreadable(let path, let reason, let fix):
            return "cannot read \(path) (\(reason)): \(fix)"
        case .wrongMagic(let path, let expected, let found, let fix):
            return "\(path) is not the expected file: magic number \(found), expected \(expected): \(fix)"
        case .truncated(let path, let expected, let actual, let fix):
            return "\(path) is truncated: \(actual) bytes, expected \(expected): \(fix)"
        case .countMismatch(let imagesPath, let images, let labelsPath, let labels, let fix):
            return
                "\(imagesPath) holds \(images) images but \(labelsPath) holds \(labels) labels, expected one label per image: \(fix)"
        case .corruptGzip(let path, let detail, let fix):
            return "\(path) is not a valid gzip file (\(detail)): \(fix)"
        case .labelOutOfRange(let path, let item, let label, let classes, let fix):
            return "\(path): item \(item) has label \(label), expected 0..<\(classes): \(fix)"
        case .malformedLine(let path, let line, let detail, let fix):
            return "\(path), line \(line): \(detail): \(fix)"
        case .unexpectedShape(let path, let expected, let found, let fix):
            return "\(path) holds images of \(Self.size(found)), expected \(Self.size(expected)): \(fix)"
        }
    }

    /// "28×28" for a height and width.
    private static func size(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: "×")
    }
}
