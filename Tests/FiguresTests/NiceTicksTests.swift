/// Nice ticks: literal ranges with the ticks a person would choose, worked out by hand.
import Testing

@testable import Figures

struct NiceTicksTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var lower: Double
        var upper: Double
        var maxCount: Int
        var expected: [Double]
        var testDescription: String { "\(lower)...\(upper), at most \(maxCount)" }
    }

    @Test(
        "ticks are the densest 1-2-5 steps that fit",
        arguments: [
            Case(lower: 0, upper: 1, maxCount: 7, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
            Case(lower: 1800, upper: 5600, maxCount: 7, expected: [2000, 3000, 4000, 5000]),
            Case(
                lower: 1800, upper: 5600, maxCount: 8,
                expected: [2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500]),
            Case(
                lower: 0.8, upper: 0.92, maxCount: 7,
                expected: [0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92]),
            Case(
                lower: 0.83, upper: 0.905, maxCount: 9,
                expected: [0.83, 0.84, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9]),
            Case(lower: -2.5, upper: 2.5, maxCount: 6, expected: [-2, -1, 0, 1, 2]),
            Case(
                lower: 0, upper: 100, maxCount: 11,
                expected: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
            Case(lower: 0, upper: 100, maxCount: 10, expected: [0, 20, 40, 60, 80, 100]),
            Case(lower: 0, upper: 100, maxCount: 3, expected: [0, 50, 100]),
            Case(lower: 0, upper: 100, maxCount: 2, expected: [0, 100]),
            Case(lower: 5600, upper: 1800, maxCount: 7, expected: [2000, 3000, 4000, 5000]),
            Case(lower: 0.5, upper: 0.5, maxCount: 7, expected: [0.5]),
        ])
    func literalRanges(_ c: Case) {
        let ticks = NiceTicks(lower: c.lower, upper: c.upper, maxCount: c.maxCount)
        #expect(ticks.values == c.expected)
    }

    @Test("non-finite ranges and impossible counts give no ticks, quickly")
    func degenerateRanges() {
        #expect(NiceTicks(lower: .nan, upper: 1, maxCount: 7).values.isEmpty)
        #expect(NiceTicks(lower: 0, upper: .infinity, maxCount: 7).values.isEmpty)
        #expect(
            NiceTicks(
                lower: -.greatestFiniteMagnitude, upper: .greatestFiniteMagnitude, maxCount: 7
            ).values.isEmpty)
        #expect(NiceTicks(lower: 0, upper: 1, maxCount: 1).values.isEmpty)
    }

    @Test("tiny and huge ranges still give between 2 and maxCount ticks")
    func extremeMagnitudes() {
        for (lower, upper) in [(1e-12, 3e-12), (1e12, 7e12), (1, 1 + 1e-9), (-1e30, 1e30)] {
            let ticks = NiceTicks(lower: lower, upper: upper, maxCount: 7)
            #expect(
                (2...7).contains(ticks.values.count), "\(lower)...\(upper) gave \(ticks.values)")
            let slack = (upper - lower) * 1e-6
            #expect(ticks.values.allSatisfy { $0 >= lower - slack && $0 <= upper + slack })
        }
    }

    @Test("labels carry just the decimals the step needs")
    func labelDecimals() {
        let cases: [(Double, Double, Int, NumberStyle, [String])] = [
            (0, 1, 7, .plain, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
            (
                1800, 5600, 7, .plain,
                ["2\u{202F}000", "3\u{202F}000", "4\u{202F}000", "5\u{202F}000"]
            ),
            (1800, 5600, 8, .compact, ["2k", "2.5k", "3k", "3.5k", "4k", "4.5k", "5k", "5.5k"]),
            (0.8, 0.95, 4, .percent, ["80\u{202F}%", "85\u{202F}%", "90\u{202F}%", "95\u{202F}%"]),
            (
                0.9, 0.95, 6, .percent,
                [
                    "90\u{202F}%", "91\u{202F}%", "92\u{202F}%", "93\u{202F}%", "94\u{202F}%",
                    "95\u{202F}%",
                ]
            ),
            (
                0.9, 0.905, 6, .percent,
                [
                    "90.0\u{202F}%", "90.1\u{202F}%", "90.2\u{202F}%", "90.3\u{202F}%",
                    "90.4\u{202F}%", "90.5\u{202F}%",
                ]
            ),
        ]
        for (lower, upper, maxCount, style, expected) in cases {
            let ticks = NiceTicks(lower: lower, upper: upper, maxCount: maxCount)
            let labels = ticks.values.map { style.format($0, decimals: ticks.decimals(in: style)) }
            #expect(labels == expected)
        }
    }
}
