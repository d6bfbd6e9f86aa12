// The augmentation kernel: resample each image through its affine map with bilinear
// interpolation, filling what falls outside by reflection, as Keras's preprocessing layers do.
import Foundation

/// Resampling of images through affine maps (Keras's `fill_mode="reflect"`,
/// `interpolation="bilinear"`).
public enum ImageWarp {
    /// Each image of `images: [N, H, W, C]` resampled through its own map (`transforms.count ==
    /// N`): output pixel (x, y) takes the bilinear interpolation of the input at
    /// `transforms[n].source(x, y)`, every channel alike, with points outside reflected back in.
    public static func apply(_ transforms: [AffineMap], to images: Tensor) -> Tensor {
        precondition(images.rank == 4, "images must be [N, H, W, C], got shape \(images.shape)")
        precondition(
            transforms.count == images.rows,
            "\(transforms.count) transforms for \(images.rows) images")
        let (height, width, channels) = (images.shape[1], images.shape[2], images.shape[3])
        let imageSize = height * width * channels
        var output = [Float](repeating: 0, count: images.count)
        guard imageSize > 0 else { return images }
        images.scalars.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for (n, map) in transforms.enumerated() {
                    let source = input.baseAddress! + n * imageSize
                    let target = out.baseAddress! + n * imageSize
                    for y in 0..<height {
                        for x in 0..<width {
                            var (sx, sy) = map.source(x: Float(x), y: Float(y))
                            if sx < 0 || sx > Float(width - 1) { sx = reflect(sx, length: width) }
                            if sy < 0 || sy > Float(height - 1) { sy = reflect(sy, length: height) }
                            // bilinear weights between the four pixels around (sx, sy); the far
                            // neighbour is clamped, and has weight 0 whenever clamping matters
                            let left = Int(sx)
                            let top = Int(sy)
                            let fx = sx - Float(left)
                            let fy = sy - Float(top)
                            let right = min(left + 1, width - 1)
                            let bottom = min(top + 1, height - 1)
                            let topLeft = source + (top * width + left) * channels
                            let topRight = source + (top * width + right) * channels
                            let bottomLeft = source + (bottom * width + left) * channels
                            let bottomRight = source + (bottom * width + right) * channels
                            let pixel = target + (y * width + x) * channels
                            for c in 0..<channels {
                                let upper = (1 - fx) * topLeft[c] + fx * topRight[c]
                                let lower = (1 - fx) * bottomLeft[c] + fx * bottomRight[c]
                                pixel[c] = (1 - fy) * upper + fy * lower
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: images.shape, scalars: output)
    }

    /// A coordinate outside [0, length − 1] mapped back inside by Keras's "reflect" fill,
    /// (d c b a | a b c d | d c b a): the image is mirrored about the outer edge of its last
    /// pixel (half a pixel beyond its centre), and the mirrored copies repeat with period
    /// 2·length. A point within half a pixel beyond the edge reads the edge pixel. This is the
    /// convention of TensorFlow's `ImageProjectiveTransformV3` kernel (`MapCoordinate` for
    /// `FILL_REFLECT`, which follows scipy.ndimage's "reflect"), behind Keras's RandomRotation,
    /// RandomTranslation and RandomZoom: the coordinate is reflected first, then interpolated.
    static func reflect(_ coordinate: Float, length: Int) -> Float {
        guard length > 1 else { return 0 }
        let size = Float(length)
        let period = 2 * size
        var t = coordinate.truncatingRemainder(dividingBy: period)
        if t < 0 { t += period }
        if t >= size { t = period - 1 - t }
        return min(max(t, 0), size - 1)
    }
}
