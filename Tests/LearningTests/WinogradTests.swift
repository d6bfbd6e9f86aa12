import Testing
@testable import Learning

/// Winograd F(2×2, 3×3) against the reference loops (NaiveConvolution) and against finite
/// differences.
struct WinogradTests {
    private func winogradLayer(_ shape: [Int], filters: Int, padding: Layer.Padding, activation: Activation) -> Conv2D {
        ConvolutionTwins.make(shape, filters: filters, padding: padding, activation: activation, seed: 31, algorithm: .winograd)
    }

    /// Forward outputs and gradients agree, for odd and even output sizes (odd ones end in
    /// tiles half outside the output) and a batch split between workers in several chunks.
    @Test(arguments: [Layer.Padding.same, .valid], [[5, 6, 3], [6, 6, 2], [7, 5, 4]])
    func winogradMatchesNaiveConvolution(padding: Layer.Padding, shape: [Int]) {
        let winograd = winogradLayer(shape, filters: 5, padding: padding, activation: .relu)
        let g = winograd.geometry
        winograd.winogradBudgetPerThread = 2 * 16 * winogradTiles(g) * (g.channels + 5)  // chunks of 2 images
        ConvolutionTwins.expectAgreement(winograd, batch: 7, seed: 3, tolerance: 1e-5)
    }

    @Test(arguments: [Layer.Padding.same, .valid], [Activation.linear, .relu])
    func gradientsMatchFiniteDifferences(padding: Layer.Padding, activation: Activation) {
        let layer = winogradLayer([5, 6, 2], filters: 3, padding: padding, activation: activation)
        GradientCheck.expectMatch(layer, batch: 3, inputSeed: 6, seed: 7)
    }

    /// 3×3 convolutions on many channels (the FashionMarginAugmentation network's second and third) take the Winograd path, and
    /// so do those on 16s of channels into 32s of filters where the CPU has AVX-512 (the
    /// MNISTBayesianDropout network's second); one input channel and 5×5 kernels run directly there.
    @Test func theAlgorithmFollowsTheShapesAndTheCPU() {
        var generator = SeededGenerator(seed: 1)
        let make = { (shape: [Int], filters: Int, kernel: Int) in
            Conv2D(inputShape: shape, filters: filters, kernelSize: kernel, padding: .same, activation: .relu, l2: 0, generator: &generator).algorithm
        }
        let avx512 = DirectConvolution.isAvailable
        #expect(make([14, 14, 64], 128, 3) == .winograd)
        #expect(make([26, 26, 32], 32, 3) == (avx512 ? .winograd : .im2col))
        #expect(make([28, 28, 1], 64, 3) == (avx512 ? .direct : .im2col))
        #expect(make([14, 14, 64], 128, 5) == (avx512 ? .direct : .im2col))
        #expect(make([14, 14, 64], 100, 3) == .winograd)
        #expect(make([28, 28, 1], 5, 3) == .im2col)
    }
}
