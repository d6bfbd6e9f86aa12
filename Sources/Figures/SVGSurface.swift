/// Cairo's SVG surface, for figures that also write themselves as SVG.
import CCairo

/// A new SVG surface writing to `filename`, `width` by `height` CSS pixels (the nominal size of
/// a figure, so the SVG displays as large as the PNG).
func makeSVGSurface(_ filename: String, _ width: Double, _ height: Double) -> OpaquePointer? {
    let surface = cairo_svg_surface_create(filename, width, height)
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
    return surface
}
