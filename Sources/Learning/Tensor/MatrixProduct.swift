import CBLAS

/// The one road to a matrix product: every layer, loss and distance calls `blockedMatrixProduct`
/// or, inside a worker of `parallelChunks`, `matrixProduct`; both hand the work to OpenBLAS's
/// `cblas_sgemm`. `matrixProductNaive` is their slow, obvious twin for tests.
///
/// OpenBLAS's bits depend on its thread count: on this machine's SkylakeX kernels a
/// [288, 784]ᵀ·[784, 64] product differed from the single-threaded one in 14 910 of its 18 432
/// entries on 2 threads, and on the Haswell kernels nearly every shape differed somewhere (a
/// product cut between threads sums its tiles' edges, and a long k, in other orders). So no
/// product here runs on OpenBLAS's threads: `blockedMatrixProduct` cuts c into blocks fixed by
/// the shape alone and runs each on one thread, spread over the cores.
///
/// All matrices are row-major. `a` is [m, k] (stored [k, m] when `transposeA`), `b` is [k, n]
/// (stored [n, k] when `transposeB`), `c` is [m, n]:  c = alpha · a · b + beta · c.

/// c[m, n] = alpha · op(a)[m, k] · op(b)[k, n] + beta · c[m, n] by one `cblas_sgemm`, on the
/// threads OpenBLAS has at the time: call it from a worker of `parallelChunks` (which holds
/// OpenBLAS to one thread), else use `blockedMatrixProduct`.
@inline(__always)
func matrixProduct(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0
) {
    matrixProduct(
        a, lda: transposeA ? m : k, b, ldb: transposeB ? k : n, into: c, ldc: n, m: m, n: n, k: k,
        transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta)
}

/// `matrixProduct` on sub-matrices: the rows of a, b and c lie `lda`, `ldb` and `ldc` floats apart.
@inline(__always)
func matrixProduct(
    _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int, into c: UnsafeMutablePointer<Float>,
    ldc: Int, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, alpha: Float, beta: Float
) {
    guard m > 0, n > 0 else { return }
    cblas_sgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// The same product as `matrixProduct`, with the same bits whatever `BLASKernels.threads` is:
/// c is cut along its longer side into blocks that depend only on (m, n, k)
/// (`ProductBlocks`), and each block is one single-threaded GEMM, the blocks spread over the
/// cores. Not from inside a `parallelChunks` worker.
func blockedMatrixProduct(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0
) {
    guard m > 0, n > 0 else { return }
    let blocks = ProductBlocks(m: m, n: n, k: k)
    let (lda, ldb) = (transposeA ? m : k, transposeB ? k : n)
    parallelChunks(count: blocks.alongRows ? m : n, chunkSize: blocks.size) { _, _, range in
        let first = range.lowerBound
        if blocks.alongRows {
            // Rows `range` of op(a) and of c.
            matrixProduct(
                transposeA ? a + first : a + first * lda, lda: lda, b, ldb: ldb, into: c + first * n, ldc: n,
                m: range.count, n: n, k: k, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta)
        } else {
            // Columns `range` of op(b) and of c.
            matrixProduct(
                a, lda: lda, transposeB ? b + first * ldb : b + first, ldb: ldb, into: c + first, ldc: n,
                m: m, n: range.count, k: k, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta)
        }
    }
}

/// How `blockedMatrixProduct` cuts an [m, n] product over k: along the longer side (rows when
/// m ≥ n), into at most `maximumBlocks` blocks of a multiple of 16 rows or columns, each at
/// least `minimumSide` long (narrower blocks spend their time packing the other operand again)
/// and worth at least `minimumWork` multiply-adds (smaller products stay whole).
struct ProductBlocks: Equatable {
    static let maximumBlocks = 8
    static let minimumSide = 64
    static let minimumWork = 1 << 21

    /// Whether the blocks are rows of c (else columns).
    let alongRows: Bool
    /// Rows or columns per block (the last block may be shorter).
    let size: Int

    init(alongRows: Bool, size: Int) {
        (self.alongRows, self.size) = (alongRows, size)
    }

    init(m: Int, n: Int, k: Int) {
        alongRows = m >= n
        let long = max(m, n)
        let blocks = max(1, min(Self.maximumBlocks, m * n * max(1, k) / Self.minimumWork, long / Self.minimumSide))
        let perBlock = (long + blocks - 1) / blocks
        size = max(1, min(long, (perBlock + 15) / 16 * 16))
    }
}

/// The same product as `matrixProduct`, by three loops in Double: the reference tests compare
/// against.
func matrixProductNaive(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0
) {
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0
            for p in 0..<k {
                let aip = transposeA ? a[p * m + i] : a[i * k + p]
                let bpj = transposeB ? b[j * k + p] : b[p * n + j]
                sum += Double(aip) * Double(bpj)
            }
            c[i * n + j] = alpha * Float(sum) + (beta == 0 ? 0 : beta * c[i * n + j])
        }
    }
}
