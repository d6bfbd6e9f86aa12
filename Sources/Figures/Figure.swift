/// Something a notebook can show as a picture: it draws itself into a PNG file.
///
/// Figures are drawn with Cairo at twice their nominal size in points, so they stay sharp on
/// high-density screens; `size` is the nominal size a report displays them at.
public protocol Figure {
    /// A short caption, shown under the figure and used for its file name.
    var title: String { get }
    /// The displayed width and height in CSS pixels (the PNG has twice as many).
    var size: (width: Double, height: Double) { get }
    /// Draws the figure into a PNG file at `path`, replacing any file there.
    func writePNG(to path: String) throws
}
