import Testing
@testable import Learning

struct SoftmaxRegressionTests {
    @Test func fitStopsTenStepsAfterItsBestScoreAndKeepsTheBestWeights() throws {
        let regression = try SoftmaxRegression(imageShape: [6, 6, 1], classes: 3)
        let data = TinyModel.data(count: 30, seed: 1), scoring = TinyModel.data(count: 30, seed: 2)
        let history = try regression.fit(data, scoringOn: scoring)
        let best = try #require(history.bestEpoch)
        #expect(history.epochs == best + 11)
        #expect(history.validationAccuracy[best] == history.validationAccuracy.max())
        #expect(try regression.model.evaluate(scoring).accuracy == history.validationAccuracy[best])
    }

    @Test func zeroStartMakesFitDeterministicAndResetStartsOver() throws {
        let data = TinyModel.data(count: 20, seed: 3), scoring = TinyModel.data(count: 10, seed: 4)
        let first = try SoftmaxRegression(imageShape: [6, 6, 1], classes: 3)
        let second = try SoftmaxRegression(imageShape: [6, 6, 1], classes: 3)
        try first.fit(data, scoringOn: scoring)
        try second.fit(data, scoringOn: scoring)
        #expect(first.model.weights == second.model.weights)
        first.reset()
        #expect(first.model.weights.allSatisfy { $0.scalars.allSatisfy { $0 == 0 } })
        try first.fit(data, scoringOn: scoring)
        #expect(first.model.weights == second.model.weights)
    }
}
