import Testing
@testable import Learning

/// A Conv2D layer computed by one of its paths, run on a batch beside the reference loops
/// (NaiveConvolution) on the same weights, and compared: how the im2col, Winograd and direct
/// paths are each checked.
enum ConvolutionTwins {
    /// A 3×3 layer computed by `algorithm`, its kernel drawn from `seed` and a bias of small steps.
    static func make(
        _ shape: [Int], filters: Int, padding: Layer.Padding, activation: Activation, l2: Float = 0, seed: UInt64,
        algorithm: ConvolutionAlgorithm
    ) -> Conv2D {
        var generator = SeededGenerator(seed: seed)
        let layer = Conv2D(inputShape: shape, filters: filters, kernelSize: 3, padding: padding, activation: activation, l2: l2, generator: &generator)
        layer.algorithm = algorithm
        layer.bias.tensor = Tensor(shape: [filters], scalars: (0..<filters).map { Float($0 % 7) * 0.1 - 0.2 })
        return layer
    }

    /// What one forward and backward pass of `layer` gives: its outputs, its input gradient, and
    /// its kernel gradient followed by its bias gradient.
    static func pass(_ layer: Conv2D, input: [Float], outputGradient: [Float], batch: Int) -> [String: [Float]] {
        var unused = SeededGenerator(seed: 0)
        return input.withUnsafeBufferPointer { x in
            let output = Array(layer.forward(x, batch: batch, mode: .training, generator: &unused))
            var gradient = outputGradient
            let dx = gradient.withUnsafeMutableBufferPointer { Array(layer.backward($0, batch: batch, needsInputGradient: true)!) }
            return ["output": output, "input gradient": dx, "parameter gradients": Array(layer.kernel.gradient) + Array(layer.bias.gradient)]
        }
    }

    /// What `pass` should give, by the reference loops on `layer`'s weights: the bias added and
    /// ReLU applied forward, its mask applied to dy backward, and L2's 2λw added to the kernel gradient.
    static func referencePass(_ layer: Conv2D, input: [Float], outputGradient: [Float], batch: Int) -> [String: [Float]] {
        let (g, filters) = (layer.geometry, layer.filters)
        let (w, b) = (layer.kernel.tensor.scalars, layer.bias.tensor.scalars)
        var output = NaiveConvolution.forward(input, kernel: w, bias: b, batch: batch, geometry: g, filters: filters)
        var dy = outputGradient
        if layer.activation == .relu {
            output = output.map { max(0, $0) }
            for i in dy.indices where output[i] <= 0 { dy[i] = 0 }
        }
        let dx = NaiveConvolution.inputGradient(dy, kernel: w, batch: batch, geometry: g, filters: filters)
        var dw = NaiveConvolution.kernelGradient(input: input, outputGradient: dy, batch: batch, geometry: g, filters: filters)
        if layer.kernel.l2 > 0 {
            for i in dw.indices { dw[i] += 2 * layer.kernel.l2 * w[i] }
        }
        return ["output": output, "input gradient": dx, "parameter gradients": dw + NaiveConvolution.biasGradient(dy, filters: filters)]
    }

    /// Expects `layer` to give the reference loops' results within `tolerance`, naming the result
    /// that differs and by how much.
    static func expectAgreement(
        _ layer: Conv2D, batch: Int, seed: UInt64, tolerance: Float, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let input = GradientCheck.randomValues(batch * layer.inputWidth, seed: seed)
        let dy = GradientCheck.randomValues(batch * layer.outputWidth, seed: seed + 1)
        let reference = referencePass(layer, input: input, outputGradient: dy, batch: batch)
        let fast = pass(layer, input: input, outputGradient: dy, batch: batch)
        for name in ["output", "input gradient", "parameter gradients"] {
            let (x, y) = (fast[name] ?? [], reference[name] ?? [])
            #expect(x.count == y.count, "\(name): \(x.count) against \(y.count) values", sourceLocation: sourceLocation)
            let worst = zip(x, y).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < tolerance, "\(name): largest difference \(worst)", sourceLocation: sourceLocation)
        }
    }
}
