/// Where a plot already has ink, on a coarse grid, so that the legend and labels can be put where
/// they cover the least data.

/// A coarse bitmap over a plot rectangle: a cell is set when something was drawn through it.
struct Occupancy {
    let area: Rect
    private let cell = 4.0
    private let columns: Int
    private let rows: Int
    private var filled: [Bool]

    init(area: Rect) {
        self.area = area
        columns = max(1, Int((area.width / cell).rounded(.up)))
        rows = max(1, Int((area.height / cell).rounded(.up)))
        filled = Array(repeating: false, count: columns * rows)
    }

    /// Marks the cell under `p` (points outside the area are ignored).
    mutating func mark(_ p: Point) {
        guard p.x.isFinite, p.y.isFinite, area.contains(p) else { return }
        let c = min(columns - 1, Int((p.x - area.minX) / cell))
        let r = min(rows - 1, Int((p.y - area.minY) / cell))
        filled[r * columns + c] = true
    }

    /// Marks every cell a straight segment from `a` to `b` passes through.
    mutating func mark(from a: Point, to b: Point) {
        let length = max(abs(b.x - a.x), abs(b.y - a.y))
        guard length.isFinite else { return }
        let steps = min(Int(length / (cell / 2)) + 1, 100_000)
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            mark(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
        }
    }

    /// Marks every cell inside `rect`.
    mutating func mark(_ rect: Rect) {
        var y = max(rect.minY, area.minY)
        while y <= min(rect.maxY, area.maxY) {
            mark(from: Point(x: rect.minX, y: y), to: Point(x: rect.maxX, y: y))
            y += cell / 2
        }
    }

    /// The number of set cells that `rect` overlaps, or `Int.max` when `rect` leaves the area.
    func count(in rect: Rect) -> Int {
        guard rect.minX >= area.minX - 0.5, rect.maxX <= area.maxX + 0.5,
            rect.minY >= area.minY - 0.5, rect.maxY <= area.maxY + 0.5
        else { return Int.max }
        let c0 = max(0, Int((rect.minX - area.minX) / cell))
        let c1 = min(columns - 1, Int((rect.maxX - area.minX) / cell))
        let r0 = max(0, Int((rect.minY - area.minY) / cell))
        let r1 = min(rows - 1, Int((rect.maxY - area.minY) / cell))
        guard c0 <= c1, r0 <= r1 else { return 0 }
        var n = 0
        for r in r0...r1 {
            for c in c0...c1 where filled[r * columns + c] { n += 1 }
        }
        return n
    }
}
