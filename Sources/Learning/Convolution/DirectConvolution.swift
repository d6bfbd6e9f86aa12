import CConvolution

/// Convolution computed straight from the images, with no patch matrix: the AVX-512 kernels in
/// Sources/CConvolution, for any padding.
///
/// The C kernels read each image where it lies and keep a tile of outputs (or of kernel
/// gradients) in registers, so none of im2col's copying, OpenBLAS's packing or col2im's folding
/// happens. On the MNISTBayesianDropout network's second layer
/// (26×26×32 → 24×24×32) one core ran the forward pass and the
/// kernel gradient at 108-114 GFLOP/s, 2.2× as fast as im2col + single-threaded sgemm.
///
/// Layouts: images [batch, H, W, C], kernels [k, k, C, F], outputs [batch, outH, outW, F], all
/// row-major with channels fastest. The kernels compute 'valid' convolutions; for padding p each
/// image is first copied into `scratch` with p zero rows and columns around it
/// (`paddedImageLength` floats).
public enum DirectConvolution {
    /// Whether this CPU runs the direct kernels (it has AVX-512F).
    public static let isAvailable = direct_convolution_available()

    /// How this process computes convolutions, in words for a report's header.
    public static var active: String {
        isAvailable
            ? "AVX-512 kernels (direct, or Winograd for 3×3 on 16s of channels) where the filters come in 32s"
            : "im2col or Winograd + GEMM"
    }

    /// Whether a convolution producing `outputChannels` channels can run directly: the kernels
    /// work in blocks of 32 output channels.
    static func handles(outputChannels: Int) -> Bool {
        isAvailable && outputChannels > 0 && outputChannels % 32 == 0
    }

    /// The scratch floats one image of `geometry` needs: its padded copy, or none without padding.
    static func paddedImageLength(_ g: ConvolutionGeometry) -> Int {
        g.padding == 0 ? 0 : (g.height + 2 * g.padding) * (g.width + 2 * g.padding) * g.channels
    }
}

/// y [batch, outH, outW, filters] = relu?(conv(x [batch, H, W, C], kernel [k, k, C, filters]) + bias),
/// with `geometry`'s zero padding. `bias` may be nil. `filters` must be a multiple of 32 and the
/// CPU must have AVX-512F (`DirectConvolution.handles`). Serial: callers split the batch.
func convolveDirectly(
    _ x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, kernel: UnsafePointer<Float>,
    filters: Int, bias: UnsafePointer<Float>?, relu: Bool, scratch: UnsafeMutablePointer<Float>,
    into y: UnsafeMutablePointer<Float>
) {
    precondition(DirectConvolution.handles(outputChannels: filters), "direct convolution cannot make \(filters) filters here")
    forEachPaddedImage(x, batch: batch, geometry: g, scratch: scratch) { images, count, first, height, width in
        direct_convolution_forward(
            images, count, height, width, g.channels, kernel, g.kernel, filters, bias, relu,
            y + first * g.positions * filters)
    }
}

/// kernelGradient [k, k, C, filters] += Σ over the batch of the correlation of x [batch, H, W, C]
/// (zero-padded as `geometry` says) with dy [batch, outH, outW, filters]. Same conditions as
/// `convolveDirectly`.
func accumulateKernelGradientDirectly(
    _ x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, outputGradient dy: UnsafePointer<Float>,
    filters: Int, scratch: UnsafeMutablePointer<Float>, into kernelGradient: UnsafeMutablePointer<Float>
) {
    precondition(DirectConvolution.handles(outputChannels: filters), "direct convolution cannot make \(filters) filters here")
    forEachPaddedImage(x, batch: batch, geometry: g, scratch: scratch) { images, count, first, height, width in
        direct_convolution_kernel_gradient(
            images, count, height, width, g.channels, dy + first * g.positions * filters, g.kernel, filters,
            kernelGradient)
    }
}

/// Calls `body(images, count, first, height, width)` with the whole batch when there is no padding,
/// else once per image with that image zero-padded into `scratch`.
func forEachPaddedImage(
    _ x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, scratch: UnsafeMutablePointer<Float>,
    _ body: (_ images: UnsafePointer<Float>, _ count: Int, _ first: Int, _ height: Int, _ width: Int) -> Void
) {
    guard g.padding > 0 else {
        body(x, batch, 0, g.height, g.width)
        return
    }
    let (p, c) = (g.padding, g.channels)
    let (height, width) = (g.height + 2 * p, g.width + 2 * p)
    let (imageLength, rowLength, border) = (g.height * g.width * c, g.width * c, p * c)
    for n in 0..<batch {
        scratch.update(repeating: 0, count: p * width * c)
        for row in 0..<g.height {
            let target = scratch + (row + p) * width * c
            target.update(repeating: 0, count: border)
            (target + border).update(from: x + n * imageLength + row * rowLength, count: rowLength)
            (target + border + rowLength).update(repeating: 0, count: border)
        }
        (scratch + (g.height + p) * width * c).update(repeating: 0, count: p * width * c)
        body(scratch, 1, n, height, width)
    }
}
