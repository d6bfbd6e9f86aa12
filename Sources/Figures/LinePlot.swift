/// Line plots: learning curves and the like. Several series with markers, dashes and shaded
/// bands, horizontal target lines, nice ticks, and a legend placed where it covers no data
/// (inside the plot where there is room, else outside on the right).

/// A line plot of one or more series against a numeric x axis.
///
/// Series take the colour-blind-safe `Color.palette` in order unless they bring their own colour.
/// Non-finite points are skipped; a plot with no finite point draws its axes and "no data".
public struct LinePlot: CanvasFigure, Sendable {
    public var title: String
    public var size: (width: Double, height: Double)
    public var xLabel: String
    public var yLabel: String
    public var series: [LineSeries]
    public var targets: [TargetLine]
    public var xRange: AxisRange
    public var yRange: AxisRange
    public var xStyle: NumberStyle
    public var yStyle: NumberStyle

    /// A line plot of `series`, with horizontal `targets`, `size` in nominal pixels.
    /// `yStyle: .percent` writes 0.9 as "90 %"; `xStyle: .compact` writes 2 000 as "2k".
    public init(
        title: String, xLabel: String, yLabel: String, series: [LineSeries],
        targets: [TargetLine] = [], xRange: AxisRange = .auto, yRange: AxisRange = .auto,
        xStyle: NumberStyle = .plain, yStyle: NumberStyle = .plain,
        size: (width: Double, height: Double) = (720, 420)
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.targets = targets
        self.xRange = xRange
        self.yRange = yRange
        self.xStyle = xStyle
        self.yStyle = yStyle
        self.size = size
    }

    /// Writes the plot as a PNG at twice `size`; throws `FigureError` naming `path`.
    public func writePNG(to path: String) throws { try FigureFile.writePNG(self, to: path) }

    /// Writes the plot as an SVG of `size` CSS pixels; throws `FigureError` naming `path`.
    public func writeSVG(to path: String) throws { try FigureFile.writeSVG(self, to: path) }

    /// The targets that can be drawn (a NaN target, e.g. from a missing result, is left out).
    private var finiteTargets: [TargetLine] { targets.filter { $0.value.isFinite } }

    private var colors: [Color] { Color.assigned(series.map(\.color)) }

    /// The plot area and its two axes.
    private struct Frame {
        var plot: Rect
        var x: NumericAxis
        var y: NumericAxis

        func point(_ x: Double, _ y: Double) -> Point {
            Point(x: self.x.scale.pixel(x), y: self.y.scale.pixel(y))
        }
    }

    func draw(on canvas: Canvas) throws {
        if let problem = series.lazy.compactMap(\.lengthProblem).first {
            throw FigureError.invalidData(figure: title, problem: problem)
        }
        let xDomain = xRange.domain(for: finiteExtent(series.flatMap(\.x)), padding: 0.04)
        let yValues = series.flatMap { s in s.y + (s.band.map { $0.lower + $0.upper } ?? []) }
        let yDomain = yRange.domain(
            for: finiteExtent(yValues + finiteTargets.map(\.value)), padding: 0.08)
        let legend = Legend(
            entries: zip(series, colors).filter { !$0.0.name.isEmpty }.map { s, color in
                LegendEntry(
                    name: s.name, color: color,
                    sample: .line(dashed: s.dashed, marker: s.markers, band: s.band != nil))
            })
        let legendSize = legend.boxSize(canvas)
        // A target outside a fixed y range is left out, its label too.
        let targets = finiteTargets.filter { yDomain.contains($0.value) }

        var frame = try layout(canvas, xDomain: xDomain, yDomain: yDomain)
        var (occupancy, labels) = placeTargetLabels(targets, canvas, frame)
        var legendOrigin: Point?
        var legendRows: [[LegendEntry]] = []
        if !legend.isEmpty {
            legendOrigin = Self.freeSpot(for: legendSize, in: frame.plot, occupancy)
            if legendOrigin == nil && legendSize.width <= Self.widestSideLegend * size.width {
                frame = try layout(
                    canvas, xDomain: xDomain, yDomain: yDomain, rightReserve: legendSize.width + 14)
                (occupancy, labels) = placeTargetLabels(targets, canvas, frame)
                legendOrigin = Point(x: frame.plot.maxX + 22, y: frame.plot.minY)
            } else if legendOrigin == nil {
                // A wide legend beside the plot would squeeze it: rows under the axis title instead.
                legendRows = legend.rows(canvas, maxWidth: size.width - 2 * Theme.margin)
                frame = try layout(
                    canvas, xDomain: xDomain, yDomain: yDomain,
                    bottomReserve: Double(legendRows.count) * Legend.rowHeight + 10)
                (occupancy, labels) = placeTargetLabels(targets, canvas, frame)
            }
        }

        let plot = frame.plot
        frame.y.drawAsVertical(canvas, plot: plot)
        frame.x.drawAsHorizontal(canvas, plot: plot)
        canvas.clipped(to: plot.inset(by: -1)) {
            drawBands(canvas, frame)
            for target in targets {
                let y = frame.y.scale.pixel(target.value).rounded()
                canvas.line(
                    from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y),
                    color: Theme.reference, width: 1.2, dash: [2, 2.5])
            }
            drawLines(canvas, frame)
        }
        for (target, origin) in zip(targets, labels) {
            canvas.text(target.label, at: origin, Theme.annotation)
        }
        PlotChrome.drawAxisLines(canvas, plot: plot)
        if series.allSatisfy({ s in s.finiteRuns([s.y]).isEmpty }) {
            canvas.text(
                "no data", at: Point(x: plot.midX, y: plot.midY), Theme.annotation,
                horizontal: .center, vertical: .middle)
        }
        PlotChrome.drawTitle(
            title, canvas, centerX: size.width / 2, maxWidth: size.width - 2 * Theme.margin)
        let legendBelow = Double(legendRows.count) * Legend.rowHeight + (legendRows.isEmpty ? 0 : 10)
        canvas.text(
            xLabel, at: Point(x: plot.midX, y: size.height - Theme.margin - legendBelow), Theme.axisTitle,
            horizontal: .center, vertical: .bottom)
        for (index, row) in legendRows.enumerated() {
            let midY = size.height - Theme.margin - legendBelow + 10 + (Double(index) + 0.5) * Legend.rowHeight
            Legend(entries: row).drawRow(canvas, centerX: size.width / 2, midY: midY)
        }
        PlotChrome.drawVerticalTitle(yLabel, canvas, left: Theme.margin, centerY: plot.midY)
        if let legendOrigin { legend.drawBox(canvas, at: legendOrigin) }
    }

    /// The widest legend, as a share of the figure's width, that goes beside the plot when it
    /// fits nowhere inside; a wider one goes below.
    static let widestSideLegend = 0.3

    /// Lays out the plot area below the title, leaving `rightReserve` pixels on the right and
    /// `bottomReserve` below the x axis's title.
    private func layout(
        _ canvas: Canvas, xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>,
        rightReserve: Double = 0, bottomReserve: Double = 0
    ) throws -> Frame {
        let top = PlotChrome.contentTop(title: title)
        var bottom = size.height - Theme.margin - bottomReserve - Theme.tickLabel.size - 8
        if !xLabel.isEmpty { bottom -= Theme.axisTitle.size + 8 }
        let y = NumericAxis(vertical: yDomain, bottom: bottom, top: top, style: yStyle)
        var left = Theme.margin + y.widestLabel(canvas) + 7
        if !yLabel.isEmpty { left += Theme.axisTitle.size + 10 }
        let right = size.width - Theme.margin - rightReserve - 10
        guard right - left >= 40, bottom - top >= 40 else {
            throw FigureError.invalidData(
                figure: title,
                problem: "size \(size.width)x\(size.height) leaves no room for the plot")
        }
        let x = NumericAxis(
            horizontal: xDomain, left: left, right: right, style: xStyle, canvas: canvas)
        return Frame(
            plot: Rect(x: left, y: top, width: right - left, height: bottom - top), x: x, y: y)
    }

    /// Where the data has ink, and the baseline-left corner of each target's label: above or
    /// below its line, at the left or right end, wherever it crosses the least data.
    private func placeTargetLabels(_ targets: [TargetLine], _ canvas: Canvas, _ frame: Frame)
        -> (Occupancy, [Point])
    {
        var occupancy = Occupancy(area: frame.plot)
        for (s, _) in zip(series, colors) {
            for run in s.finiteRuns([s.y]) {
                let points = run.map { frame.point(s.x[$0], s.y[$0]) }
                for (a, b) in zip(points, points.dropFirst()) { occupancy.mark(from: a, to: b) }
                for p in points {
                    occupancy.mark(Rect(x: p.x - 4, y: p.y - 4, width: 8, height: 8))
                }
            }
            guard let band = s.band else { continue }
            for run in s.finiteRuns([band.lower, band.upper]) {
                for (i, j) in zip(run, run.dropFirst()) {
                    let x0 = frame.x.scale.pixel(s.x[i])
                    let x1 = frame.x.scale.pixel(s.x[j])
                    let steps = min(Int(abs(x1 - x0) / 2) + 1, 10_000)
                    for k in 0...steps {
                        let t = Double(k) / Double(steps)
                        let x = s.x[i] + (s.x[j] - s.x[i]) * t
                        let lo = band.lower[i] + (band.lower[j] - band.lower[i]) * t
                        let hi = band.upper[i] + (band.upper[j] - band.upper[i]) * t
                        occupancy.mark(from: frame.point(x, lo), to: frame.point(x, hi))
                    }
                }
            }
        }
        var origins: [Point] = []
        let plot = frame.plot
        for target in targets {
            let y = frame.y.scale.pixel(target.value)
            let width = canvas.width(of: target.label, Theme.annotation)
            let height = Theme.annotation.capHeight
            let candidates = [
                Rect(x: plot.minX + 8, y: y - 5 - height, width: width, height: height),
                Rect(x: plot.maxX - 8 - width, y: y - 5 - height, width: width, height: height),
                Rect(x: plot.minX + 8, y: y + 5, width: width, height: height),
                Rect(x: plot.maxX - 8 - width, y: y + 5, width: width, height: height),
            ]
            let best =
                candidates.min { a, b in
                    occupancy.count(in: a.inset(by: -2)) < occupancy.count(in: b.inset(by: -2))
                } ?? candidates[0]
            origins.append(Point(x: best.minX, y: best.maxY))
            occupancy.mark(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y))
            occupancy.mark(best.inset(by: -2))
        }
        return (occupancy, origins)
    }

    /// The top-left corner of a legend of `size` inside `plot` that covers no ink, trying the
    /// corners first, then the middles of the top and bottom edges; `nil` when none is free.
    static func freeSpot(
        for size: (width: Double, height: Double), in plot: Rect, _ occupancy: Occupancy
    ) -> Point? {
        let inset = 10.0
        let left = plot.minX + inset
        let right = plot.maxX - inset - size.width
        let center = plot.midX - size.width / 2
        let top = plot.minY + inset
        let bottom = plot.maxY - inset - size.height
        let middle = plot.midY - size.height / 2
        let spots = [
            Point(x: right, y: top), Point(x: left, y: top), Point(x: right, y: bottom),
            Point(x: left, y: bottom), Point(x: center, y: top), Point(x: center, y: bottom),
            Point(x: right, y: middle), Point(x: left, y: middle),
        ]
        return spots.first { spot in
            let box = Rect(x: spot.x, y: spot.y, width: size.width, height: size.height)
            return occupancy.count(in: box.inset(by: -4)) == 0
        }
    }

    private func drawBands(_ canvas: Canvas, _ frame: Frame) {
        for (s, color) in zip(series, colors) {
            guard let band = s.band else { continue }
            for run in s.finiteRuns([band.lower, band.upper]) {
                let upper = run.map { frame.point(s.x[$0], band.upper[$0]) }
                let lower = run.reversed().map { frame.point(s.x[$0], band.lower[$0]) }
                canvas.fillPolygon(upper + lower, color: color, alpha: LineStyle.bandAlpha)
            }
        }
    }

    private func drawLines(_ canvas: Canvas, _ frame: Frame) {
        for (s, color) in zip(series, colors) {
            let runs = s.finiteRuns([s.y])
            for run in runs {
                canvas.polyline(
                    run.map { frame.point(s.x[$0], s.y[$0]) }, color: color,
                    width: LineStyle.width, dash: s.dashed ? LineStyle.dash : [])
            }
            for run in runs where s.markers || run.count == 1 {
                for i in run {
                    LineStyle.drawMarker(
                        canvas, at: frame.point(s.x[i], s.y[i]), color: color, hollow: s.dashed)
                }
            }
        }
    }
}
