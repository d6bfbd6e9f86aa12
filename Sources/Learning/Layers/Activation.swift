/// The activation a Dense or Conv2D layer applies to its output, fused into the same pass that
/// adds the bias (Keras's `activation:` argument), and the matching backward pass that masks the
/// gradient and sums the bias gradient in one sweep.
public enum Activation: String, Codable, Sendable {
    /// The identity (the last layer, whose outputs are the logits of the softmax).
    case linear
    /// max(0, x).
    case relu
}

extension Activation {
    /// Elements one thread should at least get, so that small layers stay on one thread.
    private static let elementsPerThread = 1 << 15

    /// values[r, c] = activation(values[r, c] + bias[c]) for values [rows, columns].
    func addBiasAndActivate(
        _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>
    ) {
        parallelRanges(count: rows, minimumPerThread: max(1, Self.elementsPerThread / max(1, columns))) { rowRange in
            addBiasAndActivateSerially(values + rowRange.lowerBound * columns, rows: rowRange.count, columns: columns, bias: bias)
        }
    }

    /// `addBiasAndActivate` on the calling thread alone (for callers that already split the work).
    func addBiasAndActivateSerially(
        _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>
    ) {
        for r in 0..<rows {
            let row = values + r * columns
            switch self {
            case .linear:
                for c in 0..<columns { row[c] += bias[c] }
            case .relu:
                for c in 0..<columns { row[c] = max(0, row[c] + bias[c]) }
            }
        }
    }

    /// The backward pass of `addBiasAndActivate`: turns `gradient` [rows, columns] (d loss / d
    /// output) into d loss / d pre-activation in place, given the layer's `output`, and writes the
    /// bias gradient (its column sums) into `biasGradient` [columns]. Threads split the columns,
    /// so each sums its own.
    func backward(
        _ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, rows: Int, columns: Int,
        biasGradient: UnsafeMutablePointer<Float>
    ) {
        parallelRanges(count: columns, minimumPerThread: max(1, Self.elementsPerThread / max(1, rows))) { columnRange in
            (biasGradient + columnRange.lowerBound).update(repeating: 0, count: columnRange.count)
            backwardSerially(gradient, output: output, rows: rows, columns: columns, only: columnRange, addingBiasGradientTo: biasGradient)
        }
    }

    /// `backward` on the calling thread alone, for the columns `only` of each row, adding the
    /// column sums to `biasGradient` [columns] rather than overwriting them (callers that split
    /// the rows keep a sum per worker).
    func backwardSerially(
        _ gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, rows: Int, columns: Int,
        only columnRange: Range<Int>? = nil, addingBiasGradientTo biasGradient: UnsafeMutablePointer<Float>
    ) {
        let (first, width) = columnRange.map { ($0.lowerBound, $0.count) } ?? (0, columns)
        let sums = biasGradient + first
        for r in 0..<rows {
            let (g, y) = (gradient + r * columns + first, output + r * columns + first)
            if self == .relu {
                for j in 0..<width {
                    let value = g[j]  // loaded unconditionally, so the loop vectorises
                    let masked = y[j] > 0 ? value : 0
                    g[j] = masked
                    sums[j] += masked
                }
            } else {
                for j in 0..<width { sums[j] += g[j] }
            }
        }
    }
}
