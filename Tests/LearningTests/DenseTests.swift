import Testing
@testable import Learning

struct DenseTests {
    private func dense(inputs: Int, units: Int, activation: Activation, l2: Float = 0, seed: UInt64 = 7) -> Dense {
        var generator = SeededGenerator(seed: seed)
        return Dense(inputShape: [inputs], units: units, activation: activation, l2: l2, initializer: .glorotUniform, generator: &generator)
    }

    @Test func forwardIsInputTimesKernelPlusBiasThenRelu() {
        let layer = dense(inputs: 2, units: 3, activation: .relu)
        layer.kernel.tensor = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        layer.bias.tensor = Tensor(shape: [3], scalars: [0.5, -13, 0])
        var unused = SeededGenerator(seed: 0)
        let input: [Float] = [1, 2, -1, 0]  // two examples
        let output = input.withUnsafeBufferPointer { Array(layer.forward($0, batch: 2, mode: .inference, generator: &unused)) }
        // [1, 2]: [1 + 8 + 0.5, 2 + 10 - 13, 3 + 12] → relu; [-1, 0]: [-1 + 0.5, -2 - 13, -3] → relu
        #expect(output == [9.5, 0, 15, 0, 0, 0])
    }

    @Test(arguments: [Activation.linear, .relu], [Float(0), 0.05])
    func gradientsMatchFiniteDifferences(activation: Activation, l2: Float) {
        let layer = dense(inputs: 5, units: 4, activation: activation, l2: l2)
        let report = GradientCheck.check(layer, input: GradientCheck.randomValues(3 * 5, seed: 3), batch: 3, seed: 11)
        #expect(report.input < 1e-2)
        #expect(report.parameters.allSatisfy { $0 < 1e-2 }, "\(report.parameters)")
    }

    @Test func glorotUniformStaysWithinItsLimitAndBiasStartsAtZero() {
        let layer = dense(inputs: 30, units: 20, activation: .linear)
        let limit = (6 / Float(30 + 20)).squareRoot()
        #expect(layer.kernel.tensor.scalars.allSatisfy { abs($0) <= limit })
        #expect(layer.kernel.tensor.scalars.contains { abs($0) > limit / 2 })
        #expect(layer.bias.tensor.scalars.allSatisfy { $0 == 0 })
    }

    @Test func zeroInitializerGivesZeroKernel() {
        var generator = SeededGenerator(seed: 1)
        let layer = Dense(inputShape: [4], units: 2, activation: .linear, l2: 0, initializer: .zeros, generator: &generator)
        #expect(layer.kernel.tensor.scalars == [Float](repeating: 0, count: 8))
    }

    @Test func l2PenaltyIsLambdaTimesSumOfSquaredKernelWeights() {
        let layer = dense(inputs: 2, units: 1, activation: .linear, l2: 0.5)
        layer.kernel.tensor = Tensor(shape: [2, 1], scalars: [3, -4])
        #expect(layer.kernel.l2Penalty == 12.5)  // 0.5 · (9 + 16)
        #expect(layer.bias.l2Penalty == 0)
    }
}
