/// Number formatting: digit groups, compact thousands, percentages, the minus sign, NaN.
import Testing

@testable import Figures

struct NumberStyleTests {
    @Test(
        "numbers read as a person writes them",
        arguments: [
            (NumberStyle.plain, 5600.0, 0, "5\u{202F}600"),
            (.plain, 1_234_567.891, 2, "1\u{202F}234\u{202F}567.89"),
            (.plain, 999.0, 0, "999"),
            (.plain, -2.0, 0, "\u{2212}2"),
            (.plain, -0.0001, 2, "0.00"),
            (.plain, 0.8494, 4, "0.8494"),
            (.compact, 2000.0, -3, "2k"),
            (.compact, 5600.0, -2, "5.6k"),
            (.compact, 1_200_000.0, -5, "1.2M"),
            (.compact, 450.0, 0, "450"),
            (.percent, 0.9007, 2, "90.07\u{202F}%"),
            (.percent, 0.9, 0, "90\u{202F}%"),
            (.percent, -0.004, 1, "\u{2212}0.4\u{202F}%"),
            (.plain, Double.nan, 2, "n/a"),
        ])
    func formats(_ style: NumberStyle, _ value: Double, _ decimals: Int, _ expected: String) {
        #expect(style.format(value, decimals: decimals) == expected)
    }

    @Test(
        "differences carry their sign", arguments: [(1.214, "+1.21"), (-0.06, "\u{2212}0.06"), (0.001, "0.00"), (0.0, "0.00")])
    func signed(_ value: Double, _ expected: String) {
        #expect(NumberStyle.plain.formatSigned(value, decimals: 2) == expected)
    }

    @Test("value labels of counts have no decimals, fractions two")
    func valueDecimals() {
        #expect(NumberStyle.valueDecimals([873, 0, 12], style: .plain) == 0)
        #expect(NumberStyle.valueDecimals([0.873, 0.5], style: .plain) == 2)
        #expect(NumberStyle.valueDecimals([0.873, .nan], style: .percent) == 1)
    }
}
