import Testing
@testable import Learning

struct BatchNormTests {
    private func forward(_ layer: BatchNorm, _ input: [Float], batch: Int, mode: ForwardMode) -> [Float] {
        var unused = SeededGenerator(seed: 0)
        return input.withUnsafeBufferPointer { Array(layer.forward($0, batch: batch, mode: mode, generator: &unused)) }
    }

    @Test func trainingNormalisesByTheBatchAndMovesTheRunningStatistics() {
        // One channel, values 1…4: mean 2.5, biased variance 1.25.
        let layer = BatchNorm(inputShape: [1], momentum: 0.99, epsilon: 1e-3)
        let output = forward(layer, [1, 2, 3, 4], batch: 4, mode: .training)
        let expected = [1, 2, 3, 4].map { (Float($0) - 2.5) / (1.25 + 0.001).squareRoot() }
        #expect(zip(output, expected).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(abs(layer.runningMean.value[0] - 0.025) < 1e-6)  // 0.99 · 0 + 0.01 · 2.5
        #expect(abs(layer.runningVariance.value[0] - 1.0025) < 1e-6)  // 0.99 · 1 + 0.01 · 1.25
    }

    @Test func inferenceUsesTheRunningStatisticsAndGammaBeta() {
        let layer = BatchNorm(inputShape: [2], momentum: 0.99, epsilon: 1e-3)
        layer.runningMean.tensor = Tensor(shape: [2], scalars: [1, -1])
        layer.runningVariance.tensor = Tensor(shape: [2], scalars: [3.999, 0.999])
        layer.gamma.tensor = Tensor(shape: [2], scalars: [2, 1])
        layer.beta.tensor = Tensor(shape: [2], scalars: [0, 10])
        // channel 0: 2 · (5 - 1) / √4 = 4; channel 1: (0 - -1) / √1 + 10 = 11
        let output = forward(layer, [5, 0], batch: 1, mode: .inference)
        #expect(abs(output[0] - 4) < 1e-5 && abs(output[1] - 11) < 1e-5)
    }

    @Test(arguments: [[4, 3], [3, 2, 3]])
    func trainingGradientsMatchFiniteDifferences(shape: [Int]) {
        let layer = BatchNorm(inputShape: shape, momentum: 0.99, epsilon: 1e-3)
        layer.gamma.tensor = Tensor(shape: [shape.last!], scalars: GradientCheck.randomValues(shape.last!, seed: 12).map { $0 + 1.5 })
        layer.beta.tensor = Tensor(shape: [shape.last!], scalars: GradientCheck.randomValues(shape.last!, seed: 13))
        let input = GradientCheck.randomValues(2 * shape.reduce(1, *), seed: 14).map { 3 * $0 + 0.5 }
        let report = GradientCheck.check(layer, input: input, batch: 2, seed: 15)
        #expect(report.input < 1e-2)
        #expect(report.parameters.allSatisfy { $0 < 1e-2 }, "\(report.parameters)")
    }
}
