import Testing
@testable import Learning

struct MonteCarloDropoutTests {
    @Test func reusingTheDeterministicLayersGivesTheSameSamplesAsFullPasses() {
        let model = TinyModel.make()
        let images = TinyModel.data(count: 7, seed: 1).images
        var (fastGenerator, naiveGenerator) = (SeededGenerator(seed: 5), SeededGenerator(seed: 5))
        let fast = model.predictStochastic(images, passes: 4, generator: &fastGenerator, batchSize: 3, path: .reuseDeterministicLayers)
        let naive = model.predictStochastic(images, passes: 4, generator: &naiveGenerator, batchSize: 3, path: .fullPasses)
        #expect(fast.shape == [4, 7, 3])
        #expect(fast == naive)
        #expect(fastGenerator == naiveGenerator)
    }

    @Test func passesDifferWithDropoutOn() {
        let model = TinyModel.make()
        let images = TinyModel.data(count: 3, seed: 2).images
        var generator = SeededGenerator(seed: 6)
        let samples = model.predictStochastic(images, passes: 2, generator: &generator)
        #expect(samples.slicing(rows: 0..<1).scalars != samples.slicing(rows: 1..<2).scalars)
    }

    @Test func withoutDropoutEveryPassIsThePrediction() throws {
        var generator = SeededGenerator(seed: 1)
        let model = try Sequential(inputShape: [6, 6, 1], layers: [.flatten, .dense(units: 3)], generator: &generator)
        let images = TinyModel.data(count: 4, seed: 3).images
        let samples = model.predictStochastic(images, passes: 3, generator: &generator)
        let prediction = model.predict(images).scalars
        #expect(samples.scalars == prediction + prediction + prediction)
    }
}
