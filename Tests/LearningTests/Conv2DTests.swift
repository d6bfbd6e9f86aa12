import Testing
@testable import Learning

struct Conv2DTests {
    private func conv(
        _ shape: [Int], filters: Int, kernel: Int = 3, padding: Layer.Padding, activation: Activation = .linear,
        l2: Float = 0, seed: UInt64 = 5
    ) -> Conv2D {
        var generator = SeededGenerator(seed: seed)
        return Conv2D(inputShape: shape, filters: filters, kernelSize: kernel, padding: padding, activation: activation, l2: l2, generator: &generator)
    }

    private func forward(_ layer: Conv2D, _ input: [Float], batch: Int, mode: ForwardMode) -> [Float] {
        var unused = SeededGenerator(seed: 0)
        return input.withUnsafeBufferPointer { Array(layer.forward($0, batch: batch, mode: mode, generator: &unused)) }
    }

    @Test(arguments: [Layer.Padding.same, .valid], [1, 3])
    func im2colConvolutionEqualsNaiveConvolution(padding: Layer.Padding, channels: Int) {
        let layer = conv([6, 5, channels], filters: 4, padding: padding, activation: .relu)
        layer.algorithm = .im2col
        layer.bias.tensor = Tensor(shape: [4], scalars: [0.1, -0.2, 0.3, 0])
        let input = GradientCheck.randomValues(4 * 6 * 5 * channels, seed: 9)  // 4 images: split between threads
        let fast = forward(layer, input, batch: 4, mode: .training)
        let naive = NaiveConvolution.forward(
            input, kernel: layer.kernel.tensor.scalars, bias: layer.bias.tensor.scalars, batch: 4, geometry: layer.geometry,
            filters: 4
        ).map { max(0, $0) }
        #expect(fast.count == naive.count)
        #expect(zip(fast, naive).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func chunksOfOneImageGiveTheSameOutputsAndGradientsAsOneChunk() {
        let (whole, chunked) = (conv([5, 5, 2], filters: 3, padding: .same, activation: .relu), conv([5, 5, 2], filters: 3, padding: .same, activation: .relu))
        chunked.patchBudgetPerThread = 25 * 18 / 2  // one image's patches
        let input = GradientCheck.randomValues(5 * 50, seed: 4)
        let dy = GradientCheck.randomValues(5 * 75, seed: 5)
        var results: [[Float]] = []
        for layer in [whole, chunked] {
            var unused = SeededGenerator(seed: 0)
            input.withUnsafeBufferPointer { x in
                results.append(Array(layer.forward(x, batch: 5, mode: .training, generator: &unused)))
                var gradient = dy
                gradient.withUnsafeMutableBufferPointer { results.append(Array(layer.backward($0, batch: 5, needsInputGradient: true)!)) }
                results.append(Array(layer.kernel.gradient) + Array(layer.bias.gradient))
            }
        }
        // Not bit for bit: OpenBLAS's SkylakeX sgemm sums a product of 25 rows in another order
        // than one of 125 (seen: 0.20630798 against 0.20630799), so equality held on some CPUs only.
        #expect(zip(results[0], results[3]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(zip(results[1], results[4]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(zip(results[2], results[5]).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    /// The batch split between workers, each in chunks of two images, gives the kernel gradient
    /// and the input gradient of the whole batch at once, as the reference loops compute them.
    @Test(arguments: [1, 7])
    func workersAndChunksSumTheGradientsOfTheWholeBatch(batch: Int) {
        let layer = conv([5, 4, 3], filters: 4, padding: .same, activation: .linear)
        let g = layer.geometry
        layer.patchBudgetPerThread = 2 * g.positions * g.patchLength
        let input = GradientCheck.randomValues(batch * 5 * 4 * 3, seed: 12)
        var dy = GradientCheck.randomValues(batch * g.positions * 4, seed: 13)
        var unused = SeededGenerator(seed: 0)
        let naiveKernel = NaiveConvolution.kernelGradient(input: input, outputGradient: dy, batch: batch, geometry: g, filters: 4)
        let naiveInput = NaiveConvolution.inputGradient(dy, kernel: layer.kernel.tensor.scalars, batch: batch, geometry: g, filters: 4)
        input.withUnsafeBufferPointer { x in _ = layer.forward(x, batch: batch, mode: .training, generator: &unused) }
        let dx = dy.withUnsafeMutableBufferPointer { Array(layer.backward($0, batch: batch, needsInputGradient: true)!) }
        #expect(zip(Array(layer.kernel.gradient), naiveKernel).allSatisfy { abs($0 - $1) < 1e-4 })
        #expect(zip(dx, naiveInput).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func shapesFollowPadding() {
        #expect(conv([28, 28, 1], filters: 32, padding: .valid).outputShape == [26, 26, 32])
        #expect(conv([28, 28, 1], filters: 64, padding: .same).outputShape == [28, 28, 64])
        #expect(conv([7, 7, 2], filters: 1, kernel: 5, padding: .same).outputShape == [7, 7, 1])
    }

    @Test(arguments: [Layer.Padding.same, .valid], [Activation.linear, .relu])
    func gradientsMatchFiniteDifferences(padding: Layer.Padding, activation: Activation) {
        let layer = conv([5, 4, 2], filters: 3, padding: padding, activation: activation, l2: 0.01)
        let input = GradientCheck.randomValues(2 * 5 * 4 * 2, seed: 21)
        let report = GradientCheck.check(layer, input: input, batch: 2, seed: 8)
        #expect(report.input < 1e-2)
        #expect(report.parameters.allSatisfy { $0 < 1e-2 }, "\(report.parameters)")
    }

    @Test func fiveByFiveSameKernelGradientsMatchFiniteDifferences() {
        let layer = conv([6, 6, 1], filters: 2, kernel: 5, padding: .same)
        let report = GradientCheck.check(layer, input: GradientCheck.randomValues(36, seed: 2), batch: 1, seed: 3)
        #expect(report.input < 1e-2)
        #expect(report.parameters.allSatisfy { $0 < 1e-2 }, "\(report.parameters)")
    }
}
