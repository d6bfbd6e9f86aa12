// The one mean ± sd formatter, with answers worked by hand (sample standard deviation, n − 1).
import Testing

@testable import StudyKit

@Suite struct MeanAndSpreadTests {
    @Test(arguments: [
        // mean 0.86, sd = sqrt(2 × 0.01² / 1) = 0.01414 → 1.4 %
        ([0.85, 0.87], ResultsTable.Format.percent(1), "86.0\u{202F}% ± 1.4\u{202F}%"),
        ([0.9007], .percent(2), "90.07\u{202F}%"),
        ([1, 2, 3], .decimal(2), "2.00 ± 1.00"),
        ([-2.5, -3.5], .decimal(1), "−3.0 ± 0.7"),
        // counts keep one decimal of spread: sd of 400, 500 = 70.71
        ([400, 500], .count, "450 ± 70.7"),
        ([5600], .count, "5\u{202F}600"),
        ([], .decimal(1), "—"),
        ([.nan], .decimal(1), "n/a"),
    ])
    func meanAndSpreadInTheTablesFormats(values: [Double], format: ResultsTable.Format, text: String) {
        #expect(ResultsTable.meanAndSpread(values, as: format, countingTrials: false) == text)
    }

    @Test func theTrialCountIsAddedUnlessTheTableStatesIt() {
        #expect(ResultsTable.meanAndSpread([0.85, 0.87], as: .percent(1)) == "86.0\u{202F}% ± 1.4\u{202F}% (2 trials)")
        #expect(ResultsTable.meanAndSpread([0.85], as: .percent(1)) == "85.0\u{202F}%")
    }

    @Test func aComparisonRowHasTheQuantityTheOriginalAndThisRun() {
        var table = ResultsTable.comparison("Test accuracy")
        table.compare("Round 9", reported: 0.9007, thisRun: [0.9], as: .percent(1))
        table.compare("Round 10", reported: nil, thisRun: [0.85, 0.87], as: .percent(1))
        #expect(table.rows == [
            ["Round 9", "90.1\u{202F}%", "90.0\u{202F}%"],
            ["Round 10", "—", "86.0\u{202F}% ± 1.4\u{202F}% (2 trials)"],
        ])
    }
}
