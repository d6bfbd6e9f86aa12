import Testing
@testable import Learning

/// The kernels that split their work between threads, on inputs large enough to be split,
/// against obvious single-loop references.
struct KernelSplitTests {
    @Test func reluBackwardMasksAndSumsColumnsLikeTheObviousLoops() {
        let (rows, columns) = (4096, 16)
        let output = GradientCheck.randomValues(rows * columns, seed: 1)
        var gradient = GradientCheck.randomValues(rows * columns, seed: 2)
        let expectedGradient = zip(gradient, output).map { $1 > 0 ? $0 : 0 }
        var expectedSums = [Double](repeating: 0, count: columns)
        for (i, g) in expectedGradient.enumerated() { expectedSums[i % columns] += Double(g) }
        var sums = [Float](repeating: 0, count: columns)
        gradient.withUnsafeMutableBufferPointer { g in
            output.withUnsafeBufferPointer { y in
                sums.withUnsafeMutableBufferPointer {
                    Activation.relu.backward(g.baseAddress!, output: y.baseAddress!, rows: rows, columns: columns, biasGradient: $0.baseAddress!)
                }
            }
        }
        #expect(gradient == expectedGradient)
        #expect(zip(sums, expectedSums).allSatisfy { abs(Double($0) - $1) < 1e-3 })
    }

    @Test func batchNormOnALargeBatchMatchesTheTextbookFormulas() {
        let (rows, channels) = (4096, 16)
        let layer = BatchNorm(inputShape: [channels], momentum: 0.99, epsilon: 1e-3)
        let x = GradientCheck.randomValues(rows * channels, seed: 3).map { 2 * $0 + 1 }
        let dy = GradientCheck.randomValues(rows * channels, seed: 4)
        var unused = SeededGenerator(seed: 0)
        var (y, dx): ([Float], [Float]) = ([], [])
        x.withUnsafeBufferPointer { input in
            y = Array(layer.forward(input, batch: rows, mode: .training, generator: &unused))
            var gradient = dy
            gradient.withUnsafeMutableBufferPointer { dx = Array(layer.backward($0, batch: rows, needsInputGradient: true)!) }
        }
        for ch in [0, 7, 15] {
            let column = (0..<rows).map { Double(x[$0 * channels + ch]) }
            let mean = column.reduce(0, +) / Double(rows)
            let invStd = 1 / (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rows) + 1e-3).squareRoot()
            let xhat = column.map { ($0 - mean) * invStd }
            let g = (0..<rows).map { Double(dy[$0 * channels + ch]) }
            let (meanG, meanGXhat) = (g.reduce(0, +) / Double(rows), zip(g, xhat).map(*).reduce(0, +) / Double(rows))
            for r in [0, 1234, 4095] {
                #expect(abs(Double(y[r * channels + ch]) - xhat[r]) < 1e-4)
                let expected = invStd * (g[r] - meanG - xhat[r] * meanGXhat)
                #expect(abs(Double(dx[r * channels + ch]) - expected) < 1e-4)
            }
        }
    }

    @Test func maxPoolOnABatchSplitBetweenThreadsMatchesTheObviousLoops() {
        let (batch, side, channels) = (16, 6, 3)
        let layer = MaxPool2D(inputShape: [side, side, channels], poolSize: 2)
        let x = GradientCheck.distinctValues(batch * side * side * channels, seed: 5)
        let dy = GradientCheck.randomValues(batch * 9 * channels, seed: 6)
        var unused = SeededGenerator(seed: 0)
        var (y, dx): ([Float], [Float]) = ([], [])
        x.withUnsafeBufferPointer { input in
            y = Array(layer.forward(input, batch: batch, mode: .training, generator: &unused))
            var gradient = dy
            gradient.withUnsafeMutableBufferPointer { dx = Array(layer.backward($0, batch: batch, needsInputGradient: true)!) }
        }
        var expectedDx = [Float](repeating: 0, count: x.count)
        for n in 0..<batch {
            for oy in 0..<3 {
                for ox in 0..<3 {
                    for c in 0..<channels {
                        let window = [(0, 0), (0, 1), (1, 0), (1, 1)].map { ((n * side + 2 * oy + $0.0) * side + 2 * ox + $0.1) * channels + c }
                        let winner = window.max { x[$0] < x[$1] }!
                        let out = ((n * 3 + oy) * 3 + ox) * channels + c
                        #expect(y[out] == x[winner])
                        expectedDx[winner] = dy[out]
                    }
                }
            }
        }
        #expect(dx == expectedDx)
    }

    @Test func adamVectorLanesMatchTheScalarFormula() {
        let count = 11  // two four-lane blocks and a tail of three
        var parameters = GradientCheck.randomValues(count, seed: 7)
        let gradient = GradientCheck.randomValues(count, seed: 8)
        let start = parameters
        var adam = Adam(learningRate: 0.01)
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { adam.step(parameters: [p], gradients: [$0]) }
        }
        // First step: m = 0.1 g, v = 0.001 g², step size 0.01 · √0.001 / 0.1.
        let stepSize = 0.01 * 0.001.squareRoot() / 0.1
        for i in 0..<count {
            let g = Double(gradient[i])
            let expected = Double(start[i]) - stepSize * (0.1 * g) / ((0.001 * g * g).squareRoot() + 1e-7)
            #expect(abs(Double(parameters[i]) - expected) < 1e-6)
        }
    }
}
