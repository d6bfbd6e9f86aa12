/// The legend: one row per series with a sample of how it is drawn (line, dash, marker, band or
/// bar), as a box inside a plot or a single row above it.

/// How one legend entry's sample is drawn.
struct LegendEntry {
    enum Sample {
        /// A line sample, dashed or solid, with an optional marker (hollow when dashed) and an
        /// optional shaded band behind it.
        case line(dashed: Bool, marker: Bool, band: Bool)
        /// A filled square, as for a bar.
        case box
    }

    var name: String
    var color: Color
    var sample: Sample
}

/// A list of legend entries, drawn as a framed column or as a single row.
struct Legend {
    var entries: [LegendEntry]

    static let style = Theme.legend
    private static let padding = 8.0
    private static let sampleWidth = 28.0
    private static let sampleGap = 7.0
    /// The height of one entry, and of the whole single-row legend.
    static let rowHeight = 19.0
    private static let columnGap = 20.0

    var isEmpty: Bool { entries.isEmpty }

    /// The size of the framed column.
    func boxSize(_ canvas: Canvas) -> (width: Double, height: Double) {
        let widest = entries.map { canvas.width(of: $0.name, Self.style) }.max() ?? 0
        return (
            2 * Self.padding + Self.sampleWidth + Self.sampleGap + widest,
            2 * Self.padding + Double(entries.count) * Self.rowHeight - 4
        )
    }

    /// Draws the framed column with its top-left corner at `origin`.
    func drawBox(_ canvas: Canvas, at origin: Point) {
        let size = boxSize(canvas)
        let frame = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        canvas.fill(frame, .white, alpha: 0.92)
        canvas.stroke(frame, Theme.grid, width: 1)
        for (i, entry) in entries.enumerated() {
            let midY = origin.y + Self.padding + (Double(i) + 0.5) * Self.rowHeight - 2
            drawEntry(entry, canvas, x: origin.x + Self.padding, midY: midY)
        }
    }

    /// The width of the single row.
    func rowWidth(_ canvas: Canvas) -> Double {
        let items = entries.map {
            Self.sampleWidth + Self.sampleGap + canvas.width(of: $0.name, Self.style)
        }
        return items.reduce(0, +) + Double(max(entries.count - 1, 0)) * Self.columnGap
    }

    /// The entries in rows no wider than `maxWidth`, in order (an entry wider than that gets a
    /// row of its own).
    func rows(_ canvas: Canvas, maxWidth: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        for entry in entries {
            if let last = rows.last, Legend(entries: last + [entry]).rowWidth(canvas) <= maxWidth {
                rows[rows.count - 1].append(entry)
            } else {
                rows.append([entry])
            }
        }
        return rows
    }

    /// Draws the entries side by side, the row centred on `centerX` and on `midY` vertically.
    func drawRow(_ canvas: Canvas, centerX: Double, midY: Double) {
        var x = centerX - rowWidth(canvas) / 2
        for entry in entries {
            drawEntry(entry, canvas, x: x, midY: midY)
            x +=
                Self.sampleWidth + Self.sampleGap + canvas.width(of: entry.name, Self.style)
                + Self.columnGap
        }
    }

    private func drawEntry(_ entry: LegendEntry, _ canvas: Canvas, x: Double, midY: Double) {
        let left = Point(x: x, y: midY)
        let right = Point(x: x + Self.sampleWidth, y: midY)
        switch entry.sample {
        case .line(let dashed, let marker, let band):
            if band {
                canvas.fill(
                    Rect(x: x, y: midY - 6, width: Self.sampleWidth, height: 12), entry.color,
                    alpha: LineStyle.bandAlpha)
            }
            canvas.line(
                from: left, to: right, color: entry.color, width: LineStyle.width,
                dash: dashed ? LineStyle.dash : [])
            if marker {
                LineStyle.drawMarker(
                    canvas, at: Point(x: x + Self.sampleWidth / 2, y: midY), color: entry.color,
                    hollow: dashed)
            }
        case .box:
            canvas.fill(
                Rect(x: x + 6, y: midY - 6, width: Self.sampleWidth - 12, height: 12), entry.color)
        }
        canvas.text(
            entry.name, at: Point(x: right.x + Self.sampleGap, y: midY), Self.style,
            vertical: .middle)
    }
}

/// How series lines look, shared by the plot and its legend.
enum LineStyle {
    static let width = 2.0
    static let dash: [Double] = [6, 3.5]
    static let markerRadius = 3.2
    static let bandAlpha = 0.16

    /// A round marker: filled with `color` and ringed in white, or white ringed in `color` when
    /// hollow (the marker of dashed, reference curves).
    static func drawMarker(_ canvas: Canvas, at p: Point, color: Color, hollow: Bool) {
        if hollow {
            canvas.circle(center: p, radius: markerRadius, fill: .white, outline: color)
        } else {
            canvas.circle(center: p, radius: markerRadius + 0.6, fill: .white)
            canvas.circle(center: p, radius: markerRadius, fill: color)
        }
    }
}
