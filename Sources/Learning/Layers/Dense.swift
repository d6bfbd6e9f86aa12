/// A fully connected layer and its gradients:
/// output [N, units] = activation(input [N, in] · kernel [in, units] + bias [units]).
/// Each product is one `blockedMatrixProduct` on the stored layouts: the same bits on any number
/// of threads, since the reduction (over the inputs, or over the batch for the kernel gradient)
/// always runs whole inside one single-threaded GEMM.
final class Dense: LayerKernel {
    let inputShape: [Int]
    let outputShape: [Int]
    let activation: Activation
    /// [in, units], Keras's layout.
    let kernel: Parameter
    /// [units].
    let bias: Parameter

    private let output = Workspace()
    private let inputGradient = Workspace()
    private var lastInput = UnsafeBufferPointer<Float>(start: nil, count: 0)
    private var lastOutput = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)

    /// A layer on flat inputs `inputShape` = [in].
    init(
        inputShape: [Int], units: Int, activation: Activation, l2: Float, initializer: Initializer,
        generator: inout SeededGenerator
    ) {
        precondition(inputShape.count == 1, "Dense needs flat inputs, got shape \(inputShape)")
        self.inputShape = inputShape
        self.outputShape = [units]
        self.activation = activation
        kernel = Parameter(shape: [inputShape[0], units], l2: l2)
        bias = Parameter(shape: [units])
        initializer.fill(kernel.value, fanIn: inputShape[0], fanOut: units, generator: &generator)
    }

    var parameters: [Parameter] { [kernel, bias] }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        let (inputs, units) = (inputShape[0], outputShape[0])
        precondition(input.count == batch * inputs, "Dense got \(input.count) inputs for batch \(batch) × \(inputs)")
        let y = output.prefix(batch * units)
        blockedMatrixProduct(input.baseAddress!, kernel.value.baseAddress!, into: y.baseAddress!, m: batch, n: units, k: inputs)
        activation.addBiasAndActivate(y.baseAddress!, rows: batch, columns: units, bias: bias.value.baseAddress!)
        lastInput = input
        lastOutput = y
        return UnsafeBufferPointer(y)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        let (inputs, units) = (inputShape[0], outputShape[0])
        let dy = outputGradient.baseAddress!
        activation.backward(
            dy, output: lastOutput.baseAddress!, rows: batch, columns: units,
            biasGradient: bias.gradient.baseAddress!)
        // d kernel [in, units] = input^T [in, N] · dy [N, units]
        blockedMatrixProduct(
            lastInput.baseAddress!, dy, into: kernel.gradient.baseAddress!, m: inputs, n: units, k: batch,
            transposeA: true)
        kernel.addL2Gradient()
        guard needsInputGradient else { return nil }
        // d input [N, in] = dy [N, units] · kernel^T [units, in]
        let dx = inputGradient.prefix(batch * inputs)
        blockedMatrixProduct(
            dy, kernel.value.baseAddress!, into: dx.baseAddress!, m: batch, n: inputs, k: units,
            transposeB: true)
        return dx
    }
}
