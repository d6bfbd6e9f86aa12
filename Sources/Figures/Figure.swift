/// The figure protocols: what a notebook needs from a picture it shows in a report.
///
/// A figure is a value that knows how to draw itself. Reports embed the PNG; the SVG is a
/// vector copy of the same drawing for readers who want to zoom or reuse it.

/// Something a notebook can show as a picture: it draws itself into a PNG file.
///
/// Figures are drawn with Cairo at twice their nominal size, so they stay sharp on
/// high-density screens; `size` is the nominal size a report displays them at.
public protocol Figure {
    /// A short title, drawn at the top of the figure and used for its file name.
    var title: String { get }
    /// The displayed width and height in CSS pixels (the PNG has twice as many).
    var size: (width: Double, height: Double) { get }
    /// Draws the figure into a PNG file at `path`, replacing any file there.
    func writePNG(to path: String) throws
}

/// A figure that can also write its drawing as SVG (every figure in this library can).
public protocol SVGFigure: Figure {
    /// Draws the figure into an SVG file at `path` (its nominal size, in CSS pixels), replacing
    /// any file there. Throws `FigureError` naming `path` when the file cannot be written.
    func writeSVG(to path: String) throws
}

/// The library's figures: each lays itself out and draws on a `Canvas` in nominal pixels;
/// `FigureFile` turns that drawing into a PNG at 2x or an SVG.
protocol CanvasFigure: SVGFigure {
    /// Draws the whole figure; `canvas` is already white and scaled to nominal pixels.
    /// Throws `FigureError.invalidData` when the figure's data cannot be drawn.
    func draw(on canvas: Canvas) throws
}
