/// One picture for an image grid, in the layout the Learning library's tensors use
/// ([H, W, C] row-major, C fastest, values in [0, 1]), without depending on that library:
/// notebooks pass `tensor.scalars` and `tensor.shape`.
import CCairo

/// A grayscale (1 channel) or RGB (3 channels) image with values in [0, 1].
public struct GridImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var channels: Int
    /// The values, row-major [height, width, channels], channels fastest; values outside [0, 1]
    /// are clamped when drawn and NaN is drawn as 0.
    public var pixels: [Float]

    /// An image of `height` rows by `width` columns; `pixels.count` must be
    /// `width * height * channels` and `channels` 1 or 3 (checked when the grid is drawn).
    public init(width: Int, height: Int, channels: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// The images of a batch `pixels` of shape [N, H, W, C] (or [N, H, W] for grayscale), e.g.
    /// a Learning `Tensor`'s `scalars` and `shape`. Throws `FigureError.invalidData` when the
    /// shape is not of that form or does not match the number of values.
    public static func batch(pixels: [Float], shape: [Int], figure: String = "image grid")
        throws -> [GridImage]
    {
        guard shape.count == 3 || shape.count == 4, shape[0] >= 0,
            shape.dropFirst().allSatisfy({ $0 > 0 })
        else {
            throw FigureError.invalidData(
                figure: figure,
                problem: "image batch shape \(shape) is not [N, H, W, C] or [N, H, W]")
        }
        let (n, h, w) = (shape[0], shape[1], shape[2])
        let c = shape.count == 4 ? shape[3] : 1
        guard n * h * w * c == pixels.count else {
            throw FigureError.invalidData(
                figure: figure,
                problem:
                    "image batch shape \(shape) needs \(n * h * w * c) values, got \(pixels.count)")
        }
        let stride = h * w * c
        return (0..<n).map { i in
            GridImage(
                width: w, height: h, channels: c,
                pixels: Array(pixels[(i * stride)..<((i + 1) * stride)]))
        }
    }

    /// What is wrong with this image's fields, if anything, in words.
    var problem: String? {
        guard width > 0, height > 0 else { return "an image is \(width)x\(height) pixels" }
        guard channels == 1 || channels == 3 else {
            return "an image has \(channels) channels; grids draw 1 (gray) or 3 (RGB)"
        }
        guard pixels.count == width * height * channels else {
            return "a \(width)x\(height)x\(channels) image has \(pixels.count) values, "
                + "not \(width * height * channels)"
        }
        return nil
    }

    /// The image as a Cairo RGB24 surface (`cairo_surface_t *`), one device pixel per pixel;
    /// the caller destroys it. Requires `problem == nil`.
    func makeSurface() -> OpaquePointer? {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
            let data = cairo_image_surface_get_data(surface)
        else { return surface }
        cairo_surface_flush(surface)
        let rowBytes = Int(cairo_image_surface_get_stride(surface))
        func byte(_ v: Float) -> UInt32 {
            v.isNaN ? 0 : UInt32((min(max(v, 0), 1) * 255).rounded())
        }
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * rowBytes)
                .assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let i = (y * width + x) * channels
                let r = byte(pixels[i])
                let g = channels == 3 ? byte(pixels[i + 1]) : r
                let b = channels == 3 ? byte(pixels[i + 2]) : r
                row[x] = (r << 16) | (g << 8) | b
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}
