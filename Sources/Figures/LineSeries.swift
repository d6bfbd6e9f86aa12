/// What a line plot draws: named series of (x, y) points with an optional shaded band, and
/// horizontal target lines such as "90 % target".

/// One curve of a line plot: points joined in the order given, optionally with markers, a dash
/// (for reference curves, e.g. "reported by the original") and a shaded band such as mean ± sd.
///
/// Points whose x or y is NaN or infinite are skipped and break the line there.
public struct LineSeries: Sendable, Equatable {
    /// A shaded band around a series: `lower[i]...upper[i]` at `x[i]`.
    public struct Band: Sendable, Equatable {
        public var lower: [Double]
        public var upper: [Double]

        /// A band between `lower` and `upper`, each as long as the series' x.
        public init(lower: [Double], upper: [Double]) {
            self.lower = lower
            self.upper = upper
        }

        /// The band `mean[i] ± sd[i]`; `mean` and `sd` have the same length.
        public init(mean: [Double], sd: [Double]) {
            precondition(
                mean.count == sd.count,
                "Band(mean:sd:) needs as many sd as mean values, got \(mean.count) and \(sd.count)")
            lower = zip(mean, sd).map { $0 - $1 }
            upper = zip(mean, sd).map { $0 + $1 }
        }
    }

    /// The name shown in the legend; an empty name keeps the series out of the legend.
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var band: Band?
    /// Draws the line dashed and the markers hollow: the look of a reference curve.
    public var dashed: Bool
    /// Draws a round marker at every point.
    public var markers: Bool
    /// The colour; `nil` takes the next colour of `Color.palette`.
    public var color: Color?

    /// A series through the points `(x[i], y[i])`; `band`, if given, has as many values as `x`.
    public init(
        name: String, x: [Double], y: [Double], band: Band? = nil, dashed: Bool = false,
        markers: Bool = true, color: Color? = nil
    ) {
        self.name = name
        self.x = x
        self.y = y
        self.band = band
        self.dashed = dashed
        self.markers = markers
        self.color = color
    }

    /// A series of means `mean[i]` at `x[i]`, shaded `mean ± sd`: the usual summary of trials.
    public init(
        name: String, x: [Double], mean: [Double], sd: [Double], dashed: Bool = false,
        markers: Bool = true, color: Color? = nil
    ) {
        self.init(
            name: name, x: x, y: mean, band: Band(mean: mean, sd: sd), dashed: dashed,
            markers: markers, color: color)
    }

    /// The problem with this series' array lengths, if any, in words.
    var lengthProblem: String? {
        if x.count != y.count {
            return "series \"\(name)\" has \(x.count) x values but \(y.count) y values"
        }
        if let band, band.lower.count != x.count || band.upper.count != x.count {
            return "series \"\(name)\" has \(x.count) points but its band has "
                + "\(band.lower.count) lower and \(band.upper.count) upper values"
        }
        return nil
    }

    /// Index ranges of consecutive points where every array in `columns` is finite at x too.
    func finiteRuns(_ columns: [[Double]]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0...x.count {
            let ok = i < x.count && x[i].isFinite && columns.allSatisfy { $0[i].isFinite }
            if ok, start == nil { start = i }
            if !ok, let s = start {
                runs.append(s..<i)
                start = nil
            }
        }
        return runs
    }
}

/// A horizontal reference line across a line plot, with a short label, e.g. 0.90 "90 % target".
public struct TargetLine: Sendable, Equatable {
    public var value: Double
    public var label: String

    /// A line at y = `value` labelled `label`.
    public init(_ value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
