/// A stride-1 2-D convolution and its gradients. `algorithm` says how it is computed; this file
/// holds the choice and the im2col + GEMM path:
/// output [N·outH·outW, filters] = activation(patches [N·outH·outW, k·k·C] · kernel [k·k·C, filters] + bias),
/// which is already the output's [N, outH, outW, filters] layout.
///
/// The batch is cut into chunks of at most `imagesPerChunk` images, fewer where a chunk's patch
/// matrix would not fit in a core's cache, and the cores take the chunks (`parallelChunks`): build
/// the chunk's patches, multiply them by a single-threaded GEMM, add the bias and activate, while
/// the chunk is still in cache. The backward pass rebuilds each chunk's patches (a cheap copy)
/// rather than keeping the whole batch's; each chunk writes the kernel gradient of its images on
/// its own, and the chunks' gradients are added in chunk order. The chunks depend on the batch
/// and the layer alone, never on the thread count, so the bits are the same on any number of
/// cores (of a CPU that runs the same kernels).
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
    /// The images a chunk of the batch holds at most: the unit of work a core takes, and of the
    /// kernel gradient's partial sums. A batch of 32 makes 4 chunks to share between the cores;
    /// chunks of 4 cost the FashionMarginAugmentation network 2 % of its training speed in adding
    /// the chunks' gradients (1 107 against 1 131 images/s on 2 threads).
    static let imagesPerChunk = 8

    /// How the passes are computed: `.winograd` for 3×3 kernels that the AVX-512 Winograd kernel
    /// handles, or on at least `winogradMinimumChannels` input channels and filters (with fewer,
    /// the portable path's 16 GEMMs are too thin to pay for its transforms), else `.direct` where
    /// `DirectConvolution` handles the filters, else `.im2col`.
    var algorithm: ConvolutionAlgorithm
    static let winogradMinimumChannels = 64
    /// The Winograd floats (input and product transforms) one worker handles at once: 1M floats, 4 MB.
    var winogradBudgetPerThread = 1 << 20
    /// The Winograd transform of the kernel [16, C, F], or of the turned kernel [16, F, C].
    let transformedKernel = Workspace()
    /// The kernel turned 180° with its channel axes swapped, [k, k, F, C]: the input gradient's kernel.
    let turnedKernel = Workspace()
    /// Each worker's scratch for the direct forward pass and the AVX-512 backward pass: padded
    /// images and output gradients, and the kernel gradient's Winograd transforms.
    let paddedImages = Workspace()
    /// Each worker's scratch for the Winograd forward pass and input gradient: V then M on the
    /// portable path, a padded image and one band's transforms on the AVX-512 one.
    let winogradScratch = Workspace()

    /// Each worker's patch matrix, one after the other.
    private let patches = Workspace()
    /// The gradients of chunks 1, 2, …, each a kernel gradient [k·k·C, filters] and a bias
    /// gradient [filters] (chunk 0 writes the parameters' own).
    private let chunkGradients = Workspace()
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
        if kernelSize == 3
            && (WinogradAVX512.handles(channels: inputShape[2], filters: filters)
                || min(inputShape[2], filters) >= Self.winogradMinimumChannels)
        {
            algorithm = .winograd
        } else if DirectConvolution.handles(outputChannels: filters) {
            algorithm = .direct
        } else {
            algorithm = .im2col
        }
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
        let y = output.prefix(batch * outputWidth).baseAddress!
        lastInput = input
        lastOutput = UnsafeMutableBufferPointer(start: y, count: batch * outputWidth)
        switch algorithm {
        case .direct: directForward(input.baseAddress!, batch: batch, into: y)
        case .winograd: winogradForward(input.baseAddress!, batch: batch, into: y)
        case .im2col: im2colForward(input.baseAddress!, batch: batch, into: y)
        }
        return UnsafeBufferPointer(lastOutput)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        let dy = outputGradient.baseAddress!
        let x = lastInput.baseAddress!
        let dx = needsInputGradient ? inputGradient.prefix(batch * inputWidth).baseAddress : nil
        if algorithm != .im2col && DirectConvolution.handles(outputChannels: filters) {
            directBackward(x, batch: batch, outputGradient: dy, output: lastOutput.baseAddress!, inputGradient: dx)
        } else {
            activation.backward(
                dy, output: lastOutput.baseAddress!, rows: batch * geometry.positions, columns: filters,
                biasGradient: bias.gradient.baseAddress!)
            im2colKernelGradient(x, batch: batch, outputGradient: dy)
            if let dx {
                if algorithm == .winograd {
                    winogradInputGradient(dy, batch: batch, into: dx)
                } else {
                    im2colInputGradient(dy, batch: batch, into: dx)
                }
            }
        }
        kernel.addL2Gradient()
        return dx.map { UnsafeMutableBufferPointer(start: $0, count: batch * inputWidth) }
    }

    /// Runs `body(worker, images, kernelGradient, biasGradient)` on every chunk of `imagesPerChunk`
    /// images of the batch, with the chunk's own gradients to overwrite (chunk 0 writes the
    /// parameters'), then adds the other chunks' kernel gradients, and bias gradients if
    /// `includingBias`, to the parameters' in chunk order: ((g₀ + g₁) + g₂) + …, whichever worker
    /// computed each.
    func accumulatingGradients(
        batch: Int, imagesPerChunk: Int, includingBias: Bool,
        _ body: (_ worker: Int, _ images: Range<Int>, _ kernelGradient: UnsafeMutablePointer<Float>, _ biasGradient: UnsafeMutablePointer<Float>) -> Void
    ) {
        let chunks = (batch + imagesPerChunk - 1) / imagesPerChunk
        let (kernelCount, perChunk) = (kernel.value.count, kernel.value.count + filters)
        let (dKernel, dBias) = (kernel.gradient.baseAddress!, bias.gradient.baseAddress!)
        let others = chunkGradients.prefix(max(1, (chunks - 1) * perChunk)).baseAddress!
        parallelChunks(count: batch, chunkSize: imagesPerChunk) { worker, chunk, images in
            guard chunk > 0 else { return body(worker, images, dKernel, dBias) }
            let own = others + (chunk - 1) * perChunk
            body(worker, images, own, own + kernelCount)
        }
        guard chunks > 1 else { return }
        // Element-wise over the gradient, each element summed over the chunks in order.
        let length = includingBias ? perChunk : kernelCount
        parallelRanges(count: length, minimumPerThread: 1 << 14) { range in
            let (kernelPart, biasPart) = (range.clamped(to: 0..<kernelCount), range.clamped(to: kernelCount..<length))
            for chunk in 0..<(chunks - 1) {
                let partial = others + chunk * perChunk
                for i in kernelPart { dKernel[i] += partial[i] }
                for i in biasPart { dBias[i - kernelCount] += partial[i] }
            }
        }
    }

    /// y = activation(patches · kernel + bias), chunk by chunk.
    private func im2colForward(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>) {
        let (positions, patchLength) = (geometry.positions, geometry.patchLength)
        let (w, b) = (UnsafePointer(kernel.value.baseAddress!), UnsafePointer(bias.value.baseAddress!))
        let (patchBase, patchesPerWorker, chunk) = patchMatrices(in: patches, batch: batch)
        parallelChunks(count: batch, chunkSize: chunk) { worker, _, images in
            let (first, count) = (images.lowerBound, images.count)
            let (patchMatrix, rows, chunkOutput) = (patchBase + worker * patchesPerWorker, count * positions, y + first * positions * filters)
            im2col(x + first * inputWidth, batch: count, geometry: geometry, into: patchMatrix)
            matrixProduct(patchMatrix, w, into: chunkOutput, m: rows, n: filters, k: patchLength)
            activation.addBiasAndActivateSerially(chunkOutput, rows: rows, columns: filters, bias: b)
        }
    }

    /// d kernel [k·k·C, filters] = Σ over chunks of patchesᵀ · dy, rebuilding each chunk's patches.
    private func im2colKernelGradient(_ x: UnsafePointer<Float>, batch: Int, outputGradient dy: UnsafePointer<Float>) {
        let (positions, patchLength) = (geometry.positions, geometry.patchLength)
        let (patchBase, patchesPerWorker, chunk) = patchMatrices(in: patches, batch: batch)
        accumulatingGradients(batch: batch, imagesPerChunk: chunk, includingBias: false) { worker, images, ownKernelGradient, _ in
            let (first, count) = (images.lowerBound, images.count)
            let patchMatrix = patchBase + worker * patchesPerWorker
            im2col(x + first * inputWidth, batch: count, geometry: geometry, into: patchMatrix)
            matrixProduct(
                patchMatrix, dy + first * positions * filters, into: ownKernelGradient, m: patchLength, n: filters,
                k: count * positions, transposeA: true)
        }
    }

    /// dx = the patch gradients dy [rows, filters] · kernelᵀ, folded back onto the pixels (col2im).
    func im2colInputGradient(_ dy: UnsafePointer<Float>, batch: Int, into dx: UnsafeMutablePointer<Float>) {
        let (positions, patchLength) = (geometry.positions, geometry.patchLength)
        let w = UnsafePointer(kernel.value.baseAddress!)
        let (dPatchBase, patchesPerWorker, chunk) = patchMatrices(in: patchGradient, batch: batch)
        parallelChunks(count: batch, chunkSize: chunk) { worker, _, images in
            let (first, count) = (images.lowerBound, images.count)
            let dPatches = dPatchBase + worker * patchesPerWorker
            matrixProduct(
                dy + first * positions * filters, w, into: dPatches, m: count * positions, n: patchLength, k: filters,
                transposeB: true)
            col2im(dPatches, batch: count, geometry: geometry, into: dx + first * inputWidth)
        }
    }

    /// Each worker's patch matrix in `workspace` for a batch of `batch`: where the first starts,
    /// the floats of each, and the images per chunk: at most `imagesPerChunk`, and few enough that
    /// a patch matrix holds at most `patchBudgetPerThread` floats.
    private func patchMatrices(in workspace: Workspace, batch: Int) -> (base: UnsafeMutablePointer<Float>, perWorker: Int, chunk: Int) {
        let perImage = geometry.positions * geometry.patchLength
        let chunk = max(1, min(Self.imagesPerChunk, patchBudgetPerThread / perImage))
        let workers = chunkWorkerCount(count: batch, chunkSize: chunk)
        return (workspace.prefix(workers * chunk * perImage).baseAddress!, chunk * perImage, chunk)
    }
}
