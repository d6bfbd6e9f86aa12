import Testing
@testable import Learning

struct MaxPool2DTests {
    private func forward(_ layer: MaxPool2D, _ input: [Float], batch: Int, mode: ForwardMode) -> [Float] {
        var unused = SeededGenerator(seed: 0)
        return input.withUnsafeBufferPointer { Array(layer.forward($0, batch: batch, mode: mode, generator: &unused)) }
    }

    @Test func poolTwoTakesEachWindowsMaximumAndDropsTheOddRow() {
        // 3×4 image, one channel: the third row does not fill a window and is dropped.
        let layer = MaxPool2D(inputShape: [3, 4, 1], poolSize: 2)
        let input: [Float] = [
            1, 5, 2, 0,
            3, -1, 7, 6,
            9, 9, 9, 9,
        ]
        #expect(layer.outputShape == [1, 2, 1])
        #expect(forward(layer, input, batch: 1, mode: .training) == [5, 7])
        #expect(forward(layer, input, batch: 1, mode: .inference) == [5, 7])
    }

    @Test func channelsArePooledSeparately() {
        let layer = MaxPool2D(inputShape: [2, 2, 2], poolSize: 2)
        #expect(forward(layer, [1, -1, 2, -2, 3, -3, 4, -4], batch: 1, mode: .training) == [4, -1])
    }

    @Test func poolFiveOnStudyFoursShapeFloors() {
        #expect(MaxPool2D(inputShape: [24, 24, 32], poolSize: 5).outputShape == [4, 4, 32])
    }

    @Test(arguments: [(2, [6, 5, 3]), (5, [11, 10, 2])])
    func gradientsMatchFiniteDifferences(pool: Int, shape: [Int]) {
        let layer = MaxPool2D(inputShape: shape, poolSize: pool)
        let input = GradientCheck.distinctValues(2 * shape.reduce(1, *), seed: 6)
        let report = GradientCheck.check(layer, input: input, batch: 2, seed: 4)
        #expect(report.input < 1e-2)
    }
}
