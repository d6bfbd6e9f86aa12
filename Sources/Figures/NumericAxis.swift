/// Numeric axes shared by line plots, bar charts and the heat map's colour bar: the map from
/// values to pixels, nice ticks that fit the axis length, the light grid, and the tick labels.

/// A linear map from an axis's values to pixel positions along it.
struct LinearScale {
    var domain: ClosedRange<Double>
    /// The pixel of `domain.lowerBound`; for a vertical axis this is the bottom edge.
    var start: Double
    /// The pixel of `domain.upperBound`.
    var end: Double

    func pixel(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        return start + (value - domain.lowerBound) / width * (end - start)
    }
}

/// One numeric axis laid out: its scale, its ticks and their labels.
struct NumericAxis {
    var scale: LinearScale
    var ticks: NiceTicks
    var labels: [String]

    /// A vertical axis from `bottom` up to `top` pixels, one tick every 36 px at most.
    init(vertical domain: ClosedRange<Double>, bottom: Double, top: Double, style: NumberStyle) {
        scale = LinearScale(domain: domain, start: bottom, end: top)
        let maxCount = max(2, Int((bottom - top) / 36) + 1)
        let ticks = NiceTicks(
            lower: domain.lowerBound, upper: domain.upperBound, maxCount: maxCount)
        self.ticks = ticks
        labels = ticks.values.map { style.format($0, decimals: ticks.decimals(in: style)) }
    }

    /// A horizontal axis from `left` to `right` pixels with as many ticks as leave a clear gap
    /// between neighbouring labels.
    init(
        horizontal domain: ClosedRange<Double>, left: Double, right: Double, style: NumberStyle,
        canvas: Canvas
    ) {
        scale = LinearScale(domain: domain, start: left, end: right)
        let length = right - left
        var maxCount = max(2, Int(length / 60) + 1)
        while true {
            let ticks = NiceTicks(
                lower: domain.lowerBound, upper: domain.upperBound, maxCount: maxCount)
            let labels = ticks.values.map { style.format($0, decimals: ticks.decimals(in: style)) }
            let widest = labels.map { canvas.width(of: $0, Theme.tickLabel) }.max() ?? 0
            let spacing = ticks.step / (domain.upperBound - domain.lowerBound) * length
            if maxCount == 2 || ticks.values.count < 2 || widest + 16 <= spacing {
                self.ticks = ticks
                self.labels = labels
                return
            }
            maxCount -= 1
        }
    }

    /// The width of the widest tick label.
    func widestLabel(_ canvas: Canvas) -> Double {
        labels.map { canvas.width(of: $0, Theme.tickLabel) }.max() ?? 0
    }

    /// Grid lines across `plot` at each tick of this vertical axis, labels to the left of it.
    func drawAsVertical(_ canvas: Canvas, plot: Rect) {
        for (value, label) in zip(ticks.values, labels) {
            let y = scale.pixel(value).rounded()
            canvas.line(
                from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y), color: Theme.grid,
                width: 1)
            canvas.text(
                label, at: Point(x: plot.minX - 7, y: y), Theme.tickLabel, horizontal: .right,
                vertical: .middle)
        }
    }

    /// Grid lines across `plot` at each tick of this horizontal axis, labels below it.
    func drawAsHorizontal(_ canvas: Canvas, plot: Rect) {
        for (value, label) in zip(ticks.values, labels) {
            let x = scale.pixel(value).rounded()
            canvas.line(
                from: Point(x: x, y: plot.minY), to: Point(x: x, y: plot.maxY), color: Theme.grid,
                width: 1)
            canvas.text(
                label, at: Point(x: x, y: plot.maxY + 7), Theme.tickLabel, horizontal: .center,
                vertical: .top)
        }
    }
}
