/// A stride-1 2-D convolution and its gradients, as im2col + GEMM:
/// output [N·outH·outW, filters] = activation(patches [N·outH·outW, k·k·C] · kernel [k·k·C, filters] + bias),
/// which is already the output's [N, outH, outW, filters] layout.
///
/// The batch is split between the cores (`parallelGEMMWorkers`), and each worker goes through its
/// images in chunks whose patch matrix fits in its cache: build the chunk's patches, multiply them
/// by a single-threaded GEMM, add the bias and activate, while the chunk is still in cache. The
/// backward pass rebuilds each chunk's patches (a cheap copy) rather than keeping the whole
/// batch's; each worker accumulates the kernel gradient of its images, and the workers' sums are
/// added in worker order, so the result depends only on the batch and the thread count.
///
/// 3×3 kernels over many channels take Winograd's F(2×2, 3×3) instead for the forward pass and the
/// input gradient (Conv2D+Winograd.swift): 2.25× fewer multiplications for the same numbers up
/// to rounding. The kernel gradient stays im2col + GEMM.
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

    /// Whether the forward pass and the input gradient run through Winograd F(2×2, 3×3): for
    /// 3×3 kernels on at least `winogradMinimumChannels` input channels and filters (fewer make
    /// its 16 GEMMs too thin to pay for the transforms).
    var usesWinograd: Bool
    static let winogradMinimumChannels = 64
    /// The Winograd floats (input and product transforms) one worker handles at once: 1M floats, 4 MB.
    var winogradBudgetPerThread = 1 << 20
    /// The Winograd transform of the kernel [16, C, F], or of the turned kernel [16, F, C].
    let transformedKernel = Workspace()
    /// The kernel turned 180° with its channel axes swapped, [3, 3, F, C].
    let turnedKernel = Workspace()
    /// Each worker's Winograd scratch: V then M.
    let winogradScratch = Workspace()

    /// Each worker's patch matrix, one after the other.
    private let patches = Workspace()
    /// The kernel gradients of workers 1, 2, …, each [k·k·C, filters] (worker 0 writes the
    /// parameter's own gradient).
    private let workerKernelGradients = Workspace()
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
        usesWinograd = kernelSize == 3 && min(inputShape[2], filters) >= Self.winogradMinimumChannels
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
        let y = output.prefix(batch * positions * filters).baseAddress!
        lastInput = input
        lastOutput = UnsafeMutableBufferPointer(start: y, count: batch * positions * filters)
        if usesWinograd {
            winogradForward(input.baseAddress!, batch: batch, into: y)
            return UnsafeBufferPointer(lastOutput)
        }
        let (x, w, b) = (input.baseAddress!, UnsafePointer(kernel.value.baseAddress!), UnsafePointer(bias.value.baseAddress!))
        let (workers, chunk) = split(batch)
        let patchesPerWorker = chunk * positions * patchLength
        let patchBase = patches.prefix(workers * patchesPerWorker).baseAddress!
        parallelGEMMWorkers(count: batch, minimumPerThread: 1) { worker, images in
            let patchMatrix = patchBase + worker * patchesPerWorker
            for first in stride(from: images.lowerBound, to: images.upperBound, by: chunk) {
                let count = min(images.upperBound, first + chunk) - first
                let (rows, chunkOutput) = (count * positions, y + first * positions * filters)
                im2col(x + first * inputWidth, batch: count, geometry: geometry, into: patchMatrix)
                matrixProduct(patchMatrix, w, into: chunkOutput, m: rows, n: filters, k: patchLength)
                activation.addBiasAndActivateSerially(chunkOutput, rows: rows, columns: filters, bias: b)
            }
        }
        return UnsafeBufferPointer(lastOutput)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        let (positions, patchLength) = (geometry.positions, geometry.patchLength)
        let dy = outputGradient.baseAddress!
        activation.backward(
            dy, output: lastOutput.baseAddress!, rows: batch * positions, columns: filters,
            biasGradient: bias.gradient.baseAddress!)
        let dx = needsInputGradient ? inputGradient.prefix(batch * inputWidth).baseAddress : nil
        let (x, w) = (lastInput.baseAddress!, UnsafePointer(kernel.value.baseAddress!))
        let (workers, chunk) = split(batch)
        let patchesPerWorker = chunk * positions * patchLength
        let patchBase = patches.prefix(workers * patchesPerWorker).baseAddress!
        let patchesFolded = needsInputGradient && !usesWinograd
        let dPatchBase = patchGradient.prefix(patchesFolded ? workers * patchesPerWorker : 0).baseAddress
        let kernelCount = kernel.value.count
        let dKernel = kernel.gradient.baseAddress!
        let dKernelOthers = workerKernelGradients.prefix((workers - 1) * kernelCount).baseAddress
        parallelGEMMWorkers(count: batch, minimumPerThread: 1) { worker, images in
            let patchMatrix = patchBase + worker * patchesPerWorker
            let ownKernelGradient = worker == 0 ? dKernel : dKernelOthers! + (worker - 1) * kernelCount
            for first in stride(from: images.lowerBound, to: images.upperBound, by: chunk) {
                let count = min(images.upperBound, first + chunk) - first
                let (rows, chunkGradient) = (count * positions, dy + first * positions * filters)
                im2col(x + first * inputWidth, batch: count, geometry: geometry, into: patchMatrix)
                // d kernel [k·k·C, filters] += patches^T [k·k·C, rows] · dy [rows, filters]
                matrixProduct(
                    patchMatrix, chunkGradient, into: ownKernelGradient, m: patchLength, n: filters, k: rows,
                    transposeA: true, beta: first == images.lowerBound ? 0 : 1)
                guard patchesFolded, let dx, let dPatchBase else { continue }
                // d patches [rows, k·k·C] = dy [rows, filters] · kernel^T, then folded back onto the pixels.
                let dPatches = dPatchBase + worker * patchesPerWorker
                matrixProduct(chunkGradient, w, into: dPatches, m: rows, n: patchLength, k: filters, transposeB: true)
                col2im(dPatches, batch: count, geometry: geometry, into: dx + first * inputWidth)
            }
        }
        for other in 0..<(workers - 1) {
            let partial = dKernelOthers! + other * kernelCount
            for i in 0..<kernelCount { dKernel[i] += partial[i] }
        }
        if usesWinograd, let dx { winogradInputGradient(dy, batch: batch, into: dx) }
        kernel.addL2Gradient()
        return dx.map { UnsafeMutableBufferPointer(start: $0, count: batch * inputWidth) }
    }

    /// The workers `parallelGEMMWorkers` will use for `batch` images, and the images per chunk,
    /// so that each worker's patch matrix holds at most `patchBudgetPerThread` floats.
    private func split(_ batch: Int) -> (workers: Int, chunk: Int) {
        let workers = gemmWorkerCount(count: batch, minimumPerThread: 1)
        let chunk = max(1, min((batch + workers - 1) / workers, patchBudgetPerThread / (geometry.positions * geometry.patchLength)))
        return (workers, chunk)
    }
}
