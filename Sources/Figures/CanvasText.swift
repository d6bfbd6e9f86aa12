/// Text on a canvas: one font (DejaVu Sans), measured before it is placed, anchored by the point
/// a layout cares about (the end of a tick label, the centre of a caption), optionally rotated,
/// and wrapped or shortened to fit a width.
import CCairo

/// The size (nominal pixels), weight and colour of a piece of text.
struct TextStyle {
    var size: Double
    var bold: Bool
    var color: Color

    func with(size: Double) -> TextStyle { TextStyle(size: size, bold: bold, color: color) }
    func with(color: Color) -> TextStyle { TextStyle(size: size, bold: bold, color: color) }

    /// The distance between baselines of wrapped lines.
    var lineHeight: Double { size * 1.25 }
    /// The height of capitals and digits above the baseline (DejaVu Sans: 0.73 em).
    var capHeight: Double { size * 0.73 }
}

/// Which point of the text's box sits on the anchor.
enum HorizontalAnchor { case left, center, right }
/// Which line of the text sits on the anchor: the top of capitals, their middle, the baseline,
/// or the bottom of descenders.
enum VerticalAnchor { case top, middle, baseline, bottom }

extension Canvas {
    static let fontFamily = "DejaVu Sans"

    private func select(_ style: TextStyle) {
        cairo_select_font_face(
            context, Canvas.fontFamily, CAIRO_FONT_SLANT_NORMAL,
            style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, style.size)
    }

    /// The advance width of `text` in nominal pixels.
    func width(of text: String, _ style: TextStyle) -> Double {
        guard !text.isEmpty else { return 0 }
        select(style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// Draws one line of `text` with its anchor point at `point`, turned by `angle` radians
    /// (negative turns it anticlockwise, so -π/2 reads bottom to top).
    func text(
        _ text: String, at point: Point, _ style: TextStyle, horizontal: HorizontalAnchor = .left,
        vertical: VerticalAnchor = .baseline, angle: Double = 0
    ) {
        guard !text.isEmpty, point.x.isFinite, point.y.isFinite else { return }
        let w = width(of: text, style)
        let dx: Double
        switch horizontal {
        case .left: dx = 0
        case .center: dx = -w / 2
        case .right: dx = -w
        }
        let dy: Double
        switch vertical {
        case .top: dy = style.capHeight
        case .middle: dy = style.capHeight / 2
        case .baseline: dy = 0
        case .bottom: dy = -style.size * 0.24
        }
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        cairo_rotate(context, angle)
        setColor(style.color)
        cairo_move_to(context, dx, dy)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    /// Draws wrapped `lines` centred on `centerX`, the first line's capitals starting at `top`.
    func centeredLines(_ lines: [String], centerX: Double, top: Double, _ style: TextStyle) {
        for (i, line) in lines.enumerated() {
            text(
                line, at: Point(x: centerX, y: top + Double(i) * style.lineHeight), style,
                horizontal: .center, vertical: .top)
        }
    }

    /// `text` broken into at most `maxLines` lines no wider than `maxWidth`: at each "\n", and
    /// after spaces, slashes and hyphens where a line would grow too wide; text beyond the last
    /// line, or a word that still does not fit, is cut and ends in "…".
    func wrap(_ text: String, maxWidth: Double, maxLines: Int, _ style: TextStyle) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            fill(String($0), maxWidth: maxWidth, style)
        }
        if lines.count > maxLines {
            let rest = lines.dropFirst(maxLines - 1).joined(separator: " ")
            lines = Array(lines.prefix(maxLines - 1)) + [rest]
        }
        return lines.map { shortened($0, maxWidth: maxWidth, style) }
    }

    /// One paragraph set greedily in lines no wider than `maxWidth` (a single word may be wider).
    private func fill(_ paragraph: String, maxWidth: Double, _ style: TextStyle) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in paragraph {
            if ch == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(ch)
                if ch == "/" || ch == "-" {
                    words.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current) }

        var lines: [String] = []
        var line = ""
        for word in words {
            let joiner = line.isEmpty || line.hasSuffix("/") || line.hasSuffix("-") ? "" : " "
            let candidate = line + joiner + word
            if line.isEmpty || width(of: candidate, style) <= maxWidth {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` cut at the end and marked with "…" so it fits in `maxWidth`.
    func shortened(_ text: String, maxWidth: Double, _ style: TextStyle) -> String {
        guard width(of: text, style) > maxWidth else { return text }
        var kept = Substring(text)
        while !kept.isEmpty && width(of: kept + "…", style) > maxWidth { kept = kept.dropLast() }
        return kept + "…"
    }
}
