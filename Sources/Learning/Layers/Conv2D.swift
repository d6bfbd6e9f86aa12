/// A stride-1 2-D convolution and its gradients, as im2col + GEMM:
/// output [N·outH·outW, filters] = activation(patches [N·outH·outW, k·k·C] · kernel [k·k·C, filters] + bias),
/// which is already the output's [N, outH, outW, filters] layout.
///
/// The batch goes through in chunks of a few images whose patch matrix fits in cache: build the
/// chunk's patches, multiply them at once. The backward pass rebuilds each chunk's patches (a
/// cheap copy) rather than keeping the whole batch's, and accumulates the kernel gradient over
/// the chunks.
final class Conv2D: LayerKernel {
    let inputShape: [Int]
    let outputShape: [Int]
    let geometry: ConvolutionGeometry
    let filters: Int
    let activation: Activation
    /// [k, k, inChannels, filters], Keras's layout (= [k·k·C, filters] as a matrix).
    let kernel: Parameter
    /// [filters].
    let bias: Parameter

    /// The patch floats built at once per thread: 256K floats, 1 MB, about one core's L2 cache.
    var patchBudgetPerThread = 1 << 18

    private let patches = Workspace()
    private let output = Workspace()
    private let patchGradient = Workspace()
    private let inputGradient = Workspace()
    private var lastInput = UnsafeBufferPointer<Float>(start: nil, count: 0)
    private var lastOutput = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)

    /// A convolution of images `inputShape` = [H, W, C].
    init(
        inputShape: [Int], filters: Int, kernelSize: Int, padding: Layer.Padding, activation: Activation,
        l2: Float, generator: inout SeededGenerator
    ) {
        precondition(inputShape.count == 3, "Conv2D needs [H, W, C] inputs, got \(inputShape)")
        geometry = ConvolutionGeometry(
            height: inputShape[0], width: inputShape[1], channels: inputShape[2], kernel: kernelSize,
            padding: padding == .same ? (kernelSize - 1) / 2 : 0)
        precondition(geometry.outHeight > 0 && geometry.outWidth > 0,
                     "Conv2D kernel \(kernelSize) does not fit input \(inputShape)")
        self.inputShape = inputShape
        self.outputShape = [geometry.outHeight, geometry.outWidth, filters]
        self.filters = filters
        self.activation = activation
        kernel = Parameter(shape: [kernelSize, kernelSize, inputShape[2], filters], l2: l2)
        bias = Parameter(shape: [filters])
        let area = kernelSize * kernelSize
        Initializer.glorotUniform.fill(
            kernel.value, fanIn: area * inputShape[2], fanOut: area * filters, generator: &generator)
    }

    var parameters: [Parameter] { [kernel, bias] }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        precondition(input.count == batch * inputWidth, "Conv2D got \(input.count) inputs for batch \(batch) × \(inputShape)")
        let (positions, patchLength) = (geometry.positions, geometry.patchLength)
        let y = output.prefix(batch * positions * filters)
        let chunk = chunkSize(batch)
        let patchMatrix = patches.prefix(chunk * positions * patchLength).baseAddress!
        for first in stride(from: 0, to: batch, by: chunk) {
            let images = first..<min(batch, first + chunk)
            let (rows, chunkOutput) = (images.count * positions, y.baseAddress! + first * positions * filters)
            buildPatches(of: input.baseAddress!, images: images, into: patchMatrix)
            matrixProduct(patchMatrix, kernel.value.baseAddress!, into: chunkOutput, m: rows, n: filters, k: patchLength)
            activation.addBiasAndActivate(chunkOutput, rows: rows, columns: filters, bias: bias.value.baseAddress!)
        }
        lastInput = input
        lastOutput = y
        return UnsafeBufferPointer(y)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        let (positions, patchLength) = (geometry.positions, geometry.patchLength)
        let dy = outputGradient.baseAddress!
        activation.backward(
            dy, output: lastOutput.baseAddress!, rows: batch * positions, columns: filters,
            biasGradient: bias.gradient.baseAddress!)
        let dx = needsInputGradient ? inputGradient.prefix(batch * inputWidth) : nil
        let chunk = chunkSize(batch)
        let patchMatrix = patches.prefix(chunk * positions * patchLength).baseAddress!
        let dPatches = patchGradient.prefix(needsInputGradient ? chunk * positions * patchLength : 0).baseAddress
        for first in stride(from: 0, to: batch, by: chunk) {
            let images = first..<min(batch, first + chunk)
            let (rows, chunkGradient) = (images.count * positions, dy + first * positions * filters)
            buildPatches(of: lastInput.baseAddress!, images: images, into: patchMatrix)
            // d kernel [k·k·C, filters] += patches^T [k·k·C, rows] · dy [rows, filters]
            matrixProduct(
                patchMatrix, chunkGradient, into: kernel.gradient.baseAddress!, m: patchLength, n: filters, k: rows,
                transposeA: true, beta: first == 0 ? 0 : 1)
            guard let dx, let dPatches else { continue }
            // d patches [rows, k·k·C] = dy [rows, filters] · kernel^T, then folded back onto the pixels.
            matrixProduct(
                chunkGradient, kernel.value.baseAddress!, into: dPatches, m: rows, n: patchLength, k: filters,
                transposeB: true)
            parallelRanges(count: images.count, minimumPerThread: 2) { part in
                col2im(
                    dPatches + part.lowerBound * positions * patchLength, batch: part.count, geometry: geometry,
                    into: dx.baseAddress! + (first + part.lowerBound) * inputWidth)
            }
        }
        kernel.addL2Gradient()
        return dx
    }

    /// Images per chunk, so that each thread's share of a chunk's patch matrix holds at most
    /// `patchBudgetPerThread` floats.
    private func chunkSize(_ batch: Int) -> Int {
        let budget = patchBudgetPerThread * max(1, BLASKernels.threads)
        return max(1, min(batch, budget / (geometry.positions * geometry.patchLength)))
    }

    /// Writes the patch matrix of `images` (a range of the batch in `input`) into `patchMatrix`,
    /// threads splitting the images.
    private func buildPatches(of input: UnsafePointer<Float>, images: Range<Int>, into patchMatrix: UnsafeMutablePointer<Float>) {
        let patchesPerImage = geometry.positions * geometry.patchLength
        parallelRanges(count: images.count, minimumPerThread: 2) { part in
            im2col(
                input + (images.lowerBound + part.lowerBound) * inputWidth, batch: part.count, geometry: geometry,
                into: patchMatrix + part.lowerBound * patchesPerImage)
        }
    }
}
