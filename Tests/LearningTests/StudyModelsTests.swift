import Testing
@testable import Learning

/// The builders against the trainable-parameter counts Keras's `summary()` gives for the same
/// architectures, and the shapes the studies rely on.
struct StudyModelsTests {
    @Test func fashionCNNHasKerasParameterCountAndShapes() throws {
        var generator = SeededGenerator(seed: 1)
        let model = try StudyModels.fashionCNN(generator: &generator)
        // conv 640 + BN 128 + conv 73 856 + BN 256 + conv 295 168 + BN 512 + dense 2 360 320 + 524 800 + 5 130
        #expect(model.parameterCount == 3_260_810)
        #expect(model.outputShapes[10] == [3, 3, 256])
        let adam = try #require(model.optimizer as? Adam)
        #expect(adam.learningRate == 1e-3 && adam.decay == 1e-6)
    }

    @Test func mnistCNNIsKerasMnistCnn() throws {
        var generator = SeededGenerator(seed: 1)
        let model = try StudyModels.mnistCNN(generator: &generator)
        #expect(model.parameterCount == 1_199_882)
        #expect(model.outputShapes[2] == [12, 12, 64])
        #expect(model.optimizer is Adadelta)
    }

    @Test func bayesianCNNPoolsFiveAndScalesL2ByTheLabelledCount() throws {
        var generator = SeededGenerator(seed: 1)
        let model = try StudyModels.bayesianCNN(labelledCount: 20, generator: &generator)
        #expect(model.parameterCount == 76_522)
        #expect(model.outputShapes[2] == [4, 4, 32])
        #expect(model.layers[5] == .dense(units: 128, activation: .relu, l2: 3.5 / 20))
        #expect(model.firstStochasticLayer == 3)
    }

    @Test func cifarCNNAndSoftmaxRegression() throws {
        var generator = SeededGenerator(seed: 1)
        #expect(try StudyModels.cifarCNN(generator: &generator).parameterCount == 1_626_442)
        let regression = try StudyModels.softmaxRegression()
        #expect(regression.parameterCount == 7_850)
        #expect(regression.weights.allSatisfy { $0.scalars.allSatisfy { $0 == 0 } })
    }
}
