/// A dense array of `Float` with a shape, stored contiguously in row-major order (the last axis
/// varies fastest).
///
/// Images are `[N, H, W, C]`: N images of H rows by W columns with C channels, values in [0, 1].
/// Class probabilities are `[N, classes]`. A `Tensor` is a value: copies share storage until one
/// is written (copy on write, through `Array`).
public struct Tensor: Sendable, Codable, Equatable {
    /// The length of each axis, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count` is the product of `shape`.
    public var scalars: [Float]

    /// A tensor of the given shape holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor shape \(shape) has a negative axis")
        precondition(
            shape.reduce(1, *) == scalars.count,
            "Tensor shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape with every element equal to `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The length of the first axis (the batch size of a batch); 0 for a scalar.
    public var rows: Int { shape.first ?? 0 }

    /// The number of elements in one entry of the first axis (one image, one row).
    public var elementsPerRow: Int { shape.dropFirst().reduce(1, *) }

    /// The same elements under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// The entries of the first axis at `indices`, in that order: a batch gathered from a dataset.
    public func gathering(rows indices: some Collection<Int>) -> Tensor {
        let width = elementsPerRow
        var out = [Float](repeating: 0, count: indices.count * width)
        scalars.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for (k, row) in indices.enumerated() {
                    precondition(row >= 0 && row < rows, "row \(row) out of 0..<\(rows)")
                    let from = source.baseAddress! + row * width
                    (target.baseAddress! + k * width).update(from: from, count: width)
                }
            }
        }
        return Tensor(shape: [indices.count] + shape.dropFirst(), scalars: out)
    }

    /// Rows `range` of the first axis, as a new tensor.
    public func slicing(rows range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range) out of 0..<\(rows)")
        let width = elementsPerRow
        return Tensor(
            shape: [range.count] + shape.dropFirst(),
            scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
    }

    /// Tensors stacked along the first axis; all must share the trailing shape.
    public static func concatenating(_ parts: [Tensor]) -> Tensor {
        guard let first = parts.first else { return Tensor(shape: [0], scalars: []) }
        let trailing = Array(first.shape.dropFirst())
        var scalars: [Float] = []
        scalars.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts {
            precondition(Array(part.shape.dropFirst()) == trailing,
                         "cannot stack shape \(part.shape) onto \(first.shape)")
            scalars += part.scalars
        }
        return Tensor(shape: [parts.reduce(0) { $0 + $1.rows }] + trailing, scalars: scalars)
    }

    /// Element access by a full index, one entry per axis (slow: for tests and small work).
    public subscript(index: Int...) -> Float {
        get { scalars[offset(of: index)] }
        set { scalars[offset(of: index)] = newValue }
    }

    private func offset(of index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) does not fit shape \(shape)")
        var offset = 0
        for (axis, i) in index.enumerated() {
            precondition(i >= 0 && i < shape[axis], "index \(index) out of shape \(shape)")
            offset = offset * shape[axis] + i
        }
        return offset
    }
}
