/// Sequential colour scales for heat maps: a value in [0, 1] becomes a colour, light for low and
/// dark for high, so cell text can switch from black to white as the fill darkens.

/// A sequential colour scale, piecewise linear between published anchor colours.
public enum ColorScale: Sendable, Equatable {
    /// ColorBrewer "Blues" (9 classes): white to dark blue; the usual confusion-matrix scale.
    case blues
    /// Matplotlib's "viridis", reversed so that low values are light (yellow) and high dark.
    case viridis

    private var anchors: [Color] {
        switch self {
        case .blues:
            return [
                0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C,
                0x08306B,
            ].map(Color.init(hex:))
        case .viridis:
            return [0xFDE725, 0x90D743, 0x35B779, 0x21918C, 0x31688E, 0x443983, 0x440154]
                .map(Color.init(hex:))
        }
    }

    /// The colour at `t` in [0, 1] (clamped); NaN gives a light grey, so a missing value shows.
    public func color(at t: Double) -> Color {
        guard !t.isNaN else { return Color(hex: 0xD9D9D9) }
        let stops = anchors
        let position = min(max(t, 0), 1) * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        let f = position - Double(lower)
        let a = stops[lower]
        let b = stops[lower + 1]
        return Color(
            red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f,
            blue: a.blue + (b.blue - a.blue) * f)
    }
}
