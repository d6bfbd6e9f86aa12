import Testing
@testable import Learning

/// `blockedMatrixProduct` against the naive product, and against itself on other thread counts:
/// the blocks depend on the shape alone, so the bits must not move.
@Suite(.serialized)
struct BlockedMatrixProductTests {
    @Test(arguments: [
        ProductCase(m: 5, n: 7, k: 3),  // too small to cut: one block
        ProductCase(m: 1_000, n: 130, k: 40, transposeA: true),  // Dense's kernel gradient: blocks of rows
        ProductCase(m: 32, n: 700, k: 300, transposeB: true),  // Dense's input gradient: blocks of columns
        ProductCase(m: 37, n: 515, k: 250, transposeA: true, transposeB: true),
    ])
    func equalsTheNaiveProductWithTheSameBitsOnOneTwoAndThreeThreads(_ shape: ProductCase) {
        let (m, n, k) = (shape.m, shape.n, shape.k)
        let a = GradientCheck.randomValues(m * k, seed: 1), b = GradientCheck.randomValues(k * n, seed: 2)
        let c = GradientCheck.randomValues(m * n, seed: 3)
        var reference = c
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                reference.withUnsafeMutableBufferPointer {
                    matrixProductNaive(
                        a.baseAddress!, b.baseAddress!, into: $0.baseAddress!, m: m, n: n, k: k,
                        transposeA: shape.transposeA, transposeB: shape.transposeB, alpha: 2, beta: 0.5)
                }
            }
        }
        var results: [[UInt32]] = []
        for threads in [1, 2, 3] {
            var product = c
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    product.withUnsafeMutableBufferPointer { c in
                        BLASKernels.withThreads(threads) {
                            blockedMatrixProduct(
                                a.baseAddress!, b.baseAddress!, into: c.baseAddress!, m: m, n: n, k: k,
                                transposeA: shape.transposeA, transposeB: shape.transposeB, alpha: 2, beta: 0.5)
                        }
                    }
                }
            }
            #expect(zip(product, reference).allSatisfy { abs($0 - $1) < 1e-3 }, "\(threads) threads")
            results.append(product.map(\.bitPattern))
        }
        #expect(results[1] == results[0] && results[2] == results[0])
    }

    @Test func blocksFollowTheShapeAlone() {
        // Too little work to cut.
        #expect(ProductBlocks(m: 5, n: 7, k: 3) == ProductBlocks(alongRows: false, size: 7))
        // FashionMarginAugmentation's first Dense layer at batch 32: forward, kernel and input gradients.
        #expect(ProductBlocks(m: 32, n: 1_024, k: 2_304) == ProductBlocks(alongRows: false, size: 128))
        #expect(ProductBlocks(m: 2_304, n: 1_024, k: 32) == ProductBlocks(alongRows: true, size: 288))
        #expect(ProductBlocks(m: 32, n: 2_304, k: 1_024) == ProductBlocks(alongRows: false, size: 288))
        // Never narrower than 64 columns: MNISTEntropySampling's 9216 → 128 layer forward.
        #expect(ProductBlocks(m: 32, n: 128, k: 9_216) == ProductBlocks(alongRows: false, size: 64))
    }
}

struct ProductCase: Sendable, CustomTestStringConvertible {
    var m: Int, n: Int, k: Int
    var transposeA = false, transposeB = false
    var testDescription: String { "[\(m), \(n)] over \(k)\(transposeA ? ", aᵀ" : "")\(transposeB ? ", bᵀ" : "")" }
}
