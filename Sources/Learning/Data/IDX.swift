/// The IDX format of MNIST and Fashion-MNIST: a big-endian magic number (0x0000_08_dd, unsigned
/// bytes with dd dimensions), dd big-endian UInt32 sizes, then the bytes in row-major order.
/// Files may be raw or gzip-compressed.
public enum IDX {
    /// Images from an `idx3-ubyte` file as `[N, rows, columns, 1]`, pixels divided by 255.
    public static func readImages(_ path: String, howToFix: String) throws(DataError) -> Tensor {
        try decodeImages(DataFile.read(path, howToFix: howToFix), path: path, howToFix: howToFix)
    }

    /// Labels from an `idx1-ubyte` file; each must be below `classes`.
    public static func readLabels(_ path: String, classes: Int, howToFix: String) throws(DataError) -> [Int] {
        try decodeLabels(DataFile.read(path, howToFix: howToFix), classes: classes, path: path, howToFix: howToFix)
    }

    /// `bytes` as they are, or inflated when they are gzip-compressed.
    public static func inflate(_ bytes: [UInt8], path: String, howToFix: String) throws(DataError) -> [UInt8] {
        try DataFile.decode(bytes, path: path, howToFix: howToFix)
    }

    /// Images from the bytes of an `idx3-ubyte` file (already inflated); `path` names it in errors.
    public static func decodeImages(_ bytes: [UInt8], path: String, howToFix: String) throws(DataError) -> Tensor {
        let (dims, body) = try parse(bytes, dimensions: 3, path: path, howToFix: howToFix)
        return Tensor(shape: [dims[0], dims[1], dims[2], 1], scalars: scaledPixels(body))
    }

    /// Labels from the bytes of an `idx1-ubyte` file (already inflated); each must be below
    /// `classes`.
    public static func decodeLabels(_ bytes: [UInt8], classes: Int, path: String, howToFix: String) throws(DataError) -> [Int] {
        let (_, body) = try parse(bytes, dimensions: 1, path: path, howToFix: howToFix)
        var labels = [Int](repeating: 0, count: body.count)
        for (item, byte) in body.enumerated() {
            guard Int(byte) < classes else {
                throw .labelOutOfRange(path: path, item: item, label: Int(byte), classes: classes, howToFix: howToFix)
            }
            labels[item] = Int(byte)
        }
        return labels
    }

    /// An images file and its labels file, checked against each other.
    public static func readLabeledImages(
        images imagesPath: String, labels labelsPath: String, classNames: [String], howToFix: String
    ) throws(DataError) -> LabeledImages {
        let images = try readImages(imagesPath, howToFix: howToFix)
        let labels = try readLabels(labelsPath, classes: classNames.count, howToFix: howToFix)
        guard images.rows == labels.count else {
            throw .countMismatch(
                imagesPath: imagesPath, images: images.rows, labelsPath: labelsPath,
                labels: labels.count, howToFix: howToFix)
        }
        return LabeledImages(images: images, labels: labels, classNames: classNames)
    }

    /// The sizes and the unsigned-byte body of an IDX file with `dimensions` axes.
    static func parse(_ bytes: [UInt8], dimensions: Int, path: String, howToFix: String) throws(DataError) -> ([Int], ArraySlice<UInt8>) {
        let headerSize = 4 + 4 * dimensions
        guard bytes.count >= 4 else {
            throw .truncated(path: path, expectedBytes: headerSize, actualBytes: bytes.count, howToFix: howToFix)
        }
        let magic = bigEndianUInt32(bytes, at: 0)
        let expected = UInt32(0x0800) | UInt32(dimensions)
        guard magic == expected else {
            throw .wrongMagic(
                path: path, expected: hex(expected), found: hex(magic), howToFix: howToFix)
        }
        guard bytes.count >= headerSize else {
            throw .truncated(path: path, expectedBytes: headerSize, actualBytes: bytes.count, howToFix: howToFix)
        }
        let dims = (0..<dimensions).map { Int(bigEndianUInt32(bytes, at: 4 + 4 * $0)) }
        let (bodySize, overflow) = dims.reduce((1, false)) { acc, d in
            let (product, o) = acc.0.multipliedReportingOverflow(by: d)
            return (product, acc.1 || o)
        }
        guard !overflow, bytes.count - headerSize >= bodySize else {
            throw .truncated(
                path: path, expectedBytes: overflow ? Int.max : headerSize + bodySize,
                actualBytes: bytes.count, howToFix: howToFix)
        }
        return (dims, bytes[headerSize..<(headerSize + bodySize)])
    }

    /// `pixels` / 255 as floats, through pointers: 47 million of them in MNIST's training file,
    /// which `map` takes seconds over in a debug build (the tests').
    static func scaledPixels(_ pixels: ArraySlice<UInt8>) -> [Float] {
        [Float](unsafeUninitializedCapacity: pixels.count) { scalars, initialized in
            pixels.withUnsafeBufferPointer { bytes in
                for i in 0..<bytes.count { scalars[i] = Float(bytes[i]) / 255 }
            }
            initialized = pixels.count
        }
    }

    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
