// Seconds to a target accuracy, with answers worked by hand from per-round seconds.
import Testing

@testable import StudyKit

@Suite struct SecondsToReachTests {
    /// Three rounds at 1 000, 2 000 and 3 000 labels scoring 40 %, 55 % and 62 %.
    let curve = LearningCurve(labels: [1_000, 2_000, 3_000], accuracies: [0.40, 0.55, 0.62])
    let seconds = [10.0, 20.0, 40.0]

    @Test(arguments: [
        // the first round already at 40 %: its own 10 s
        (0.40, 10.0 as Double?),
        // 50 % first reached in round 1: 10 + 20, no interpolation between rounds
        (0.50, 30.0),
        // exactly at a round's accuracy counts as reached
        (0.55, 30.0),
        // 60 % in round 2: 10 + 20 + 40
        (0.60, 70.0),
        (0.70, nil),
    ])
    func theSecondsRunThroughTheFirstRoundAtTheTarget(target: Double, expected: Double?) {
        #expect(SecondsToReach.seconds(toReach: target, curve: curve, secondsPerRound: seconds) == expected)
    }

    @Test func trialsThatMissTheTargetAreLeftOutOfReached() {
        let slow = LearningCurve(labels: [1_000, 2_000, 3_000], accuracies: [0.30, 0.45, 0.48])
        let reach = SecondsToReach(0.5, curves: [curve, slow, curve], secondsPerRound: [seconds, seconds, [1, 2, 4]])
        #expect(reach.perTrial == [30, nil, 3])
        #expect(reach.reached == [30, 3])
        #expect(!reach.neverReached)
        #expect(SecondsToReach(0.9, curves: [curve], secondsPerRound: [seconds]).neverReached)
    }

    @Test func itReachesWhereLabelsToReachDoes() {
        // the same rounds reach the target, so both leave out the same trials
        let slow = LearningCurve(labels: [1_000, 2_000], accuracies: [0.30, 0.45])
        let curves = [curve, slow]
        let labels = LabelsToReach(0.5, curves: curves)
        let time = SecondsToReach(0.5, curves: curves, secondsPerRound: [seconds, [5, 5]])
        #expect(labels.perTrial.map { $0 != nil } == time.perTrial.map { $0 != nil })
    }
}
