import Testing
@testable import Learning

struct TensorAlgebraTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func sgemmEqualsTheNaiveProduct(transposeA: Bool, transposeB: Bool) {
        let (m, n, k) = (5, 7, 3)
        let a = GradientCheck.randomValues(m * k, seed: 1), b = GradientCheck.randomValues(k * n, seed: 2)
        var c = GradientCheck.randomValues(m * n, seed: 3)
        var reference = c
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer {
                    matrixProduct(a.baseAddress!, b.baseAddress!, into: $0.baseAddress!, m: m, n: n, k: k,
                                  transposeA: transposeA, transposeB: transposeB, alpha: 2, beta: 0.5)
                }
                reference.withUnsafeMutableBufferPointer {
                    matrixProductNaive(a.baseAddress!, b.baseAddress!, into: $0.baseAddress!, m: m, n: n, k: k,
                                       transposeA: transposeA, transposeB: transposeB, alpha: 2, beta: 0.5)
                }
            }
        }
        #expect(zip(c, reference).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func tensorMatrixProductOfAHandExample() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), b = Tensor(shape: [2, 1], scalars: [5, 6])
        #expect(a.matrixProduct(b) == Tensor(shape: [2, 1], scalars: [17, 39]))
        #expect(a.matrixProduct(a, transposingOther: true) == Tensor(shape: [2, 2], scalars: [5, 11, 11, 25]))
    }

    @Test func squaredDistancesOfAHandExample() {
        let points = Tensor(shape: [2, 2], scalars: [0, 0, 3, 4]), centres = Tensor(shape: [1, 2], scalars: [3, 0])
        #expect(points.squaredDistances(to: centres) == Tensor(shape: [2, 1], scalars: [9, 16]))
    }
}
