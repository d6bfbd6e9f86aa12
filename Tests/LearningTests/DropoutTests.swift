import Testing
@testable import Learning

struct DropoutTests {
    private func forward(_ layer: Dropout, _ input: [Float], mode: ForwardMode, seed: UInt64 = 1) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return input.withUnsafeBufferPointer { Array(layer.forward($0, batch: 1, mode: mode, generator: &generator)) }
    }

    @Test func inferenceIsTheIdentity() {
        let layer = Dropout(inputShape: [4], rate: 0.5)
        #expect(forward(layer, [1, -2, 3, 4], mode: .inference) == [1, -2, 3, 4])
    }

    @Test(arguments: [ForwardMode.training, .monteCarlo], [Float(0.25), 0.5])
    func dropsAboutRateAndScalesSurvivorsByInverseKeep(mode: ForwardMode, rate: Float) {
        let count = 40_000
        let layer = Dropout(inputShape: [count], rate: rate)
        let output = forward(layer, [Float](repeating: 1, count: count), mode: mode)
        let dropped = Double(output.filter { $0 == 0 }.count) / Double(count)
        #expect(abs(dropped - Double(rate)) < 0.01)
        #expect(output.allSatisfy { $0 == 0 || $0 == 1 / (1 - rate) })
    }

    @Test func sameGeneratorGivesSameMaskAndNextDrawAnother() {
        let layer = Dropout(inputShape: [64], rate: 0.5)
        let ones = [Float](repeating: 1, count: 64)
        #expect(forward(layer, ones, mode: .training, seed: 3) == forward(layer, ones, mode: .training, seed: 3))
        #expect(forward(layer, ones, mode: .training, seed: 3) != forward(layer, ones, mode: .training, seed: 4))
    }

    @Test func gradientWithAFixedMaskMatchesFiniteDifferences() {
        let layer = Dropout(inputShape: [3, 4], rate: 0.4)
        let report = GradientCheck.check(layer, input: GradientCheck.randomValues(2 * 12, seed: 5), batch: 2, seed: 9)
        #expect(report.input < 1e-2)
    }
}
