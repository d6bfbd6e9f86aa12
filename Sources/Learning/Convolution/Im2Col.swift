/// Convolution as a matrix product: `im2col` copies every k×k neighbourhood of a batch of images
/// into one row of a patch matrix, so that a stride-1 convolution becomes
/// `patches[M, P] · kernel[P, filters]` with M = batch · outHeight · outWidth and
/// P = k · k · inChannels. `col2im` is its transpose (it adds each patch entry back onto the pixel
/// it came from), which turns patch gradients into image gradients.
///
/// Layout: images [N, H, W, C] row-major (C fastest); a patch row is ordered (ky, kx, c), the
/// order of a Keras kernel [k, k, C, filters], so no transposes are needed anywhere.

/// The shape of a stride-1 convolution with a square kernel and symmetric zero padding.
struct ConvolutionGeometry: Equatable, Sendable {
    /// Input height, width and channels of one image.
    let height: Int, width: Int, channels: Int
    /// The kernel's side k.
    let kernel: Int
    /// Zero rows and columns added on each side: 0 for 'valid', (k - 1) / 2 for 'same'.
    let padding: Int

    var outHeight: Int { height + 2 * padding - kernel + 1 }
    var outWidth: Int { width + 2 * padding - kernel + 1 }
    /// The length of one patch row: k · k · channels.
    var patchLength: Int { kernel * kernel * channels }
    /// Output positions per image: outHeight · outWidth.
    var positions: Int { outHeight * outWidth }
}

/// Writes patches [batch · outHeight · outWidth, k · k · C] of `images` [batch, H, W, C],
/// zero where a patch reaches past the border.
func im2col(
    _ images: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry,
    into patches: UnsafeMutablePointer<Float>
) {
    let (h, w, c, k, pad) = (g.height, g.width, g.channels, g.kernel, g.padding)
    let (outH, outW, rowLength, span) = (g.outHeight, g.outWidth, g.patchLength, g.kernel * g.channels)
    var row = patches
    for n in 0..<batch {
        let image = images + n * h * w * c
        for oy in 0..<outH {
            for ox in 0..<outW {
                let x0 = ox - pad
                for ky in 0..<k {
                    let target = row + ky * span
                    let iy = oy + ky - pad
                    if iy < 0 || iy >= h {
                        target.update(repeating: 0, count: span)
                    } else if x0 >= 0 && x0 + k <= w {
                        target.update(from: image + (iy * w + x0) * c, count: span)
                    } else {
                        for kx in 0..<k {
                            let ix = x0 + kx
                            if ix < 0 || ix >= w {
                                (target + kx * c).update(repeating: 0, count: c)
                            } else {
                                (target + kx * c).update(from: image + (iy * w + ix) * c, count: c)
                            }
                        }
                    }
                }
                row += rowLength
            }
        }
    }
}

/// The transpose of `im2col`: images [batch, H, W, C] = the sum, over every patch entry of
/// `patches` [batch · outHeight · outWidth, k · k · C], added onto the pixel it was copied from.
/// Overwrites `images`.
func col2im(
    _ patches: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry,
    into images: UnsafeMutablePointer<Float>
) {
    let (h, w, c, k, pad) = (g.height, g.width, g.channels, g.kernel, g.padding)
    let (outH, outW, rowLength, span) = (g.outHeight, g.outWidth, g.patchLength, g.kernel * g.channels)
    images.update(repeating: 0, count: batch * h * w * c)
    var row = patches
    for n in 0..<batch {
        let image = images + n * h * w * c
        for oy in 0..<outH {
            for ox in 0..<outW {
                let x0 = ox - pad
                for ky in 0..<k {
                    let iy = oy + ky - pad
                    guard iy >= 0 && iy < h else { continue }
                    let source = row + ky * span
                    let kxFirst = max(0, -x0), kxEnd = min(k, w - x0)
                    guard kxFirst < kxEnd else { continue }
                    let target = image + (iy * w + x0 + kxFirst) * c
                    let from = source + kxFirst * c
                    for i in 0..<((kxEnd - kxFirst) * c) { target[i] += from[i] }
                }
                row += rowLength
            }
        }
    }
}
