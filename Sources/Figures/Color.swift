/// Colours: the colour-blind-safe palette series are drawn in, the greys of the figure furniture,
/// and the choice of black or white text that stays readable on a filled cell.
import Foundation

/// An opaque sRGB colour, each component in [0, 1].
public struct Color: Sendable, Equatable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    /// A colour from components in [0, 1].
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a 24-bit hex code, e.g. `0x0072B2`.
    public init(hex: UInt32) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255)
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
    /// A neutral dark grey, for reference curves such as "reported by the original".
    public static let gray = Color(hex: 0x555555)

    /// The Okabe-Ito palette (Okabe & Ito, 2008), ordered so the first colours are the most
    /// distinct on white; yellow, the hardest to see on white, comes last. Series without a colour
    /// of their own take these in order.
    public static let palette: [Color] = [
        Color(hex: 0x0072B2),  // blue
        Color(hex: 0xD55E00),  // vermillion
        Color(hex: 0x009E73),  // bluish green
        Color(hex: 0xCC79A7),  // reddish purple
        Color(hex: 0xE69F00),  // orange
        Color(hex: 0x56B4E9),  // sky blue
        Color(hex: 0x000000),  // black
        Color(hex: 0xF0E442),  // yellow
    ]

    /// The palette colour for the series at `index`, cycling when there are more series.
    public static func series(_ index: Int) -> Color {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    /// The colours of series whose own colours are `chosen`: each keeps its own, and those
    /// without one take the palette's colours in order.
    static func assigned(_ chosen: [Color?]) -> [Color] {
        var next = 0
        return chosen.map { own in
            if let own { return own }
            defer { next += 1 }
            return series(next)
        }
    }

    /// WCAG relative luminance: 0 for black, 1 for white.
    public var relativeLuminance: Double {
        func linear(_ c: Double) -> Double {
            c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever has the higher WCAG contrast ratio against this colour: the
    /// colour to write a value in on a cell filled with this colour.
    public var contrastingText: Color {
        let l = relativeLuminance
        let againstWhite = 1.05 / (l + 0.05)
        let againstBlack = (l + 0.05) / 0.05
        return againstWhite > againstBlack ? .white : .black
    }

    /// The colour mixed with white: `amount` 0 keeps it, 1 gives white.
    func lightened(_ amount: Double) -> Color {
        Color(
            red: red + (1 - red) * amount, green: green + (1 - green) * amount,
            blue: blue + (1 - blue) * amount)
    }
}

/// The greys and sizes every figure shares, so the four kinds read as one family.
enum Theme {
    /// Titles, labels and numbers.
    static let ink = Color(hex: 0x222222)
    /// Tick labels and secondary text.
    static let mutedInk = Color(hex: 0x444444)
    /// The left and bottom axis lines and tick marks.
    static let axis = Color(hex: 0x888888)
    /// The light grid behind the data.
    static let grid = Color(hex: 0xE4E4E4)
    /// Target lines and their labels.
    static let reference = Color(hex: 0x666666)

    static let title = TextStyle(size: 15, bold: true, color: ink)
    static let axisTitle = TextStyle(size: 13, bold: false, color: ink)
    static let tickLabel = TextStyle(size: 11.5, bold: false, color: mutedInk)
    static let legend = TextStyle(size: 12, bold: false, color: ink)
    static let caption = TextStyle(size: 11.5, bold: false, color: ink)
    static let annotation = TextStyle(size: 11.5, bold: false, color: reference)

    /// The space between the figure's edge and anything drawn.
    static let margin = 12.0
}
