/// The furniture every plot shares, drawn the same way everywhere: the title, the axis titles,
/// and the two axis lines (left and bottom only; a box around the data adds nothing).

/// The title, axis titles and axis lines of a figure.
enum PlotChrome {
    /// The y where a figure's content starts: below the title, or near the top without one
    /// (leaving room for the upper half of a top tick label).
    static func contentTop(title: String) -> Double {
        title.isEmpty ? Theme.margin + 6 : Theme.margin + Theme.title.capHeight + 18
    }

    /// Draws `title` centred on `centerX` at the top of the figure, cut to `maxWidth`.
    static func drawTitle(_ title: String, _ canvas: Canvas, centerX: Double, maxWidth: Double) {
        guard !title.isEmpty else { return }
        let text = canvas.shortened(title, maxWidth: maxWidth, Theme.title)
        canvas.text(
            text, at: Point(x: centerX, y: Theme.margin), Theme.title, horizontal: .center,
            vertical: .top)
    }

    /// The label of a vertical axis, reading bottom to top, its capitals touching x = `left`.
    static func drawVerticalTitle(_ title: String, _ canvas: Canvas, left: Double, centerY: Double)
    {
        canvas.text(
            title, at: Point(x: left, y: centerY), Theme.axisTitle, horizontal: .center,
            vertical: .top, angle: -Double.pi / 2)
    }

    /// The left and bottom edges of `plot` in the axis grey.
    static func drawAxisLines(_ canvas: Canvas, plot: Rect) {
        let left = plot.minX.rounded()
        let bottom = plot.maxY.rounded()
        canvas.line(
            from: Point(x: left, y: plot.minY), to: Point(x: left, y: bottom), color: Theme.axis,
            width: 1)
        canvas.line(
            from: Point(x: left, y: bottom), to: Point(x: plot.maxX, y: bottom),
            color: Theme.axis, width: 1)
    }
}
