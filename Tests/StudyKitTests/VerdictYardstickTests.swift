// Verdicts judged by a yardstick the study chooses, and the single-trial yardstick read off curves.
import Testing

@testable import StudyKit

@Suite struct VerdictYardstickTests {
    @Test(arguments: [
        // one trial a side: gap 0.05 against a yardstick of 0.02
        ([0.90], [0.85], 0.02, Verdict.Call.ahead),
        ([0.85], [0.90], 0.02, .behind),
        // gap 0.01 ≤ 0.02
        ([0.90], [0.89], 0.02, .withinSpread),
        // gap exactly the yardstick (0.5 − 0.25, exact in binary): within
        ([0.5], [0.25], 0.25, .withinSpread),
        // two trials with sds of 0.0141 and a gap of 0.10: the given 0.2 decides, not their sds
        ([0.90, 0.92], [0.80, 0.82], 0.2, .withinSpread),
        // a zero yardstick: any gap counts
        ([0.5], [0.25], 0, .ahead),
    ])
    func theCallComparesTheGapWithTheGivenYardstick(
        arm: [Double], baseline: [Double], yardstick: Double, call: Verdict.Call
    ) {
        let verdict = Verdict(arm, against: baseline, yardstick: yardstick)
        #expect(verdict.call == call)
        #expect(verdict.yardstick == yardstick)
    }

    @Test func theDifferenceIsBetweenTheMeans() {
        // means 0.75 and 0.25
        #expect(Verdict([0.5, 1.0], against: [0.0, 0.5], yardstick: 0.1).difference == 0.5)
    }

    @Test(arguments: [
        // falls 0.125 in the first curve, 0.25 in the second: the largest over both
        ([[0.5, 0.75, 0.625], [0.5, 0.25, 0.5]], 0.25),
        // rising or flat curves never fall
        ([[0.25, 0.5, 0.5, 0.75]], 0.0),
        // one point, or none: nothing to fall from
        ([[0.5], []], 0.0),
        ([], 0.0),
    ])
    func theLargestFallIsTheBiggestDropBetweenConsecutiveRounds(accuracies: [[Double]], fall: Double) {
        let curves = accuracies.map { LearningCurve(labels: (0..<$0.count).map { 100 * ($0 + 1) }, accuracies: $0) }
        #expect(Verdict.largestFall(in: curves) == fall)
    }
}
