/// Conv2D's passes through the direct AVX-512 kernels (Tensor/DirectConvolution.swift), for layers
/// whose `algorithm` is `.direct` (and the kernel gradient of `.winograd` layers). Each worker
/// takes a contiguous share of the batch; padded layers copy one image at a time into the
/// worker's own padded scratch.
extension Conv2D {
    /// y [batch, outH, outW, F] = activation(conv(x, kernel) + bias), bias and ReLU fused.
    func directForward(_ x: UnsafePointer<Float>, batch: Int, into y: UnsafeMutablePointer<Float>) {
        let (w, b) = (UnsafePointer(kernel.value.baseAddress!), UnsafePointer(bias.value.baseAddress!))
        let scratch = paddedScratch(batch: batch, floatsPerWorker: DirectConvolution.paddedImageLength(geometry))
        parallelGEMMWorkers(count: batch, minimumPerThread: 1) { worker, images in
            convolveDirectly(
                x + images.lowerBound * inputWidth, batch: images.count, geometry: geometry, kernel: w, filters: filters,
                bias: b, relu: activation == .relu, scratch: scratch + worker * DirectConvolution.paddedImageLength(geometry),
                into: y + images.lowerBound * outputWidth)
        }
    }

    /// The whole backward pass of a `.direct` layer, image by image while the image's output
    /// gradient dy is in cache: the activation's gradient and the bias gradient, the kernel
    /// gradient x ⋆ dy, and the input gradient (dy, padded by k − 1 − padding, convolved with the
    /// rotated kernel). Where the input channels do not come in 32s, the input gradient runs by
    /// im2col once every image is done.
    func directBackward(
        _ x: UnsafePointer<Float>, batch: Int, outputGradient dy: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>,
        inputGradient dx: UnsafeMutablePointer<Float>?
    ) {
        let (k, c, f) = (geometry.kernel, geometry.channels, filters)
        let gradientGeometry = ConvolutionGeometry(
            height: geometry.outHeight, width: geometry.outWidth, channels: f, kernel: k, padding: k - 1 - geometry.padding)
        let directInput = dx != nil && DirectConvolution.handles(outputChannels: c)
        let turned = turnedKernel.prefix(directInput ? k * k * c * f : 0).baseAddress
        if directInput, let turned { rotatedKernel(kernel.value.baseAddress!, size: k, channels: c, filters: f, into: turned) }
        let (imageScratch, gradientScratch) = (
            DirectConvolution.paddedImageLength(geometry), directInput ? DirectConvolution.paddedImageLength(gradientGeometry) : 0
        )
        let scratch = paddedScratch(batch: batch, floatsPerWorker: imageScratch + gradientScratch)
        let kernelCount = kernel.value.count
        accumulatingGradients(batch: batch, includingBias: true) { worker, images, dKernel, dBias in
            dKernel.update(repeating: 0, count: kernelCount)
            dBias.update(repeating: 0, count: f)
            let ownScratch = scratch + worker * (imageScratch + gradientScratch)
            for n in images {
                let imageGradient = dy + n * outputWidth
                activation.backwardSerially(
                    imageGradient, output: output + n * outputWidth, rows: geometry.positions, columns: f,
                    addingBiasGradientTo: dBias)
                accumulateKernelGradientDirectly(
                    x + n * inputWidth, batch: 1, geometry: geometry, outputGradient: imageGradient, filters: f,
                    scratch: ownScratch, into: dKernel)
                guard directInput, let dx, let turned else { continue }
                convolveDirectly(
                    imageGradient, batch: 1, geometry: gradientGeometry, kernel: turned, filters: c, bias: nil, relu: false,
                    scratch: ownScratch + imageScratch, into: dx + n * inputWidth)
            }
        }
        if let dx, !directInput { im2colInputGradient(dy, batch: batch, into: dx) }
    }

    /// d kernel = Σ over the batch of x ⋆ dy for a dy already through the activation's gradient
    /// (the `.winograd` layers' kernel gradient).
    func directKernelGradient(_ x: UnsafePointer<Float>, batch: Int, outputGradient dy: UnsafePointer<Float>) {
        let scratch = paddedScratch(batch: batch, floatsPerWorker: DirectConvolution.paddedImageLength(geometry))
        let kernelCount = kernel.value.count
        accumulatingGradients(batch: batch, includingBias: false) { worker, images, ownKernelGradient, _ in
            ownKernelGradient.update(repeating: 0, count: kernelCount)
            accumulateKernelGradientDirectly(
                x + images.lowerBound * inputWidth, batch: images.count, geometry: geometry,
                outputGradient: dy + images.lowerBound * outputWidth, filters: filters,
                scratch: scratch + worker * DirectConvolution.paddedImageLength(geometry), into: ownKernelGradient)
        }
    }

    /// The start of the workers' scratch, `floatsPerWorker` each, one after the other.
    private func paddedScratch(batch: Int, floatsPerWorker: Int) -> UnsafeMutablePointer<Float> {
        paddedImages.prefix(max(1, gemmWorkerCount(count: batch, minimumPerThread: 1) * floatsPerWorker)).baseAddress!
    }
}
