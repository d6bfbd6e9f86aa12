import CConvolution

/// Winograd F(2×2, 3×3) in AVX-512 kernels (Sources/CConvolution/WinogradConvolution.c): the
/// input transform, the 16 products and the output transform of each band of tiles while it is
/// in cache, where the portable path (Winograd.swift) writes every transform to memory and
/// multiplies through OpenBLAS; and the kernel gradient by the same transforms
/// (`WinogradKernelGradient`). For 3×3 kernels it does 2.25× fewer multiplications than the
/// direct kernels: on one core, the MNISTBayesianDropout network's 26×26×32 → 32 layer took
/// 4.4 ms per 64 images against 6.4 ms directly, the FashionMarginAugmentation network's
/// 16×16×64 → 128 4.7 against 8.8 ms.
///
/// Layouts as in DirectConvolution.swift; the kernel comes transformed, U [16, C, F]
/// (`winogradKernelTransform`).
enum WinogradAVX512 {
    /// Whether the kernel handles `channels` input channels and `filters` output channels: the
    /// transforms take channels in 16s, the products filters in 32s.
    static func handles(channels: Int, filters: Int) -> Bool {
        DirectConvolution.handles(outputChannels: filters) && channels > 0 && channels % 16 == 0
    }

    /// The scratch floats a worker needs for `geometry`: a padded image and the transforms of one
    /// row of tiles.
    static func scratchLength(_ g: ConvolutionGeometry) -> Int {
        DirectConvolution.paddedImageLength(g) + winograd_convolution_scratch_floats(g.width + 2 * g.padding, g.channels)
    }
}

/// y [batch, outH, outW, filters] = relu?(conv3×3(x) + bias) for x [batch, H, W, C] with
/// `geometry`'s padding, given the kernel's transform `u` [16, C, filters]. `bias` may be nil;
/// `WinogradAVX512.handles` must hold and `scratch` hold `WinogradAVX512.scratchLength` floats.
/// Serial: callers split the batch.
func convolveByWinogradAVX512(
    _ x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, transformedKernel u: UnsafePointer<Float>,
    filters: Int, bias: UnsafePointer<Float>?, relu: Bool, scratch: UnsafeMutablePointer<Float>,
    into y: UnsafeMutablePointer<Float>
) {
    precondition(g.kernel == 3 && WinogradAVX512.handles(channels: g.channels, filters: filters),
                 "the AVX-512 Winograd kernel cannot take \(g.kernel)×\(g.kernel) from \(g.channels) to \(filters) channels")
    let transforms = scratch + DirectConvolution.paddedImageLength(g)
    forEachPaddedImage(x, batch: batch, geometry: g, scratch: scratch) { images, count, first, height, width in
        winograd_convolution_forward(
            images, count, height, width, g.channels, u, filters, bias, relu, transforms, y + first * g.positions * filters)
    }
}

extension WinogradAVX512 {
    /// The scratch floats a worker needs to accumulate the kernel gradient for `geometry` and
    /// `filters`: the transformed gradient M [16, C, F], a padded image, and the transforms of
    /// one band of tiles.
    static func kernelGradientScratchLength(_ g: ConvolutionGeometry, filters: Int) -> Int {
        16 * g.channels * filters + DirectConvolution.paddedImageLength(g)
            + winograd_kernel_gradient_scratch_floats(g.width + 2 * g.padding, g.channels, filters)
    }
}

/// The kernel gradient by Winograd's transforms, in two steps: `begin` clears the transformed
/// gradient at the start of `scratch`, `add` adds the tiles of a batch x [batch, H, W, C] (with
/// `geometry`'s padding) and its output gradient dy [batch, outH, outW, filters] to it, and
/// `finish` adds the kernel gradient [3, 3, C, filters] they make to `kernelGradient`.
/// `scratch` holds `WinogradAVX512.kernelGradientScratchLength` floats. Serial.
struct WinogradKernelGradient {
    let geometry: ConvolutionGeometry
    let filters: Int
    let scratch: UnsafeMutablePointer<Float>

    private var transformed: UnsafeMutablePointer<Float> { scratch }
    private var transformedLength: Int { 16 * geometry.channels * filters }

    func begin() {
        transformed.update(repeating: 0, count: transformedLength)
    }

    func add(_ x: UnsafePointer<Float>, batch: Int, outputGradient dy: UnsafePointer<Float>) {
        let g = geometry
        let padded = scratch + transformedLength
        let transforms = padded + DirectConvolution.paddedImageLength(g)
        forEachPaddedImage(x, batch: batch, geometry: g, scratch: padded) { images, count, first, height, width in
            winograd_kernel_gradient_accumulate(
                images, count, height, width, g.channels, dy + first * g.positions * filters, filters, transforms,
                transformed)
        }
    }

    func finish(into kernelGradient: UnsafeMutablePointer<Float>) {
        winograd_kernel_gradient_finish(transformed, geometry.channels, filters, kernelGradient)
    }
}
