import Testing
@testable import Learning

struct FlattenTests {
    @Test func flattenKeepsTheValuesAndMultipliesTheShape() {
        let layer = Flatten(inputShape: [2, 3, 4])
        #expect(layer.outputShape == [24])
        var unused = SeededGenerator(seed: 0)
        let input = (0..<48).map(Float.init)
        let output = input.withUnsafeBufferPointer { Array(layer.forward($0, batch: 2, mode: .training, generator: &unused)) }
        #expect(output == input)
        #expect(GradientCheck.check(layer, input: input.map { $0 / 48 }, batch: 2, seed: 1).input < 1e-2)
    }
}
