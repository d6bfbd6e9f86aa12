import Testing
@testable import Learning

/// The AVX-512 convolutions, direct and Winograd, against the reference loops (NaiveConvolution)
/// and against finite differences. Skipped where the CPU has no
/// AVX-512F: there every layer takes the other paths.
@Suite(.enabled(if: DirectConvolution.isAvailable, "this CPU has no AVX-512F, so the direct kernels never run"))
struct DirectConvolutionTests {
    /// Seed 19: with ReLU, a pre-activation within the finite-difference step of zero makes the
    /// numeric gradient jump, and seed 17 put one there (on the im2col path as much as this one).
    private func directLayer(_ shape: [Int], filters: Int, padding: Layer.Padding, activation: Activation) -> Conv2D {
        ConvolutionTwins.make(shape, filters: filters, padding: padding, activation: activation, l2: 0.01, seed: 19, algorithm: .direct)
    }

    /// Outputs, kernel and bias gradients and input gradients agree over a batch split between
    /// the workers. The shapes reach every kind of tile: output rows of 11, 13 and 24 pixels
    /// (tiles of 5 + 6, 6 + 7 and 12 + 12), spans of 3, 9, 96 and 192 kernel entries, one and
    /// three input channels (their input gradient goes through im2col), and 64 filters (two blocks).
    @Test(arguments: [Layer.Padding.same, .valid], [([7, 13, 1], 32), ([6, 13, 3], 64), ([5, 26, 32], 32), ([4, 9, 64], 32)])
    func directMatchesNaiveConvolution(padding: Layer.Padding, layer: (shape: [Int], filters: Int)) {
        let direct = directLayer(layer.shape, filters: layer.filters, padding: padding, activation: .relu)
        ConvolutionTwins.expectAgreement(direct, batch: 5, seed: 3, tolerance: 1e-4)
    }

    /// The AVX-512 Winograd kernel, forward and input gradient, with the kernel gradient direct:
    /// odd and even output sizes (odd ones end in tiles half outside the output), rows of up to
    /// 13 tiles (blocks of 6 + 7), 16 and 32 channels into 32 and 64 filters. The 16-channel
    /// layer's input gradient (32 channels into 16) takes the portable Winograd path.
    @Test(arguments: [Layer.Padding.same, .valid], [([7, 26, 32], 32), ([6, 9, 16], 64), ([5, 5, 32], 64), ([4, 7, 64], 32)])
    func winogradAVX512MatchesNaiveConvolution(padding: Layer.Padding, layer: (shape: [Int], filters: Int)) {
        let winograd = ConvolutionTwins.make(
            layer.shape, filters: layer.filters, padding: padding, activation: .relu, l2: 0.01, seed: 23, algorithm: .winograd)
        ConvolutionTwins.expectAgreement(winograd, batch: 5, seed: 9, tolerance: 1e-4)
    }

    @Test(arguments: [Layer.Padding.same, .valid], [Activation.linear, .relu])
    func gradientsMatchFiniteDifferences(padding: Layer.Padding, activation: Activation) {
        let layer = directLayer([4, 5, 32], filters: 32, padding: padding, activation: activation)
        GradientCheck.expectMatch(layer, batch: 2, inputSeed: 6, seed: 7)
        let winograd = ConvolutionTwins.make(
            [4, 5, 32], filters: 32, padding: padding, activation: activation, l2: 0.01, seed: 19, algorithm: .winograd)
        GradientCheck.expectMatch(winograd, batch: 2, inputSeed: 6, seed: 7)
    }

    /// The same batch gives the same bits every time (each chunk sums its own images in order, and
    /// the chunks' sums are added in order).
    @Test func repeatedPassesGiveIdenticalResults() {
        let layer = directLayer([6, 6, 32], filters: 32, padding: .same, activation: .relu)
        let input = GradientCheck.randomValues(4 * 6 * 6 * 32, seed: 8)
        var runs: [[Float]] = []
        for _ in 0..<2 {
            var unused = SeededGenerator(seed: 0)
            input.withUnsafeBufferPointer { x in
                var output = Array(layer.forward(x, batch: 4, mode: .training, generator: &unused))
                let dx = output.withUnsafeMutableBufferPointer { Array(layer.backward($0, batch: 4, needsInputGradient: true)!) }
                runs.append(output + dx + Array(layer.kernel.gradient))
            }
        }
        #expect(runs[0] == runs[1])
    }
}
