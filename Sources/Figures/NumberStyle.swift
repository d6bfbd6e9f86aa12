/// How numbers read on axes, bars and cells: digits grouped by thousands with a narrow space
/// ("12 000"), compact thousands ("12k"), or percentages ("90 %"), with a true minus sign.
import Foundation

/// The way a figure writes the numbers of one axis or of its value labels.
public enum NumberStyle: Sendable, Equatable {
    /// Plain decimals, thousands grouped by a narrow space: "0.85", "5 600", "−2".
    case plain
    /// Thousands and millions as "k" and "M": "2k", "5.6k", "1.2M"; below 1 000 as `plain`.
    case compact
    /// Fractions as percentages: 0.9 is "90 %".
    case percent

    /// The narrow no-break space (U+202F) between digit groups and before "%".
    static let thinSpace = "\u{202F}"

    /// `value` written with `decimals` digits after the point of the number as displayed: of the
    /// percentage for `.percent`; of the raw value for `.compact`, so that -3 (thousands) writes
    /// 5 000 as "5k" and -2 writes 5 500 as "5.5k". NaN is "n/a".
    public func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        switch self {
        case .plain:
            return Self.grouped(value, decimals: decimals)
        case .percent:
            return Self.grouped(value * 100, decimals: decimals) + Self.thinSpace + "%"
        case .compact:
            let magnitude = abs(value)
            if magnitude >= 999_500 {
                return Self.trimmed(value / 1_000_000, decimals: max(decimals + 6, 0)) + "M"
            }
            if magnitude >= 1000 {
                return Self.trimmed(value / 1000, decimals: max(decimals + 3, 0)) + "k"
            }
            return Self.grouped(value, decimals: decimals)
        }
    }

    /// `format`, with "+" before positive values: a difference, such as "+1.21" or "−0.06"
    /// points. Zero as displayed has no sign.
    public func formatSigned(_ value: Double, decimals: Int) -> String {
        let text = format(value, decimals: decimals)
        let showsZero = !text.contains { $0.isNumber && $0 != "0" }
        return value > 0 && !showsZero ? "+" + text : text
    }

    /// The decimals (as `format` takes them) that tell apart ticks `10^exponent` apart.
    func decimals(forStep exponent: Int) -> Int {
        switch self {
        case .plain: return max(0, -exponent)
        case .percent: return max(0, -exponent - 2)
        case .compact: return -exponent
        }
    }

    /// The decimals for value labels of `values`: none when all are whole numbers (counts),
    /// else two significant places past the tick labels' precision.
    static func valueDecimals(_ values: [Double], style: NumberStyle) -> Int {
        let finite = values.filter(\.isFinite)
        if style != .percent && finite.allSatisfy({ $0 == $0.rounded() }) { return 0 }
        return style == .percent ? 1 : 2
    }

    /// Fixed decimals, digit groups of three in the integer part, "−" for negatives.
    private static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(max(decimals, 0))f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = String(parts[0])
        var groups: [Substring] = []
        var end = integer.endIndex
        while end > integer.startIndex {
            let start =
                integer.index(end, offsetBy: -3, limitedBy: integer.startIndex)
                ?? integer.startIndex
            groups.insert(integer[start..<end], at: 0)
            end = start
        }
        var result = groups.joined(separator: thinSpace)
        if parts.count > 1 { result += "." + parts[1] }
        let isZero = Double(text) == 0
        return value < 0 && !isZero ? "−" + result : result
    }

    /// Fixed decimals with trailing zeros dropped: 5.60 is "5.6", 2.0 is "2".
    private static func trimmed(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", abs(value))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return value < 0 && Double(text) != 0 ? "−" + text : text
    }
}
