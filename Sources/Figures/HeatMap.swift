/// Heat maps, chiefly confusion matrices: a grid of coloured cells with row and column labels,
/// axis titles, a colour bar, and each cell's value written in black or white, whichever reads
/// better on that cell.

/// A matrix drawn as coloured cells: `values[row][column]`, rows top to bottom.
public struct HeatMap: CanvasFigure, Sendable {
    public var title: String
    public var size: (width: Double, height: Double)
    /// The matrix, one inner array per row, all of the same length.
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// The title of the rows' axis, on the left ("true class").
    public var rowTitle: String
    /// The title of the columns' axis, at the bottom ("predicted class").
    public var columnTitle: String
    public var colorScale: ColorScale
    /// The values at the two ends of the colour scale; `nil` spans the data (from 0 when no
    /// value is negative).
    public var range: ClosedRange<Double>?
    public var valueStyle: NumberStyle
    /// Decimals of the cell values; `nil` gives none for whole numbers (counts), else 2.
    public var valueDecimals: Int?
    /// Writes each cell's value in it (skipped anyway when the cells are too small for text).
    public var showsValues: Bool

    /// A heat map of `values` (one array per row), labelled by `rowLabels` and `columnLabels`.
    public init(
        title: String, values: [[Double]], rowLabels: [String], columnLabels: [String],
        rowTitle: String = "true class", columnTitle: String = "predicted class",
        colorScale: ColorScale = .blues, range: ClosedRange<Double>? = nil,
        valueStyle: NumberStyle = .plain, valueDecimals: Int? = nil, showsValues: Bool = true,
        size: (width: Double, height: Double) = (620, 560)
    ) {
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.colorScale = colorScale
        self.range = range
        self.valueStyle = valueStyle
        self.valueDecimals = valueDecimals
        self.showsValues = showsValues
        self.size = size
    }

    /// A confusion matrix: `counts[trueClass][predictedClass]`, both axes labelled by `classes`.
    public static func confusionMatrix(
        title: String, counts: [[Int]], classes: [String],
        size: (width: Double, height: Double) = (620, 560)
    ) -> HeatMap {
        HeatMap(
            title: title, values: counts.map { $0.map(Double.init) }, rowLabels: classes,
            columnLabels: classes, size: size)
    }

    /// Writes the heat map as a PNG at twice `size`; throws `FigureError` naming `path`.
    public func writePNG(to path: String) throws { try FigureFile.writePNG(self, to: path) }

    /// Writes the heat map as an SVG of `size` CSS pixels; throws `FigureError` naming `path`.
    public func writeSVG(to path: String) throws { try FigureFile.writeSVG(self, to: path) }

    private var shapeProblem: String? {
        let columns = values.first?.count ?? 0
        if let row = values.firstIndex(where: { $0.count != columns }) {
            return "row \(row) has \(values[row].count) values but row 0 has \(columns)"
        }
        if rowLabels.count != values.count {
            return "\(values.count) rows but \(rowLabels.count) row labels"
        }
        if columnLabels.count != columns {
            return "\(columns) columns but \(columnLabels.count) column labels"
        }
        return nil
    }

    private static let labelStyle = CategoryLabels.style
    private static let barWidth = 14.0
    private static let zeroInk = Color(hex: 0xA8A8A8)

    func draw(on canvas: Canvas) throws {
        if let problem = shapeProblem {
            throw FigureError.invalidData(figure: title, problem: problem)
        }
        let rows = values.count
        let columns = values.first?.count ?? 0
        let extent = finiteExtent(values.joined())
        let lower = range?.lowerBound ?? min(extent?.lowerBound ?? 0, 0)
        var upper = range?.upperBound ?? extent?.upperBound ?? 1
        if upper <= lower { upper = lower + 1 }
        let scale = { (v: Double) in colorScale.color(at: (v - lower) / (upper - lower)) }

        // Horizontal space: row title, row labels, cells, colour bar with its labels.
        let top = PlotChrome.contentTop(title: title)
        let rowLabelWidth = rowLabels.map { canvas.width(of: $0, Self.labelStyle) }.max() ?? 0
        let matrixLeft =
            Theme.margin + (rowTitle.isEmpty ? 0 : Theme.axisTitle.size + 12)
            + rowLabelWidth + 8
        let barAxis = NumericAxis(
            vertical: lower...upper, bottom: size.height / 2 + 100, top: size.height / 2 - 100,
            style: valueStyle)
        let barReserve = 22 + Self.barWidth + 6 + barAxis.widestLabel(canvas) + Theme.margin
        let availableWidth = size.width - matrixLeft - barReserve

        // Vertical space: the column labels take CategoryLabels' most legible setting.
        let columnTitleHeight = columnTitle.isEmpty ? 0 : Theme.axisTitle.size + 10
        func cellSize(labelHeight: Double) -> Double {
            let availableHeight =
                size.height - top - Theme.margin - columnTitleHeight
                - labelHeight - 8
            return min(
                availableWidth / Double(max(columns, 1)), availableHeight / Double(max(rows, 1))
            ).rounded(.down)
        }
        var cell = cellSize(labelHeight: Theme.tickLabel.size)
        var labels = CategoryLabels(columnLabels, slotWidth: cell, canvas)
        for _ in 0..<2 where labels.setting != .upright {
            cell = cellSize(labelHeight: labels.height)
            labels = CategoryLabels(columnLabels, slotWidth: cell, canvas)
        }
        guard cell >= 4 else {
            throw FigureError.invalidData(
                figure: title,
                problem:
                    "size \(size.width)x\(size.height) is too small for \(rows)x\(columns) cells")
        }
        let matrix = Rect(
            x: (matrixLeft + (availableWidth - cell * Double(columns)) / 2).rounded(), y: top,
            width: cell * Double(columns), height: cell * Double(rows))

        drawCells(canvas, matrix: matrix, cell: cell, color: scale)
        for (i, label) in rowLabels.enumerated() {
            canvas.text(
                label, at: Point(x: matrix.minX - 8, y: matrix.minY + (Double(i) + 0.5) * cell),
                Self.labelStyle, horizontal: .right, vertical: .middle)
        }
        labels.draw(canvas, left: matrix.minX, slotWidth: cell, top: matrix.maxY + 7)
        PlotChrome.drawTitle(
            title, canvas, centerX: matrix.midX, maxWidth: size.width - 2 * Theme.margin)
        PlotChrome.drawVerticalTitle(rowTitle, canvas, left: Theme.margin, centerY: matrix.midY)
        canvas.text(
            columnTitle, at: Point(x: matrix.midX, y: matrix.maxY + 7 + labels.height + 10),
            Theme.axisTitle, horizontal: .center, vertical: .top)
        drawColorBar(
            canvas,
            Rect(x: matrix.maxX + 22, y: matrix.minY, width: Self.barWidth, height: matrix.height),
            lower: lower, upper: upper)
    }

    /// The cells, separated by thin white lines, each with its value in a contrasting colour;
    /// zeros on light cells are grey, so the few confusions in a matrix of zeros stand out.
    private func drawCells(
        _ canvas: Canvas, matrix: Rect, cell: Double, color: (Double) -> Color
    ) {
        let decimals =
            valueDecimals ?? NumberStyle.valueDecimals(Array(values.joined()), style: valueStyle)
        let texts = values.map { row in row.map { valueStyle.format($0, decimals: decimals) } }
        let widest = texts.joined().map { canvas.width(of: $0, Theme.caption) }.max() ?? 0
        let fontSize = min(Theme.caption.size, Theme.caption.size * (cell - 6) / max(widest, 1))
        let writesValues = showsValues && fontSize >= 7
        for (i, row) in values.enumerated() {
            for (j, value) in row.enumerated() {
                let box = Rect(
                    x: matrix.minX + Double(j) * cell, y: matrix.minY + Double(i) * cell,
                    width: cell, height: cell)
                let fill = color(value)
                canvas.fill(box.inset(by: 0.5), fill)
                guard writesValues, value.isFinite else { continue }
                var ink = fill.contrastingText
                if value == 0 && ink == .black { ink = Self.zeroInk }
                canvas.text(
                    texts[i][j], at: Point(x: box.midX, y: box.midY),
                    Theme.caption.with(size: fontSize).with(color: ink), horizontal: .center,
                    vertical: .middle)
            }
        }
    }

    /// The colour scale as a vertical bar, low at the bottom, with nice ticks on its right.
    private func drawColorBar(_ canvas: Canvas, _ bar: Rect, lower: Double, upper: Double) {
        canvas.fillVerticalGradient(
            bar, colors: (0...64).map { colorScale.color(at: Double($0) / 64) })
        canvas.stroke(bar, Theme.axis, width: 0.5)
        let axis = NumericAxis(
            vertical: lower...upper, bottom: bar.maxY, top: bar.minY, style: valueStyle)
        for (value, label) in zip(axis.ticks.values, axis.labels) {
            let y = axis.scale.pixel(value)
            canvas.line(
                from: Point(x: bar.maxX, y: y), to: Point(x: bar.maxX + 4, y: y),
                color: Theme.axis, width: 1)
            canvas.text(
                label, at: Point(x: bar.maxX + 7, y: y), Theme.tickLabel, vertical: .middle)
        }
    }
}
