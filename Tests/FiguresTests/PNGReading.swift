/// Test helpers: a scratch folder per test, and reading a PNG back through Cairo to check its
/// size and that something other than the white background was drawn.
import CCairo
import Foundation

/// Runs `body` with the path of a new empty folder under the system's temporary folder, then
/// removes the folder and everything in it, whether `body` returned or threw.
func withScratchFolder<Result>(_ body: (String) throws -> Result) throws -> Result {
    let path = NSTemporaryDirectory() + "figures-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// What a PNG file holds, as far as the tests care.
struct PNGSummary {
    var width: Int
    var height: Int
    /// Pixels that are not opaque white.
    var inkedPixels: Int
    /// Distinct pixel values (a rough count of colours).
    var colours: Int
    /// Every pixel as Cairo stores it (0xAARRGGBB), row by row.
    var pixels: [UInt32]
}

/// Reads the PNG at `path` with Cairo; `nil` when Cairo cannot read it as a PNG.
func readPNG(_ path: String) -> PNGSummary? {
    let surface = cairo_image_surface_create_from_png(path)
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
        let data = cairo_image_surface_get_data(surface)
    else { return nil }
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    var inked = 0
    var colours = Set<UInt32>()
    var pixels: [UInt32] = []
    pixels.reserveCapacity(width * height)
    for y in 0..<height {
        let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<width {
            if row[x] != 0xFFFF_FFFF { inked += 1 }
            if colours.count < 10_000 { colours.insert(row[x]) }
            pixels.append(row[x])
        }
    }
    return PNGSummary(
        width: width, height: height, inkedPixels: inked, colours: colours.count, pixels: pixels)
}
