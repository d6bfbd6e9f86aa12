// Verdicts from the numbers: a gap counts only when it exceeds the larger standard deviation.
import Testing

@testable import StudyKit

@Suite struct VerdictTests {
    @Test(arguments: [
        // means 0.91 vs 0.81, sds 0.0141 both: gap 0.10 > 0.0141
        ([0.90, 0.92], [0.80, 0.82], Verdict.Call.ahead),
        ([0.80, 0.82], [0.90, 0.92], .behind),
        // gap 0.01, sds 0.0707 and 0.0141: the larger one decides
        ([0.85, 0.95], [0.89, 0.91], .withinSpread),
        // gap exactly one sd (0.5 − 0.0 vs sd 0.7071 of [0, 1]): within
        ([0.0, 1.0], [0.0, 0.0], .withinSpread),
        ([0.99], [0.10, 0.20], .noSpread),
    ])
    func theCallComparesTheGapWithTheLargerSpread(arm: [Double], baseline: [Double], call: Verdict.Call) {
        #expect(Verdict(arm, against: baseline).call == call)
    }

    @Test func linesGiveSignedPointsTheYardstickAndTheCallAligned() {
        let lines = Verdict.lines(
            [("max entropy", [0.217, 0.269]), ("BALD", [0.128, 0.206])], against: [0.132, 0.108])
        #expect(lines == [
            "  max entropy +12.30 points (sd 3.7): ahead",
            "  BALD         +4.70 points (sd 5.5): within the spread, no evidence either way",
        ])
        // one trial has no spread: no "(sd 0.0)" beside a verdict that says so
        #expect(Verdict.lines([("margin", [0.8])], against: [0.7]) == ["  margin +10.00 points: one trial, no spread to judge by"])
    }
}
