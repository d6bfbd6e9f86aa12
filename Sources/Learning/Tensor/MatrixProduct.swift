import CBLAS

/// The one road to a matrix product: every layer, loss and distance calls `matrixProduct`, which
/// hands the work to OpenBLAS's `cblas_sgemm`. `matrixProductNaive` is its slow, obvious twin for
/// tests.
///
/// All matrices are row-major. `a` is [m, k] (stored [k, m] when `transposeA`), `b` is [k, n]
/// (stored [n, k] when `transposeB`), `c` is [m, n]:  c = alpha · a · b + beta · c.

/// c[m, n] = alpha · op(a)[m, k] · op(b)[k, n] + beta · c[m, n] through `cblas_sgemm`.
@inline(__always)
func matrixProduct(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0
) {
    guard m > 0, n > 0 else { return }
    cblas_sgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), alpha,
        a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n), beta, c, Int32(n))
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
