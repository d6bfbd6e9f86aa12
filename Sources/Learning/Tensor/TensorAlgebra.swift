/// Matrix arithmetic on `Tensor` values for code outside the layers (k-means, diversity
/// sampling): products and pairwise distances, both through `blockedMatrixProduct` (the same bits
/// on any number of threads).
extension Tensor {
    /// The matrix product self [m, k] · other [k, n] → [m, n]; with `transposingOther`, other is
    /// [n, k] and the product is self · otherᵀ. Tensors of higher rank are read as [rows, rest].
    public func matrixProduct(_ other: Tensor, transposingOther: Bool = false) -> Tensor {
        let (m, k) = (rows, elementsPerRow)
        let (otherRows, otherWidth) = (other.rows, other.elementsPerRow)
        let n = transposingOther ? otherRows : otherWidth
        precondition((transposingOther ? otherWidth : otherRows) == k,
                     "cannot multiply \(shape) by \(transposingOther ? "the transpose of " : "")\(other.shape)")
        var product = [Float](repeating: 0, count: m * n)
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                product.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    blockedMatrixProduct(a, b, into: c, m: m, n: n, k: k, transposeB: transposingOther)
                }
            }
        }
        return Tensor(shape: [m, n], scalars: product)
    }

    /// Squared Euclidean distances [N, M] between the rows of self [N, D] and the rows of
    /// `other` [M, D] (higher ranks read as [rows, rest]): ‖x‖² − 2·x·y + ‖y‖², never negative.
    public func squaredDistances(to other: Tensor) -> Tensor {
        precondition(elementsPerRow == other.elementsPerRow,
                     "rows of \(shape) and \(other.shape) have different lengths")
        var distances = matrixProduct(other, transposingOther: true)
        let (selfNorms, otherNorms) = (rowSquaredNorms(), other.rowSquaredNorms())
        let columns = other.rows
        distances.scalars.withUnsafeMutableBufferPointer { d in
            for i in 0..<rows {
                for j in 0..<columns {
                    d[i * columns + j] = max(0, selfNorms[i] - 2 * d[i * columns + j] + otherNorms[j])
                }
            }
        }
        return distances
    }

    /// ‖row‖² for each row [rows, rest].
    func rowSquaredNorms() -> [Float] {
        let width = elementsPerRow
        return scalars.withUnsafeBufferPointer { x in
            (0..<rows).map { row in
                var sum: Float = 0
                for value in x[(row * width)..<((row + 1) * width)] { sum += value * value }
                return sum
            }
        }
    }
}
