/// Conv2D's forward pass and input gradient by Winograd F(2×2, 3×3), for layers whose `algorithm`
/// is `.winograd`: by the AVX-512 kernel (WinogradAVX512.swift) where it handles the
/// channels, else by the portable transforms and OpenBLAS (Winograd.swift). The batch is
/// split between the cores as in the im2col path, each worker taking its images in chunks whose
/// transforms fit `winogradBudgetPerThread` on the portable path.
extension Conv2D {
    /// y [batch, outH, outW, F] = activation(conv(x, kernel) + bias) for x [batch, H, W, C].
    func winogradForward(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>) {
        let (c, f) = (geometry.channels, filters)
        let u = transformedKernel.prefix(16 * c * f).baseAddress!
        winogradKernelTransform(kernel.value.baseAddress!, channels: c, filters: f, into: u)
        let b = UnsafePointer(bias.value.baseAddress!)
        convolveByWinograd(
            x, batch: batch, geometry: geometry, transformedKernel: u, filters: f, bias: b, activation: activation,
            inputWidth: inputWidth, outputWidth: outputWidth, into: y)
    }

    /// dx [batch, H, W, C] for dy [batch, outH, outW, F] (already through the activation's
    /// gradient): the convolution of dy, padded by 2 − padding, with the kernel turned 180° and its
    /// channel axes swapped.
    func winogradInputGradient(_ dy: UnsafePointer<Float>, batch: Int, into dx: UnsafeMutablePointer<Float>) {
        let (c, f) = (geometry.channels, filters)
        let turned = turnedKernel.prefix(9 * c * f).baseAddress!
        rotatedKernel(kernel.value.baseAddress!, size: 3, channels: c, filters: f, into: turned)
        let u = transformedKernel.prefix(16 * c * f).baseAddress!
        winogradKernelTransform(turned, channels: f, filters: c, into: u)
        let gradientGeometry = ConvolutionGeometry(
            height: geometry.outHeight, width: geometry.outWidth, channels: f, kernel: 3, padding: 2 - geometry.padding)
        convolveByWinograd(
            dy, batch: batch, geometry: gradientGeometry, transformedKernel: u, filters: c, bias: nil,
            activation: .linear, inputWidth: outputWidth, outputWidth: inputWidth, into: dx)
    }

    /// `winogradConvolution` over the batch, chunk by chunk.
    private func convolveByWinograd(
        _ x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, transformedKernel u: UnsafePointer<Float>,
        filters f: Int, bias: UnsafePointer<Float>?, activation: Activation, inputWidth: Int, outputWidth: Int,
        into y: UnsafeMutablePointer<Float>
    ) {
        if WinogradAVX512.handles(channels: g.channels, filters: f) {
            let perWorker = WinogradAVX512.scratchLength(g)
            let workers = chunkWorkerCount(count: batch, chunkSize: Self.imagesPerChunk)
            let scratch = winogradScratch.prefix(workers * perWorker).baseAddress!
            parallelChunks(count: batch, chunkSize: Self.imagesPerChunk) { worker, _, images in
                convolveByWinogradAVX512(
                    x + images.lowerBound * inputWidth, batch: images.count, geometry: g, transformedKernel: u, filters: f,
                    bias: bias, relu: activation == .relu, scratch: scratch + worker * perWorker,
                    into: y + images.lowerBound * outputWidth)
            }
            return
        }
        let tilesPerImage = winogradTiles(g)
        let perImage = 16 * tilesPerImage * (g.channels + f)
        let chunk = max(1, min(Self.imagesPerChunk, winogradBudgetPerThread / perImage))
        let workers = chunkWorkerCount(count: batch, chunkSize: chunk)
        let (inputScratch, productScratch) = (16 * chunk * tilesPerImage * g.channels, 16 * chunk * tilesPerImage * f)
        let scratch = winogradScratch.prefix(workers * (inputScratch + productScratch)).baseAddress!
        parallelChunks(count: batch, chunkSize: chunk) { worker, _, images in
            let v = scratch + worker * (inputScratch + productScratch)
            winogradConvolution(
                x + images.lowerBound * inputWidth, batch: images.count, geometry: g, transformedKernel: u, filters: f,
                bias: bias, activation: activation, scratch: v, v + inputScratch, into: y + images.lowerBound * outputWidth)
        }
    }
}
