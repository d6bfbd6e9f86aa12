/// The drawing surface figures paint on: a thin layer over a Cairo context that speaks in nominal
/// pixels, colours and rectangles, so figure code never touches Cairo's C API directly.
import CCairo

/// A Cairo context in nominal pixels (the PNG writer scales it by 2 underneath).
///
/// Shapes with a NaN or infinite coordinate are skipped: one would put the whole context into
/// an error state and lose the figure.
final class Canvas {
    /// The Cairo context (`cairo_t *`), owned by whoever created the canvas.
    let context: OpaquePointer

    /// A canvas over `context`, with text set in DejaVu Sans and metrics left unhinted so that
    /// measured widths do not depend on the output scale.
    init(context: OpaquePointer) {
        self.context = context
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
    }

    /// Runs `body` on a throwaway 1x1 canvas: for measuring text before a figure knows its size.
    static func measuring<T>(_ body: (Canvas) throws -> T) rethrows -> T {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else {
            preconditionFailure("cairo_create returned NULL, which Cairo documents it never does")
        }
        defer { cairo_destroy(context) }
        return try body(Canvas(context: context))
    }

    /// Cairo's status after drawing: `nil` when all went well, else its description.
    var failure: String? {
        let status = cairo_status(context)
        return status == CAIRO_STATUS_SUCCESS
            ? nil : String(cString: cairo_status_to_string(status))
    }

    func setColor(_ color: Color, alpha: Double = 1) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, alpha)
    }

    func fill(_ rect: Rect, _ color: Color, alpha: Double = 1) {
        guard rect.isFinite else { return }
        setColor(color, alpha: alpha)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    func stroke(_ rect: Rect, _ color: Color, width: Double) {
        guard rect.isFinite else { return }
        setColor(color)
        cairo_set_line_width(context, width)
        cairo_set_dash(context, nil, 0, 0)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)  // square corners stay crisp
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    }

    /// A straight line; `dash` lists on/off lengths in nominal pixels (empty for solid).
    func line(
        from a: Point, to b: Point, color: Color, width: Double, dash: [Double] = [],
        alpha: Double = 1
    ) {
        polyline([a, b], color: color, width: width, dash: dash, alpha: alpha)
    }

    /// Connected line segments through `points`; nothing for fewer than two points.
    func polyline(
        _ points: [Point], color: Color, width: Double, dash: [Double] = [], alpha: Double = 1
    ) {
        guard let first = points.first, points.count > 1, points.allSatisfy(\.isFinite) else {
            return
        }
        setColor(color, alpha: alpha)
        cairo_set_line_width(context, width)
        cairo_set_dash(context, dash, Int32(dash.count), 0)
        cairo_move_to(context, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(context, p.x, p.y) }
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// A filled polygon through `points`.
    func fillPolygon(_ points: [Point], color: Color, alpha: Double = 1) {
        guard let first = points.first, points.count > 2, points.allSatisfy(\.isFinite) else {
            return
        }
        setColor(color, alpha: alpha)
        cairo_move_to(context, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(context, p.x, p.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    /// A circle filled with `fill`, outlined in `outline` when given.
    func circle(center: Point, radius: Double, fill: Color, outline: Color? = nil) {
        guard center.isFinite else { return }
        cairo_new_sub_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        setColor(fill)
        if let outline {
            cairo_fill_preserve(context)
            setColor(outline)
            cairo_set_line_width(context, 1.2)
            cairo_set_dash(context, nil, 0, 0)
            cairo_stroke(context)
        } else {
            cairo_fill(context)
        }
    }

    /// Fills `rect` with `colors` spread evenly from its bottom edge (first) to its top (last).
    func fillVerticalGradient(_ rect: Rect, colors: [Color]) {
        guard colors.count > 1 else { return }
        let gradient = cairo_pattern_create_linear(0, rect.maxY, 0, rect.minY)
        defer { cairo_pattern_destroy(gradient) }
        for (i, color) in colors.enumerated() {
            let offset = Double(i) / Double(colors.count - 1)
            cairo_pattern_add_color_stop_rgb(gradient, offset, color.red, color.green, color.blue)
        }
        cairo_set_source(context, gradient)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Runs `body` with drawing clipped to `rect`.
    func clipped(to rect: Rect, _ body: () throws -> Void) rethrows {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        defer { cairo_restore(context) }
        try body()
    }
}

extension Canvas {
    /// Draws `image` with its top-left corner at `origin`, each pixel a `pixelSize`-wide square,
    /// unsmoothed (nearest neighbour), so small images such as 28x28 digits stay crisp when
    /// enlarged. Requires `image.problem == nil`.
    func image(_ image: GridImage, at origin: Point, pixelSize: Double) {
        guard origin.isFinite, pixelSize.isFinite, pixelSize > 0 else { return }
        let surface = image.makeSurface()
        defer { cairo_surface_destroy(surface) }
        cairo_save(context)
        cairo_translate(context, origin.x, origin.y)
        cairo_scale(context, pixelSize, pixelSize)
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_rectangle(context, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(context)
        cairo_restore(context)
    }
}
