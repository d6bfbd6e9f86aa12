import Testing
@testable import Learning

/// Two Conv2D layers with the same weights computed two ways, run on the same batch and compared:
/// how the Winograd and direct paths are each checked against im2col.
enum ConvolutionTwins {
    /// Two 3×3 layers with the same kernel (drawn from `seed`) and a bias of small steps, the
    /// first computed by `fast`, the second by im2col.
    static func make(
        _ shape: [Int], filters: Int, padding: Layer.Padding, activation: Activation, l2: Float = 0, seed: UInt64,
        fast: ConvolutionAlgorithm
    ) -> (fast: Conv2D, im2col: Conv2D) {
        func make(_ algorithm: ConvolutionAlgorithm) -> Conv2D {
            var generator = SeededGenerator(seed: seed)
            let layer = Conv2D(inputShape: shape, filters: filters, kernelSize: 3, padding: padding, activation: activation, l2: l2, generator: &generator)
            layer.algorithm = algorithm
            layer.bias.tensor = Tensor(shape: [filters], scalars: (0..<filters).map { Float($0 % 7) * 0.1 - 0.2 })
            return layer
        }
        return (make(fast), make(.im2col))
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

    /// Expects `fast` and `reference` to give the same `pass` results within `tolerance`, naming
    /// the result that differs and by how much.
    static func expectAgreement(
        _ fast: Conv2D, _ reference: Conv2D, batch: Int, seed: UInt64, tolerance: Float,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let input = GradientCheck.randomValues(batch * fast.inputWidth, seed: seed)
        let dy = GradientCheck.randomValues(batch * fast.outputWidth, seed: seed + 1)
        let (a, b) = (pass(fast, input: input, outputGradient: dy, batch: batch), pass(reference, input: input, outputGradient: dy, batch: batch))
        for name in ["output", "input gradient", "parameter gradients"] {
            let (x, y) = (a[name] ?? [], b[name] ?? [])
            #expect(x.count == y.count, "\(name): \(x.count) against \(y.count) values", sourceLocation: sourceLocation)
            let worst = zip(x, y).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < tolerance, "\(name): largest difference \(worst)", sourceLocation: sourceLocation)
        }
    }
}
