/// Conv2D's passes through the AVX-512 kernels: the forward pass of `.direct` layers
/// (DirectConvolution.swift), and the backward pass of every layer whose filters those
/// kernels handle, direct or Winograd (WinogradAVX512.swift). The cores take the batch's chunks of
/// `imagesPerChunk` images; padded layers copy one image at a time into the worker's own scratch.
extension Conv2D {
    /// y [batch, outH, outW, F] = activation(conv(x, kernel) + bias), bias and ReLU fused.
    func directForward(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>) {
        let (w, b) = (UnsafePointer(kernel.value.baseAddress!), UnsafePointer(bias.value.baseAddress!))
        let perWorker = DirectConvolution.paddedImageLength(geometry)
        let scratch = paddedScratch(batch: batch, floatsPerWorker: perWorker)
        parallelChunks(count: batch, chunkSize: Self.imagesPerChunk) { worker, _, images in
            convolveDirectly(
                x + images.lowerBound * inputWidth, batch: images.count, geometry: geometry, kernel: w, filters: filters,
                bias: b, relu: activation == .relu, scratch: scratch + worker * perWorker,
                into: y + images.lowerBound * outputWidth)
        }
    }

    /// The whole backward pass of a layer whose filters the AVX-512 kernels handle, image by
    /// image while the image's output gradient dy is in cache: the activation's gradient and the
    /// bias gradient, the kernel gradient x ⋆ dy, and the input gradient (dy, padded by
    /// k − 1 − padding, convolved with the rotated kernel), each by the direct or the Winograd
    /// AVX-512 kernel as `algorithm` says and the channels allow. Where neither handles the input
    /// channels, the input gradient runs on the whole batch once every image is done.
    func directBackward(
        _ x: UnsafePointer<Float>, batch: Int, outputGradient dy: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>,
        inputGradient dx: UnsafeMutablePointer<Float>?
    ) {
        let (k, c, f) = (geometry.kernel, geometry.channels, filters)
        let gradientGeometry = ConvolutionGeometry(
            height: geometry.outHeight, width: geometry.outWidth, channels: f, kernel: k, padding: k - 1 - geometry.padding)
        let byWinograd = algorithm == .winograd
        let perImage = dx != nil
            && (byWinograd ? WinogradAVX512.handles(channels: f, filters: c) : DirectConvolution.handles(outputChannels: c))
        // The rotated kernel, and its Winograd transform, for the input gradient image by image.
        let turned = turnedKernel.prefix(max(1, k * k * c * f)).baseAddress!
        let transformed = transformedKernel.prefix(max(1, 16 * c * f)).baseAddress!
        if perImage {
            rotatedKernel(kernel.value.baseAddress!, size: k, channels: c, filters: f, into: turned)
            if byWinograd { winogradKernelTransform(turned, channels: f, filters: c, into: transformed) }
        }
        let kernelByWinograd = byWinograd && WinogradAVX512.handles(channels: c, filters: f)
        let imageScratch = kernelByWinograd
            ? WinogradAVX512.kernelGradientScratchLength(geometry, filters: f) : DirectConvolution.paddedImageLength(geometry)
        let gradientScratch = !perImage ? 0
            : byWinograd ? WinogradAVX512.scratchLength(gradientGeometry) : DirectConvolution.paddedImageLength(gradientGeometry)
        let scratch = paddedScratch(batch: batch, floatsPerWorker: imageScratch + gradientScratch)
        let kernelCount = kernel.value.count
        accumulatingGradients(batch: batch, imagesPerChunk: Self.imagesPerChunk, includingBias: true) { worker, images, dKernel, dBias in
            dKernel.update(repeating: 0, count: kernelCount)
            dBias.update(repeating: 0, count: f)
            let ownScratch = scratch + worker * (imageScratch + gradientScratch)
            let winogradKernelGradient = WinogradKernelGradient(geometry: geometry, filters: f, scratch: ownScratch)
            if kernelByWinograd { winogradKernelGradient.begin() }
            defer { if kernelByWinograd { winogradKernelGradient.finish(into: dKernel) } }
            for n in images {
                let imageGradient = dy + n * outputWidth
                activation.backwardSerially(
                    imageGradient, output: output + n * outputWidth, rows: geometry.positions, columns: f,
                    addingBiasGradientTo: dBias)
                if kernelByWinograd {
                    winogradKernelGradient.add(x + n * inputWidth, batch: 1, outputGradient: imageGradient)
                } else {
                    accumulateKernelGradientDirectly(
                        x + n * inputWidth, batch: 1, geometry: geometry, outputGradient: imageGradient, filters: f,
                        scratch: ownScratch, into: dKernel)
                }
                guard perImage, let dx else { continue }
                if byWinograd {
                    convolveByWinogradAVX512(
                        imageGradient, batch: 1, geometry: gradientGeometry, transformedKernel: transformed, filters: c,
                        bias: nil, relu: false, scratch: ownScratch + imageScratch, into: dx + n * inputWidth)
                } else {
                    convolveDirectly(
                        imageGradient, batch: 1, geometry: gradientGeometry, kernel: turned, filters: c, bias: nil,
                        relu: false, scratch: ownScratch + imageScratch, into: dx + n * inputWidth)
                }
            }
        }
        guard let dx, !perImage else { return }
        if byWinograd {
            winogradInputGradient(dy, batch: batch, into: dx)
        } else {
            im2colInputGradient(dy, batch: batch, into: dx)
        }
    }

    /// The start of the workers' scratch, `floatsPerWorker` each, one after the other.
    private func paddedScratch(batch: Int, floatsPerWorker: Int) -> UnsafeMutablePointer<Float> {
        paddedImages.prefix(max(1, chunkWorkerCount(count: batch, chunkSize: Self.imagesPerChunk) * floatsPerWorker)).baseAddress!
    }
}
