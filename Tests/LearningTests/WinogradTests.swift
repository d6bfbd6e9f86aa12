import Testing
@testable import Learning

/// Winograd F(2×2, 3×3) against the im2col path it replaces (itself checked against the direct
/// convolution in Conv2DTests) and against finite differences.
struct WinogradTests {
    private func twins(_ shape: [Int], filters: Int, padding: Layer.Padding, activation: Activation) -> (winograd: Conv2D, im2col: Conv2D) {
        func make() -> Conv2D {
            var generator = SeededGenerator(seed: 31)
            return Conv2D(inputShape: shape, filters: filters, kernelSize: 3, padding: padding, activation: activation, l2: 0, generator: &generator)
        }
        let (a, b) = (make(), make())
        a.usesWinograd = true
        b.usesWinograd = false
        for layer in [a, b] { layer.bias.tensor = Tensor(shape: [filters], scalars: (0..<filters).map { Float($0) * 0.1 - 0.2 }) }
        return (a, b)
    }

    /// Forward outputs and input gradients agree, for odd and even output sizes (odd ones end in
    /// tiles half outside the output) and a batch split between workers in several chunks.
    @Test(arguments: [Layer.Padding.same, .valid], [[5, 6, 3], [6, 6, 2], [7, 5, 4]])
    func winogradMatchesIm2col(padding: Layer.Padding, shape: [Int]) {
        let (winograd, im2col) = twins(shape, filters: 5, padding: padding, activation: .relu)
        let g = winograd.geometry
        winograd.winogradBudgetPerThread = 2 * 16 * winogradTiles(g) * (g.channels + 5)  // chunks of 2 images
        let batch = 7
        let input = GradientCheck.randomValues(batch * shape.reduce(1, *), seed: 3)
        let dy = GradientCheck.randomValues(batch * g.positions * 5, seed: 4)
        var results: [[Float]] = []
        for layer in [winograd, im2col] {
            var unused = SeededGenerator(seed: 0)
            input.withUnsafeBufferPointer { x in
                results.append(Array(layer.forward(x, batch: batch, mode: .training, generator: &unused)))
                var gradient = dy
                gradient.withUnsafeMutableBufferPointer { results.append(Array(layer.backward($0, batch: batch, needsInputGradient: true)!)) }
            }
        }
        for (fast, reference) in [(results[0], results[2]), (results[1], results[3])] {
            #expect(fast.count == reference.count)
            let worst = zip(fast, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-5, "largest difference \(worst)")
        }
    }

    @Test(arguments: [Layer.Padding.same, .valid], [Activation.linear, .relu])
    func gradientsMatchFiniteDifferences(padding: Layer.Padding, activation: Activation) {
        let (layer, _) = twins([5, 6, 2], filters: 3, padding: padding, activation: activation)
        let report = GradientCheck.check(layer, input: GradientCheck.randomValues(3 * 5 * 6 * 2, seed: 6), batch: 3, seed: 7)
        #expect(report.input < 1e-2)
        #expect(report.parameters.allSatisfy { $0 < 1e-2 }, "\(report.parameters)")
    }

    /// Study 1's second and third convolutions take the Winograd path; the first (one channel)
    /// and 5×5 kernels do not.
    @Test func winogradIsChosenForThreeByThreeKernelsOnManyChannels() {
        var generator = SeededGenerator(seed: 1)
        let make = { (shape: [Int], filters: Int, kernel: Int) in
            Conv2D(inputShape: shape, filters: filters, kernelSize: kernel, padding: .same, activation: .relu, l2: 0, generator: &generator).usesWinograd
        }
        #expect(make([14, 14, 64], 128, 3))
        #expect(!make([28, 28, 1], 64, 3))
        #expect(!make([14, 14, 64], 128, 5))
    }
}
