/// Bar charts: a value per category, optionally several series side by side (per-class accuracy
/// of three strategies), with error bars, value labels, and category labels that stay legible
/// when long: upright if they fit, wrapped onto two lines if that fits, else slanted.

/// Vertical bars over named categories, grouped when there are several series.
public struct BarChart: CanvasFigure, Sendable {
    /// One set of bars, a value per category.
    public struct Series: Sendable, Equatable {
        /// The name shown in the legend (drawn only when there are several series).
        public var name: String
        public var values: [Double]
        /// Half-lengths of error bars (e.g. standard deviations), one per value; `nil` for none.
        public var errors: [Double]?
        /// The colour; `nil` takes the next colour of `Color.palette`.
        public var color: Color?

        /// A series of `values`, one per category, with optional error bars `values ± errors`.
        public init(name: String, values: [Double], errors: [Double]? = nil, color: Color? = nil) {
            self.name = name
            self.values = values
            self.errors = errors
            self.color = color
        }
    }

    public var title: String
    public var size: (width: Double, height: Double)
    public var categories: [String]
    public var series: [Series]
    public var xLabel: String
    public var yLabel: String
    /// `.auto` starts at 0 (or below, for negative values) and leaves room for value labels.
    public var yRange: AxisRange
    public var yStyle: NumberStyle
    /// Writes each bar's value above it (turned upright when bars are narrow).
    public var showsValues: Bool

    /// A bar chart with one group of bars per category, one bar per series in each group.
    public init(
        title: String, categories: [String], series: [Series], xLabel: String = "",
        yLabel: String, yRange: AxisRange = .auto, yStyle: NumberStyle = .plain,
        showsValues: Bool = true, size: (width: Double, height: Double) = (720, 420)
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yRange = yRange
        self.yStyle = yStyle
        self.showsValues = showsValues
        self.size = size
    }

    /// A bar chart of one series: `values[i]` for `categories[i]`, optional error bars.
    public init(
        title: String, categories: [String], values: [Double], errors: [Double]? = nil,
        xLabel: String = "", yLabel: String, yRange: AxisRange = .auto,
        yStyle: NumberStyle = .plain, showsValues: Bool = true,
        size: (width: Double, height: Double) = (720, 420)
    ) {
        self.init(
            title: title, categories: categories,
            series: [Series(name: "", values: values, errors: errors)], xLabel: xLabel,
            yLabel: yLabel, yRange: yRange, yStyle: yStyle, showsValues: showsValues, size: size)
    }

    /// Writes the chart as a PNG at twice `size`; throws `FigureError` naming `path`.
    public func writePNG(to path: String) throws { try FigureFile.writePNG(self, to: path) }

    /// Writes the chart as an SVG of `size` CSS pixels; throws `FigureError` naming `path`.
    public func writeSVG(to path: String) throws { try FigureFile.writeSVG(self, to: path) }

    private var lengthProblem: String? {
        let n = categories.count
        for s in series {
            if s.values.count != n {
                return "series \"\(s.name)\" has \(s.values.count) values for \(n) categories"
            }
            if let errors = s.errors, errors.count != n {
                return "series \"\(s.name)\" has \(errors.count) errors for \(n) categories"
            }
        }
        return nil
    }

    private var colors: [Color] { Color.assigned(series.map(\.color)) }

    /// The top and bottom ends of each bar's error bar (or of the bar alone).
    private var reach: [Double] {
        series.flatMap { s in
            s.values.indices.flatMap { i -> [Double] in
                let e = abs(s.errors?[i] ?? 0)
                return [s.values[i] - (e.isFinite ? e : 0), s.values[i] + (e.isFinite ? e : 0)]
            }
        }
    }

    private static let valueStyle = Theme.tickLabel.with(size: 10.5).with(color: Theme.mutedInk)

    /// Where everything goes, in nominal pixels.
    private struct Layout {
        var plot: Rect
        var y: NumericAxis
        var labels: CategoryLabels
        var legendMidY: Double
        var categoryCount: Int
        var seriesCount: Int
        var slotWidth: Double { plot.width / Double(max(categoryCount, 1)) }
        var barWidth: Double { slotWidth * 0.8 / Double(max(seriesCount, 1)) }
        /// The y of value 0 (or of the nearer end of the axis when 0 is outside it).
        var zero: Double {
            y.scale.pixel(min(max(0, y.scale.domain.lowerBound), y.scale.domain.upperBound))
        }

        /// The left edge of the bar of series `k` in category `i`; the group fills the middle
        /// 80 % of the category's slot.
        func barLeft(category i: Int, series k: Int) -> Double {
            plot.minX + slotWidth * (Double(i) + 0.1) + Double(k) * barWidth
        }
    }

    func draw(on canvas: Canvas) throws {
        if let problem = lengthProblem {
            throw FigureError.invalidData(figure: title, problem: problem)
        }
        let decimals = NumberStyle.valueDecimals(series.flatMap(\.values), style: yStyle)
        let valueTexts = series.map { s in s.values.map { yStyle.format($0, decimals: decimals) } }
        let layout = try self.layout(canvas, valueTexts: valueTexts)
        let plot = layout.plot

        layout.y.drawAsVertical(canvas, plot: plot)
        canvas.clipped(to: plot) { drawBars(canvas, layout) }
        if showsValues {
            for (k, s) in series.enumerated() {
                for (i, value) in s.values.enumerated() {
                    let e = value.isFinite ? abs(s.errors?[i] ?? 0) : 0
                    let tip =
                        value.isFinite
                        ? layout.y.scale.pixel(value + (value < 0 ? -e : e)) : layout.zero
                    drawValue(
                        canvas, valueTexts[k][i],
                        x: layout.barLeft(category: i, series: k) + layout.barWidth / 2,
                        tip: tip, below: value < 0, barWidth: layout.barWidth)
                }
            }
        }
        PlotChrome.drawAxisLines(canvas, plot: plot)
        if layout.y.scale.domain.lowerBound < 0 {
            let zero = layout.zero.rounded()
            canvas.line(
                from: Point(x: plot.minX, y: zero), to: Point(x: plot.maxX, y: zero),
                color: Theme.axis, width: 1)
        }
        layout.labels.draw(canvas, left: plot.minX, slotWidth: layout.slotWidth, top: plot.maxY + 7)
        PlotChrome.drawTitle(
            title, canvas, centerX: size.width / 2, maxWidth: size.width - 2 * Theme.margin)
        if series.count > 1 {
            let legend = Legend(
                entries: zip(series, colors).map { s, color in
                    LegendEntry(name: s.name, color: color, sample: .box)
                })
            legend.drawRow(canvas, centerX: plot.midX, midY: layout.legendMidY)
        }
        canvas.text(
            xLabel, at: Point(x: plot.midX, y: size.height - Theme.margin), Theme.axisTitle,
            horizontal: .center, vertical: .bottom)
        PlotChrome.drawVerticalTitle(yLabel, canvas, left: Theme.margin, centerY: plot.midY)
    }

    /// Lays the chart out: a first y axis fixes the left margin, hence the width each category
    /// gets, hence how category labels must be set, hence the bottom margin and the final axis.
    private func layout(_ canvas: Canvas, valueTexts: [[String]]) throws -> Layout {
        var top = PlotChrome.contentTop(title: title)
        let legendMidY = top + Theme.title.capHeight + 2
        if series.count > 1 { top += Legend.rowHeight + 8 }
        let xLabelHeight = xLabel.isEmpty ? 0 : Theme.axisTitle.size + 8
        let yTitleWidth = yLabel.isEmpty ? 0 : Theme.axisTitle.size + 10
        let right = size.width - Theme.margin
        let groups = Double(max(categories.count, 1))
        let bars = Double(max(series.count, 1))

        let roughBottom = size.height - Theme.margin - xLabelHeight - 2 * Theme.tickLabel.size
        var y = yAxis(canvas, bottom: roughBottom, top: top, valueTexts: valueTexts, barWidth: 40)
        var left = Theme.margin + yTitleWidth + y.widestLabel(canvas) + 7
        let labels = CategoryLabels(categories, slotWidth: (right - left) / groups, canvas)
        let bottom = size.height - Theme.margin - xLabelHeight - labels.height - 8
        let barWidth = (right - left) / groups * 0.8 / bars
        y = yAxis(canvas, bottom: bottom, top: top, valueTexts: valueTexts, barWidth: barWidth)
        left = max(left, Theme.margin + yTitleWidth + y.widestLabel(canvas) + 7)
        guard right - left >= 40, bottom - top >= 40 else {
            throw FigureError.invalidData(
                figure: title,
                problem: "size \(size.width)x\(size.height) leaves no room for the bars")
        }
        return Layout(
            plot: Rect(x: left, y: top, width: right - left, height: bottom - top), y: y,
            labels: labels, legendMidY: legendMidY, categoryCount: categories.count,
            seriesCount: series.count)
    }

    /// The bars and their error bars.
    private func drawBars(_ canvas: Canvas, _ layout: Layout) {
        let zero = layout.zero
        for (k, (s, color)) in zip(series, colors).enumerated() {
            for (i, value) in s.values.enumerated() where value.isFinite {
                let x = layout.barLeft(category: i, series: k)
                let end = layout.y.scale.pixel(value)
                canvas.fill(
                    Rect(
                        x: x + 0.5, y: min(end, zero), width: layout.barWidth - 1,
                        height: abs(end - zero)),
                    color)
                if let e = s.errors?[i], e.isFinite, e > 0 {
                    drawErrorBar(
                        canvas, x: x + layout.barWidth / 2, from: layout.y.scale.pixel(value - e),
                        to: layout.y.scale.pixel(value + e), cap: min(layout.barWidth * 0.5, 8))
                }
            }
        }
    }

    /// Whether value labels of bars `barWidth` wide must stand upright to fit.
    private func valuesUpright(_ canvas: Canvas, _ texts: [[String]], barWidth: Double) -> Bool {
        let widest = texts.joined().map { canvas.width(of: $0, Self.valueStyle) }.max() ?? 0
        return widest > barWidth + 6
    }

    /// The y axis between `bottom` and `top`; the `.auto` range includes 0 and leaves room
    /// above the tallest bar for its value label.
    private func yAxis(
        _ canvas: Canvas, bottom: Double, top: Double, valueTexts: [[String]], barWidth: Double
    ) -> NumericAxis {
        let extent = finiteExtent(reach + [0]) ?? 0...1
        var domain = yRange.domain(for: extent, padding: 0.05)
        if case .auto = yRange {
            let upright = valuesUpright(canvas, valueTexts, barWidth: barWidth)
            let widest =
                valueTexts.joined().map { canvas.width(of: $0, Self.valueStyle) }.max() ?? 0
            let room = showsValues ? (upright ? widest : Self.valueStyle.capHeight) + 10 : 8
            let f = min(room / max(bottom - top, 1), 0.5)
            let lo = min(extent.lowerBound, 0)
            let hi = extent.upperBound
            domain = lo...max((hi - lo * f) / (1 - f), hi + (hi - lo) * 0.03)
            if lo < 0 { domain = (lo - (hi - lo) * f)...domain.upperBound }
        }
        return NumericAxis(vertical: domain, bottom: bottom, top: top, style: yStyle)
    }

    private func drawErrorBar(
        _ canvas: Canvas, x: Double, from y0: Double, to y1: Double, cap: Double
    ) {
        let ink = Theme.ink
        canvas.line(from: Point(x: x, y: y0), to: Point(x: x, y: y1), color: ink, width: 1.1)
        for y in [y0, y1] {
            canvas.line(
                from: Point(x: x - cap / 2, y: y), to: Point(x: x + cap / 2, y: y), color: ink,
                width: 1.1)
        }
    }

    /// A value label just beyond the bar's tip (above, or below for negative bars), upright
    /// when it is wider than the bar.
    private func drawValue(
        _ canvas: Canvas, _ text: String, x: Double, tip: Double, below: Bool, barWidth: Double
    ) {
        let style = Self.valueStyle
        if canvas.width(of: text, style) > barWidth + 6 {
            canvas.text(
                text, at: Point(x: x, y: below ? tip + 4 : tip - 4), style,
                horizontal: below ? .right : .left, vertical: .middle, angle: -Double.pi / 2)
        } else {
            canvas.text(
                text, at: Point(x: x, y: below ? tip + 4 : tip - 4), style, horizontal: .center,
                vertical: below ? .top : .bottom)
        }
    }
}
