/// Writing a figure to disk: a PNG at twice the nominal size, or an SVG at the nominal size,
/// always atomically (drawn into a temporary file in the same folder, then renamed over the
/// target), so a report never links to a half-written picture.
import CCairo
import Foundation

enum FigureFile {
    /// Device pixels per nominal pixel in PNGs: 2 for sharp text on high-density screens.
    static let pixelRatio = 2.0

    /// Draws `figure` into a PNG of twice its nominal size at `path`.
    /// Throws `FigureError` naming `path` when the data, Cairo or the file system fails.
    static func writePNG(_ figure: some CanvasFigure, to path: String) throws {
        let width = Int((figure.size.width * pixelRatio).rounded())
        let height = Int((figure.size.height * pixelRatio).rounded())
        guard width > 0, height > 0, width <= 32_767, height <= 32_767 else {
            throw FigureError.invalidData(
                figure: figure.title,
                problem: "size \(figure.size.width)x\(figure.size.height) is not a drawable size")
        }
        let folder = try checkedFolder(of: path)
        guard
            let surface = cairo_image_surface_create(
                CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        else { throw FigureError.cairoFailed(path: path, status: "no image surface") }
        defer { cairo_surface_destroy(surface) }
        try draw(figure, on: surface, scale: pixelRatio, path: path)
        try replace(path, in: folder) { temporary in
            cairo_surface_write_to_png(surface, temporary)
        }
    }

    /// Draws `figure` into an SVG of its nominal size (in CSS pixels) at `path`.
    /// Throws `FigureError` naming `path` when the data, Cairo or the file system fails.
    static func writeSVG(_ figure: some CanvasFigure, to path: String) throws {
        let folder = try checkedFolder(of: path)
        try replace(path, in: folder) { temporary in
            let surface = makeSVGSurface(temporary, figure.size.width, figure.size.height)
            do {
                try draw(figure, on: surface, scale: 1, path: path)
            } catch {
                cairo_surface_destroy(surface)
                throw error
            }
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            return status
        }
    }

    /// Paints a white background and the figure onto `surface`, scaled by `scale`.
    private static func draw(
        _ figure: some CanvasFigure, on surface: OpaquePointer?, scale: Double, path: String
    ) throws {
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else {
            throw FigureError.cairoFailed(
                path: path, status: String(cString: cairo_status_to_string(surfaceStatus)))
        }
        guard let context = cairo_create(surface) else {
            throw FigureError.cairoFailed(path: path, status: "no drawing context")
        }
        defer { cairo_destroy(context) }
        cairo_scale(context, scale, scale)
        let canvas = Canvas(context: context)
        canvas.fill(
            Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height), .white)
        try figure.draw(on: canvas)
        if let failure = canvas.failure {
            throw FigureError.cairoFailed(path: path, status: failure)
        }
    }

    /// The folder `path` will land in, after checking it exists and is a writable folder.
    private static func checkedFolder(of path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw FigureError.cannotWrite(path: path, reason: "the path names no file")
        }
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw FigureError.cannotWrite(
                path: path, reason: "the folder \(folder) does not exist; create it first")
        }
        guard isFolder.boolValue else {
            throw FigureError.cannotWrite(path: path, reason: "\(folder) is not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw FigureError.cannotWrite(
                path: path, reason: "the folder \(folder) is not writable")
        }
        return folder
    }

    /// Lets `write` fill a temporary file in `folder`, then renames it to `path`; the temporary
    /// file is removed whatever happens.
    private static func replace(
        _ path: String, in folder: String, write: (String) throws -> cairo_status_t
    ) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let temporary = folder + "/." + name + ".partial-" + UUID().uuidString
        defer { unlink(temporary) }
        let status = try write(temporary)
        guard status == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(status))
            throw FigureError.cannotWrite(
                path: path, reason: "Cairo could not write it (\(reason))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw FigureError.cannotWrite(path: path, reason: reason)
        }
    }
}
