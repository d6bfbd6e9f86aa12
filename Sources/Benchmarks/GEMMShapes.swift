import CBLAS
import Dispatch
import Learning

/// One `cblas_sgemm` a training step makes: c[m, n] = op(a) · op(b), with the layer it belongs to.
struct GEMMShape {
    let name: String
    let m: Int, n: Int, k: Int
    var transposeA = false, transposeB = false
    /// How many times a step makes this call (the convolutions go through in chunks of images).
    var calls = 1

    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
}

/// The GEMMs of one FashionMarginAugmentation training step at batch 32, as Conv2D and Dense make them: each
/// convolution's forward product, kernel gradient (patchesᵀ · dy) and patch gradient (dy ·
/// kernelᵀ), per chunk of images whose patch matrix fits the chunk budget; then the dense layers.
func fashionCNNShapes(chunkImages: (conv1: Int, conv2: Int, conv3: Int) = (32, 4, 9)) -> [GEMMShape] {
    var shapes: [GEMMShape] = []
    for (name, positions, patch, filters, chunk) in [
        ("conv1", 784, 9, 64, chunkImages.conv1), ("conv2", 196, 576, 128, chunkImages.conv2),
        ("conv3", 49, 1152, 256, chunkImages.conv3),
    ] {
        let rows = chunk * positions, calls = (32 + chunk - 1) / chunk
        shapes.append(GEMMShape(name: "\(name) fwd", m: rows, n: filters, k: patch, calls: calls))
        shapes.append(GEMMShape(name: "\(name) dW", m: patch, n: filters, k: rows, transposeA: true, calls: calls))
        if name != "conv1" {
            shapes.append(GEMMShape(name: "\(name) dX", m: rows, n: patch, k: filters, transposeB: true, calls: calls))
        }
    }
    for (name, inputs, units) in [("dense1", 2304, 1024), ("dense2", 1024, 512), ("dense3", 512, 10)] {
        shapes.append(GEMMShape(name: "\(name) fwd", m: 32, n: units, k: inputs))
        shapes.append(GEMMShape(name: "\(name) dW", m: inputs, n: units, k: 32, transposeA: true))
        shapes.append(GEMMShape(name: "\(name) dX", m: 32, n: inputs, k: units, transposeB: true))
    }
    return shapes
}

/// Times every shape three ways: OpenBLAS on all its threads, on one thread, and the rows split
/// in two halves that two threads multiply at once, each a single-threaded sgemm. Prints
/// GFLOP/s of each and the step's milliseconds in GEMMs by each way.
func compareGEMMThreading(_ shapes: [GEMMShape]) {
    let threads = BLASKernels.threads
    print("shape            m     n     k  calls   \(threads)-thread   1-thread   2×1 split  (GFLOP/s)")
    var totals = [0.0, 0.0, 0.0]
    for shape in shapes {
        let operands = Operands(shape)
        defer { operands.free() }
        let repeats = max(3, Int(2e9 / shape.flops))
        var seconds: [Double] = []
        BLASKernels.threads = threads
        seconds.append(bestSeconds(repeats: repeats) { operands.multiply(rows: 0..<shape.m) })
        BLASKernels.threads = 1
        seconds.append(bestSeconds(repeats: repeats) { operands.multiply(rows: 0..<shape.m) })
        let half = shape.m / 2
        seconds.append(bestSeconds(repeats: repeats) {
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                operands.multiply(rows: part == 0 ? 0..<half : half..<shape.m)
            }
        })
        BLASKernels.threads = threads
        for i in 0..<3 { totals[i] += seconds[i] * Double(shape.calls) }
        let rates = seconds.map { String(format: "%9.1f", shape.flops / $0 / 1e9) }.joined(separator: "  ")
        print(String(format: "%-13@ %5d %5d %5d %5d  ", shape.name, shape.m, shape.n, shape.k, shape.calls) + rates)
    }
    print(String(format: "step total ms  %.2f  %.2f  %.2f", totals[0] * 1e3, totals[1] * 1e3, totals[2] * 1e3))
}

/// The three matrices of one shape, filled with constants, shared by the timing threads (each
/// writes its own rows of c).
private struct Operands: @unchecked Sendable {
    let shape: GEMMShape
    let a: UnsafeMutablePointer<Float>, b: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>

    init(_ shape: GEMMShape) {
        self.shape = shape
        a = .allocate(capacity: shape.m * shape.k)
        a.initialize(repeating: 0.5, count: shape.m * shape.k)
        b = .allocate(capacity: shape.k * shape.n)
        b.initialize(repeating: 0.25, count: shape.k * shape.n)
        c = .allocate(capacity: shape.m * shape.n)
        c.initialize(repeating: 0, count: shape.m * shape.n)
    }

    func free() {
        a.deallocate()
        b.deallocate()
        c.deallocate()
    }

    /// Rows `rows` of c = op(a) · op(b); with a transposed, a row of op(a) is a column of the
    /// stored [k, m] matrix.
    func multiply(rows: Range<Int>) {
        let offsetA = shape.transposeA ? rows.lowerBound : rows.lowerBound * shape.k
        cblas_sgemm(
            CblasRowMajor, shape.transposeA ? CblasTrans : CblasNoTrans, shape.transposeB ? CblasTrans : CblasNoTrans,
            Int32(rows.count), Int32(shape.n), Int32(shape.k), 1, a + offsetA, Int32(shape.transposeA ? shape.m : shape.k),
            b, Int32(shape.transposeB ? shape.k : shape.n), 0, c + rows.lowerBound * shape.n, Int32(shape.n))
    }
}
