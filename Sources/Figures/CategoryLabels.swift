/// Category names under a bar chart, set the most legible way the space allows: upright on one
/// line, upright on two wrapped lines ("T-shirt/" over "top"), or slanted at 40°.
import Foundation

/// The category labels of a chart, laid out for slots of a given width.
struct CategoryLabels {
    enum Setting { case upright, wrapped, slanted }

    private(set) var lines: [[String]]
    private(set) var setting: Setting
    /// The height the labels need below the axis.
    private(set) var height: Double

    static let style = Theme.tickLabel.with(color: Theme.ink)
    private static let angle = 40.0 * Double.pi / 180
    private static let longest = 150.0

    /// Labels for `categories`, one per slot `slotWidth` pixels wide.
    init(_ categories: [String], slotWidth: Double, _ canvas: Canvas) {
        let style = Self.style
        let room = slotWidth - 6
        let widths = categories.map { canvas.width(of: $0, style) }
        if widths.allSatisfy({ $0 <= room }) {
            lines = categories.map { [$0] }
            setting = .upright
            height = style.size
            return
        }
        let wrapped = categories.map { canvas.wrap($0, maxWidth: room, maxLines: 2, style) }
        if zip(wrapped, categories).allSatisfy({ lines, name in
            !lines.joined().contains("…")
                && lines.joined().filter({ $0 != " " }) == name.filter({ $0 != " " })
        }) {
            lines = wrapped
            setting = .wrapped
            height = style.size + style.lineHeight * Double((wrapped.map(\.count).max() ?? 1) - 1)
            return
        }
        lines = categories.map { [canvas.shortened($0, maxWidth: Self.longest, style)] }
        setting = .slanted
        let widest = lines.map { canvas.width(of: $0[0], style) }.max() ?? 0
        height = widest * sin(Self.angle) + style.size * cos(Self.angle) + 2
    }

    /// Draws the labels under slots starting at `left`, their tops at `top`.
    func draw(_ canvas: Canvas, left: Double, slotWidth: Double, top: Double) {
        for (i, label) in lines.enumerated() {
            let x = left + (Double(i) + 0.5) * slotWidth
            switch setting {
            case .upright, .wrapped:
                canvas.centeredLines(label, centerX: x, top: top, Self.style)
            case .slanted:
                canvas.text(
                    label[0], at: Point(x: x + 3, y: top - 1), Self.style, horizontal: .right,
                    vertical: .top, angle: -Self.angle)
            }
        }
    }
}
