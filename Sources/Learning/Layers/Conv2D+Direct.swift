/// Conv2D's passes through the direct AVX-512 kernels (Tensor/DirectConvolution.swift), for layers
/// whose `algorithm` is `.direct`. Each worker takes a contiguous share of the batch; padded
/// layers copy one image at a time into the worker's own padded scratch.
extension Conv2D {
    /// y [batch, outH, outW, F] = activation(conv(x, kernel) + bias), bias and ReLU fused.
    func directForward(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>) {
        let (w, b) = (UnsafePointer(kernel.value.baseAddress!), UnsafePointer(bias.value.baseAddress!))
        let scratch = paddedScratch(batch: batch, geometry: geometry)
        parallelGEMMWorkers(count: batch, minimumPerThread: 1) { worker, images in
            convolveDirectly(
                x + images.lowerBound * inputWidth, batch: images.count, geometry: geometry, kernel: w, filters: filters,
                bias: b, relu: activation == .relu, scratch: scratch.base + worker * scratch.perWorker,
                into: y + images.lowerBound * outputWidth)
        }
    }

    /// d kernel = Σ over the batch of x ⋆ dy, each worker summing its images, the workers' sums
    /// added in worker order.
    func directKernelGradient(_ x: UnsafePointer<Float>, batch: Int, outputGradient dy: UnsafePointer<Float>) {
        let scratch = paddedScratch(batch: batch, geometry: geometry)
        let kernelCount = kernel.value.count
        accumulatingKernelGradient(batch: batch) { worker, images, ownKernelGradient in
            ownKernelGradient.update(repeating: 0, count: kernelCount)
            accumulateKernelGradientDirectly(
                x + images.lowerBound * inputWidth, batch: images.count, geometry: geometry,
                outputGradient: dy + images.lowerBound * outputWidth, filters: filters,
                scratch: scratch.base + worker * scratch.perWorker, into: ownKernelGradient)
        }
    }

    /// dx [batch, H, W, C] for dy [batch, outH, outW, F] (already through the activation's
    /// gradient): the convolution of dy, padded by k − 1 − padding, with the rotated kernel. Needs
    /// `DirectConvolution.handles(outputChannels: C)`.
    func directInputGradient(_ dy: UnsafePointer<Float>, batch: Int, into dx: UnsafeMutablePointer<Float>) {
        let (k, c, f) = (geometry.kernel, geometry.channels, filters)
        let turned = turnedKernel.prefix(k * k * c * f).baseAddress!
        rotatedKernel(kernel.value.baseAddress!, size: k, channels: c, filters: f, into: turned)
        let gradientGeometry = ConvolutionGeometry(
            height: geometry.outHeight, width: geometry.outWidth, channels: f, kernel: k, padding: k - 1 - geometry.padding)
        let scratch = paddedScratch(batch: batch, geometry: gradientGeometry)
        parallelGEMMWorkers(count: batch, minimumPerThread: 1) { worker, images in
            convolveDirectly(
                dy + images.lowerBound * outputWidth, batch: images.count, geometry: gradientGeometry,
                kernel: turned, filters: c, bias: nil, relu: false, scratch: scratch.base + worker * scratch.perWorker,
                into: dx + images.lowerBound * inputWidth)
        }
    }

    /// Each worker's padded-image scratch for `geometry`: where it starts and floats per worker.
    private func paddedScratch(batch: Int, geometry g: ConvolutionGeometry) -> (base: UnsafeMutablePointer<Float>, perWorker: Int) {
        let perWorker = max(1, DirectConvolution.paddedImageLength(g))
        let workers = gemmWorkerCount(count: batch, minimumPerThread: 1)
        return (paddedImages.prefix(workers * perWorker).baseAddress!, perWorker)
    }
}
