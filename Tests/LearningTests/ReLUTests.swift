import Testing
@testable import Learning

struct ReLUTests {
    @Test func forwardClampsNegativesToZero() {
        let layer = ReLU(inputShape: [4])
        var unused = SeededGenerator(seed: 0)
        let input: [Float] = [-1, 0, 0.5, 2]
        let output = input.withUnsafeBufferPointer { Array(layer.forward($0, batch: 1, mode: .training, generator: &unused)) }
        #expect(output == [0, 0, 0.5, 2])
    }

    @Test func gradientMatchesFiniteDifferences() {
        let layer = ReLU(inputShape: [2, 3])
        let input = GradientCheck.distinctValues(18, seed: 1).map { $0 + 0.005 }  // none at the kink
        #expect(GradientCheck.check(layer, input: input, batch: 3, seed: 2).input < 1e-2)
    }
}
