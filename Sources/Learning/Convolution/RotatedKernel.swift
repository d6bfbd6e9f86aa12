/// The input gradient of a stride-1 convolution with padding p is itself a stride-1 convolution:
/// of the output gradient dy, zero-padded by k − 1 − p, with the kernel turned 180° and its
/// channel axes swapped. The Winograd and direct paths of Conv2D both compute it that way.

/// rotated[ky, kx, f, c] = kernel[k − 1 − ky, k − 1 − kx, c, f] for `kernel` [k, k, C, F];
/// `rotated` is [k, k, F, C].
func rotatedKernel(
    _ kernel: UnsafePointer<Float>, size k: Int, channels: Int, filters: Int, into rotated: UnsafeMutablePointer<Float>
) {
    for ky in 0..<k {
        for kx in 0..<k {
            let source = kernel + ((k - 1 - ky) * k + (k - 1 - kx)) * channels * filters
            let target = rotated + (ky * k + kx) * filters * channels
            for c in 0..<channels {
                for f in 0..<filters { target[f * channels + c] = source[c * filters + f] }
            }
        }
    }
}
