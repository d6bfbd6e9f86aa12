// The CSV layout of MNIST that Kaggle and several Python packages ship (`mnist_train.csv`,
// Kaggle's `train.csv`): one image a line, its label and then its pixels as integers 0-255,
// optionally after one header line (`label,pixel0,pixel1,…`). Parsed byte by byte, so the
// 110 MB training file reads in well under a second and a bad line is named by its number.

/// Labelled images from a CSV file of MNIST-style digits: `label,p0,p1,…` per line, pixels
/// 0-255 in row-major order, raw or gzip-compressed. A first line whose first value starts with a
/// letter is a header and is skipped.
public enum DigitsCSV {
    /// The images of the CSV file at `path` as `[N, height, width, 1]`, pixels divided by 255.
    /// `howToFix` is the command that puts a good copy in place. Throws `DataError` when the file is
    /// missing or unreadable, and `malformedLine` or `labelOutOfRange` naming the first bad line.
    public static func read(
        _ path: String, height: Int = 28, width: Int = 28, classNames: [String] = MNIST.classNames, howToFix: String
    ) throws(DataError) -> LabeledImages {
        try decode(DataFile.read(path, howToFix: howToFix), height: height, width: width, classNames: classNames, path: path, howToFix: howToFix)
    }

    /// Images from the bytes of such a file (already inflated); `path` names it in errors.
    public static func decode(
        _ bytes: [UInt8], height: Int = 28, width: Int = 28, classNames: [String] = MNIST.classNames,
        path: String, howToFix: String
    ) throws(DataError) -> LabeledImages {
        precondition(height > 0 && width > 0 && !classNames.isEmpty, "DigitsCSV needs a positive size and classes, got \(height)×\(width), \(classNames.count) classes")
        let fieldsPerLine = 1 + height * width
        var labels: [Int] = []
        var pixels: [Float] = []
        var fields: [Int] = []
        fields.reserveCapacity(fieldsPerLine)
        var lineNumber = 0, lastLine = 0, header = false
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            if line.isEmpty { continue }
            lastLine = lineNumber
            if lineNumber == 1, let first = line.first(where: { $0 != UInt8(ascii: " ") }), isLetter(first) {
                header = true
                continue
            }
            fields.removeAll(keepingCapacity: true)
            try parseFields(line, into: &fields, line: lineNumber, path: path, howToFix: howToFix)
            guard fields.count == fieldsPerLine else {
                throw .malformedLine(
                    path: path, line: lineNumber,
                    detail: "\(fields.count) values, expected \(fieldsPerLine) (a label and \(height)×\(width) pixels)", howToFix: howToFix)
            }
            guard fields[0] < classNames.count else {
                throw .labelOutOfRange(path: path, item: labels.count, label: fields[0], classes: classNames.count, howToFix: howToFix)
            }
            if let column = fields.dropFirst().firstIndex(where: { $0 > 255 }) {
                throw .malformedLine(
                    path: path, line: lineNumber, detail: "value \(column + 1) is \(fields[column]), expected a pixel 0-255", howToFix: howToFix)
            }
            labels.append(fields[0])
            pixels.append(contentsOf: fields.dropFirst().map { Float($0) / 255 })
        }
        guard !labels.isEmpty else {
            throw .malformedLine(
                path: path, line: max(lastLine, 1), detail: header ? "no images after the header" : "the file is empty", howToFix: howToFix)
        }
        return LabeledImages(
            images: Tensor(shape: [labels.count, height, width, 1], scalars: pixels), labels: labels, classNames: classNames)
    }

    /// Appends the comma-separated non-negative integers of `line` to `fields` (spaces around a
    /// value are allowed); throws `malformedLine` at the first value that is not one.
    private static func parseFields(
        _ line: ArraySlice<UInt8>, into fields: inout [Int], line lineNumber: Int, path: String, howToFix: String
    ) throws(DataError) {
        var value = 0, digits = 0, trailingSpace = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !trailingSpace:
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 9 else {
                    throw .malformedLine(path: path, line: lineNumber, detail: "value \(fields.count + 1) has more than 9 digits", howToFix: howToFix)
                }
            case UInt8(ascii: ","):
                guard digits > 0 else {
                    throw .malformedLine(path: path, line: lineNumber, detail: "value \(fields.count + 1) is empty", howToFix: howToFix)
                }
                fields.append(value)
                (value, digits, trailingSpace) = (0, 0, false)
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                trailingSpace = digits > 0
            default:
                throw .malformedLine(
                    path: path, line: lineNumber,
                    detail: "value \(fields.count + 1) holds \(describe(byte)), expected a whole number", howToFix: howToFix)
            }
        }
        guard digits > 0 else {
            throw .malformedLine(path: path, line: lineNumber, detail: "value \(fields.count + 1) is empty", howToFix: howToFix)
        }
        fields.append(value)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// A byte as a reader would name it: `'x'` when printable, else its hex value.
    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7f).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}
