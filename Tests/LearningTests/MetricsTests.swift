import Foundation
import Testing

@testable import Learning

@Suite("Metrics")
struct MetricsTests {
    @Test("Accuracy counts matching positions")
    func accuracy() {
        #expect(Accuracy.of(predicted: [0, 1, 2, 2], labels: [0, 1, 1, 2]) == 0.75)
        #expect(Accuracy.of(predicted: [], labels: []) == 0)
    }

    @Test("The confusion matrix has true classes as rows; per-class accuracy is nil for an absent class")
    func confusion() {
        let matrix = ConfusionMatrix(predicted: [0, 1, 1, 0, 1], labels: [0, 1, 0, 0, 1], classCount: 3)
        #expect(matrix.counts == [[2, 1, 0], [0, 2, 0], [0, 0, 0]])
        #expect(matrix.accuracy == 0.8)
        #expect(matrix.perClassAccuracy == [2.0 / 3, 1, nil])
    }

    // labels 100, 200, 300, 400 against accuracy 0.5, 0.85, 0.8, 0.9
    let curve = LearningCurve(labels: [100, 200, 300, 400], accuracies: [0.5, 0.85, 0.8, 0.9])

    @Test(
        "Labels to reach a target interpolate between the points around its first crossing",
        arguments: [
            (0.4, 100.0),  // the first point already reaches it
            (0.5, 100.0),
            (0.675, 150.0),  // halfway from 0.5 to 0.85
            (0.85, 200.0),
            (0.88, 380.0),  // first reached between 300 (0.8) and 400 (0.9)
        ] as [(Double, Double)])
    func labelsToReach(target: Double, labels: Double) throws {
        let reached = try #require(curve.labelsToReach(target))
        #expect(abs(reached - labels) < 1e-9)
    }

    @Test("A target the curve never reaches gives nil")
    func notReached() {
        #expect(curve.labelsToReach(0.95) == nil)
        #expect(LearningCurve().labelsToReach(0.5) == nil)
    }

    @Test("The area under the curve is the trapezoid sum over the labels range")
    func area() throws {
        // (0, 0.5), (100, 0.7), (300, 0.9): 100 · 0.6 + 200 · 0.8 = 220, over 300 labels
        let hand = LearningCurve(labels: [0, 100, 300], accuracies: [0.5, 0.7, 0.9])
        #expect(abs(try #require(hand.normalizedArea) - 220.0 / 300) < 1e-12)
        #expect(LearningCurve(labels: [50], accuracies: [0.6]).normalizedArea == 0.6)
        #expect(LearningCurve().normalizedArea == nil)
    }

    @Test("Reading a curve between points interpolates; outside its range gives nil")
    func interpolation() {
        #expect(abs((curve.accuracy(atLabels: 250) ?? 0) - 0.825) < 1e-12)
        #expect(curve.accuracy(atLabels: 200) == 0.85)
        #expect(curve.accuracy(atLabels: 50) == nil)
        #expect(curve.accuracy(atLabels: 401) == nil)
    }

    @Test("Trial spread uses the sample standard deviation (n − 1)")
    func trialSpread() {
        let spread = TrialSpread([1, 2, 3, 4])
        #expect(spread.mean == 2.5 && spread.count == 4)
        #expect(abs(spread.standardDeviation - (5.0 / 3).squareRoot()) < 1e-12)
        #expect(TrialSpread([0.8]).standardDeviation == 0)
    }

    @Test("Curves recorded at the same labels average point by point")
    func alignedCurves() {
        let spread = CurveSpread([
            LearningCurve(labels: [100, 200], accuracies: [0.5, 0.6]),
            LearningCurve(labels: [100, 200], accuracies: [0.7, 0.8]),
        ])
        #expect(spread.labels == [100, 200] && spread.trials == 2)
        #expect(zip(spread.mean, [0.6, 0.7]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(spread.standardDeviation.allSatisfy { abs($0 - 0.02.squareRoot()) < 1e-12 })
    }

    @Test("Curves at different labels align on the union of labels in their common range")
    func misalignedCurves() {
        let spread = CurveSpread([
            LearningCurve(labels: [0, 100, 200], accuracies: [0.0, 0.4, 0.8]),
            LearningCurve(labels: [50, 150, 250], accuracies: [0.2, 0.6, 1.0]),
        ])
        // both are 0.004 · labels: every trial agrees at every common label count
        #expect(spread.labels == [50, 100, 150, 200])
        #expect(zip(spread.mean, [0.2, 0.4, 0.6, 0.8]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(spread.standardDeviation.allSatisfy { abs($0) < 1e-12 })
    }
}
