// The geometry of augmentation: each random layer is an affine map, and a chain of layers is one
// map, so an augmented image is resampled once however many layers there are.
import Foundation

/// An affine map from an output pixel to the input point sampled for it, in Keras's and
/// TensorFlow's convention: pixel (x, y) is column x, row y, pixel centres at integers, and
///
///     x' = xx·x + xy·y + x0,   y' = yx·x + yy·y + y0.
///
/// (TensorFlow's `ImageProjectiveTransformV3` row [a0, a1, a2, b0, b1, b2, 0, 0].) The maps are
/// inverse ones, output to input, which is what resampling needs.
public struct AffineMap: Equatable, Sendable, Codable {
    public var xx: Float, xy: Float, x0: Float
    public var yx: Float, yy: Float, y0: Float

    public init(xx: Float, xy: Float, x0: Float, yx: Float, yy: Float, y0: Float) {
        (self.xx, self.xy, self.x0, self.yx, self.yy, self.y0) = (xx, xy, x0, yx, yy, y0)
    }

    /// The map that changes nothing.
    public static let identity = AffineMap(xx: 1, xy: 0, x0: 0, yx: 0, yy: 1, y0: 0)

    /// The input point sampled for output pixel (x, y).
    public func source(x: Float, y: Float) -> (x: Float, y: Float) {
        (xx * x + xy * y + x0, yx * x + yy * y + y0)
    }

    /// The map of applying layer `self` to an image and then layer `next` to the result: sampling
    /// the final output at p reads the original at self(next(p)).
    public func followed(by next: AffineMap) -> AffineMap {
        AffineMap(
            xx: xx * next.xx + xy * next.yx, xy: xx * next.xy + xy * next.yy,
            x0: xx * next.x0 + xy * next.y0 + x0,
            yx: yx * next.xx + yy * next.yx, yy: yx * next.xy + yy * next.yy,
            y0: yx * next.x0 + yy * next.y0 + y0)
    }

    /// A left–right mirror of an image `width` pixels wide.
    public static func horizontalFlip(width: Int) -> AffineMap {
        AffineMap(xx: -1, xy: 0, x0: Float(width - 1), yx: 0, yy: 1, y0: 0)
    }

    /// A top–bottom mirror of an image `height` pixels high.
    public static func verticalFlip(height: Int) -> AffineMap {
        AffineMap(xx: 1, xy: 0, x0: 0, yx: 0, yy: -1, y0: Float(height - 1))
    }

    /// A rotation by `angle` radians about the image centre ((W − 1)/2, (H − 1)/2); positive
    /// angles turn the content counter-clockwise as seen on screen (Keras's RandomRotation).
    public static func rotation(angle: Double, height: Int, width: Int) -> AffineMap {
        let c = cos(angle)
        let s = sin(angle)
        let w = Double(width - 1)
        let h = Double(height - 1)
        return AffineMap(
            xx: Float(c), xy: Float(-s), x0: Float((w - (c * w - s * h)) / 2),
            yx: Float(s), yy: Float(c), y0: Float((h - (s * w + c * h)) / 2))
    }

    /// A shift of the content by `dx` pixels right and `dy` pixels down.
    public static func translation(dx: Float, dy: Float) -> AffineMap {
        AffineMap(xx: 1, xy: 0, x0: -dx, yx: 0, yy: 1, y0: -dy)
    }

    /// A zoom about the image centre sampling the input at `x`, `y` times the output's offsets
    /// from the centre: factors above 1 zoom out (content shrinks), below 1 zoom in (Keras's
    /// RandomZoom).
    public static func zoom(x: Float, y: Float, height: Int, width: Int) -> AffineMap {
        AffineMap(
            xx: x, xy: 0, x0: Float(width - 1) / 2 * (1 - x),
            yx: 0, yy: y, y0: Float(height - 1) / 2 * (1 - y))
    }
}
