// Convolution, all in this folder: the layer and the ways it computes its passes, fast and slow.
//
//   ConvolutionAlgorithm.swift  this map, and the three ways a layer can compute its passes
//   Conv2D.swift                the layer: its weights, the choice of algorithm, the im2col path
//   Conv2D+Direct.swift         its passes through the AVX-512 direct kernels
//   Conv2D+Winograd.swift       its forward pass and input gradient by Winograd F(2×2, 3×3)
//   Im2Col.swift                im2col / col2im and ConvolutionGeometry (the shapes)
//   Winograd.swift              the portable Winograd transforms, multiplied through OpenBLAS
//   WinogradAVX512.swift        Winograd in AVX-512 kernels, all three passes
//   DirectConvolution.swift     the Swift face of the direct AVX-512 kernels
//   RotatedKernel.swift         the kernel turned 180°, which makes the input gradient a convolution
//   NaiveConvolution.swift      the reference: obvious nested loops every fast path is tested against
//
// The C kernels themselves (direct and Winograd, AVX-512 intrinsics) are the CConvolution target
// at Sources/CConvolution: SwiftPM targets cannot nest, so they cannot live in this folder.

/// How `Conv2D` computes its passes, chosen per layer when it is built.
enum ConvolutionAlgorithm: Sendable {
    /// The AVX-512 kernels that read the images in place (Conv2D+Direct.swift), where the CPU has
    /// them and the filters come in blocks of 32; the input gradient too where the input channels do.
    case direct
    /// Winograd F(2×2, 3×3) for 3×3 kernels: all three passes in AVX-512 kernels where the
    /// channels come in 16s and the filters in 32s (WinogradAVX512.swift), else the forward
    /// pass and the input gradient through OpenBLAS on many channels (Conv2D+Winograd.swift), the
    /// kernel gradient directly or by im2col.
    case winograd
    /// im2col + GEMM for every pass: what runs anywhere. (The tests check all three against the
    /// loops of NaiveConvolution.swift.)
    case im2col
}

