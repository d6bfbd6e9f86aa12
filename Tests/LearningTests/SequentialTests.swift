import Foundation
import Testing
@testable import Learning

/// A small model with every kind of layer, and toy data: 6×6 grey images whose class is the
/// quadrant holding a bright 2×2 block (three classes: top left, top right, bottom).
enum TinyModel {
    static let layers: [Layer] = [
        .conv2D(filters: 3, kernelSize: 3, padding: .same, activation: .relu), .batchNorm(),
        .maxPool2D(poolSize: 2), .dropout(rate: 0.25), .conv2D(filters: 4, kernelSize: 3),
        .flatten, .dense(units: 5, activation: .relu, l2: 0.01), .dropout(rate: 0.5), .dense(units: 3),
    ]

    static func make(seed: UInt64 = 1, optimizer: any Optimizer = Adam(learningRate: 0.01)) -> Sequential {
        var generator = SeededGenerator(seed: seed)
        return try! Sequential(inputShape: [6, 6, 1], layers: layers, optimizer: optimizer, generator: &generator)
    }

    static func data(count: Int, seed: UInt64) -> LabeledImages {
        var random = SeededGenerator(seed: seed)
        var scalars = (0..<(count * 36)).map { _ in random.nextFloat(in: 0..<0.2) }
        var labels: [Int] = []
        for n in 0..<count {
            let label = Int(random.next() % 3)
            let (top, left) = label == 0 ? (0, 0) : label == 1 ? (0, 4) : (4, 1 + Int(random.next() % 3))
            for y in top..<(top + 2) { for x in left..<(left + 2) { scalars[n * 36 + y * 6 + x] = 1 } }
            labels.append(label)
        }
        return LabeledImages(images: Tensor(shape: [count, 6, 6, 1], scalars: scalars), labels: labels, classNames: ["a", "b", "c"])
    }
}

/// Records what a model reports, for checking progress calls.
final class RecordingObserver: ProgressObserver {
    var events: [String] = []
    func begin(_ label: String, total: Int) { events.append("begin \(label) \(total)") }
    func update(completed: Int, detail: String) { events.append("update \(completed)") }
    func end(summary: String) { events.append("end") }
}

struct SequentialTests {
    /// Through every layer at once, ReLU and max-pool kinks included: an entry whose central
    /// differences at two step sizes disagree sits on a kink, where no finite difference is
    /// meaningful; at most one in ten may, and the rest must match.
    @Test func wholeModelGradientsMatchFiniteDifferencesOfTheMeanLoss() {
        let model = TinyModel.make()
        let data = TinyModel.data(count: 4, seed: 2)
        let masks = SeededGenerator(seed: 3)
        func loss() -> Double {
            var generator = masks
            return data.images.scalars.withUnsafeBufferPointer { x in
                data.labels.withUnsafeBufferPointer { y in
                    model.computeGradients(x, labels: y.baseAddress!, batch: 4, dropout: &generator).loss
                }
            } / 4 + model.regularizationLoss
        }
        _ = loss()
        let parameters = model.kernels.flatMap(\.parameters)
        let analytic = parameters.map { $0.gradient.map(Double.init) }
        for (parameter, analytic) in zip(parameters, analytic) {
            func centralDifference(_ i: Int, step: Float) -> Double {
                let original = parameter.value[i]
                parameter.value[i] = original + step
                let plus = loss()
                parameter.value[i] = original - step
                let minus = loss()
                parameter.value[i] = original
                return (plus - minus) / (2 * Double(step))
            }
            var (smoothAnalytic, smoothNumeric, kinks) = ([Double](), [Double](), 0)
            for i in analytic.indices {
                let (coarse, fine) = (centralDifference(i, step: 1e-3), centralDifference(i, step: 5e-4))
                if abs(coarse - fine) <= 0.05 * max(abs(fine), 0.01) {
                    smoothAnalytic.append(analytic[i])
                    smoothNumeric.append(fine)
                } else {
                    kinks += 1
                }
            }
            #expect(kinks <= analytic.count / 10, "parameter \(parameter.shape): \(kinks) entries on kinks")
            #expect(GradientCheck.relativeError(smoothAnalytic, smoothNumeric) < 1e-2, "parameter \(parameter.shape)")
        }
    }

    @Test func trainingLearnsTheToyProblem() throws {
        let model = TinyModel.make()
        var generator = SeededGenerator(seed: 4)
        let history = try model.fit(TinyModel.data(count: 96, seed: 5), epochs: 15, batchSize: 16, generator: &generator)
        #expect(history.loss.last! < history.loss.first!)
        #expect(try model.evaluate(TinyModel.data(count: 60, seed: 6)).accuracy > 0.9)
    }

    @Test func sameSeedsGiveBitIdenticalWeightsAndOtherSeedsDoNot() throws {
        let data = TinyModel.data(count: 40, seed: 7)
        func train(modelSeed: UInt64, fitSeed: UInt64) throws -> [Tensor] {
            let model = TinyModel.make(seed: modelSeed)
            var generator = SeededGenerator(seed: fitSeed)
            try model.fit(data, epochs: 2, batchSize: 8, generator: &generator)
            return model.weights
        }
        #expect(try train(modelSeed: 1, fitSeed: 2) == train(modelSeed: 1, fitSeed: 2))
        #expect(try train(modelSeed: 1, fitSeed: 2) != train(modelSeed: 1, fitSeed: 3))
        #expect(try train(modelSeed: 1, fitSeed: 2) != train(modelSeed: 9, fitSeed: 2))
    }

    @Test func jsonRoundTripKeepsWeightsPredictionsAndOptimizerState() throws {
        let model = TinyModel.make()
        var generator = SeededGenerator(seed: 8)
        let data = TinyModel.data(count: 24, seed: 9)
        try model.fit(data, epochs: 1, batchSize: 8, generator: &generator)
        let copy = try JSONDecoder().decode(Sequential.self, from: JSONEncoder().encode(model))
        #expect(copy.weights == model.weights)
        #expect(copy.layers == model.layers)
        #expect(copy.predict(data.images) == model.predict(data.images))
        var (first, second) = (generator, generator)
        try model.fit(data, epochs: 1, batchSize: 8, generator: &first)
        try copy.fit(data, epochs: 1, batchSize: 8, generator: &second)
        #expect(copy.weights == model.weights)
    }

    @Test func validationSplitHoldsOutTheLastImages() throws {
        let model = TinyModel.make()
        let data = TinyModel.data(count: 10, seed: 10)
        var generator = SeededGenerator(seed: 11)
        // Keras: split_at = int(10 · (1 - 0.25)) = 7, so images 7, 8, 9 validate.
        let history = try model.fit(data, epochs: 2, batchSize: 4, validationSplit: 0.25, generator: &generator)
        let held = try model.evaluate(data.subset(7..<10))
        #expect(history.validationLoss.count == 2)
        #expect(abs(history.validationLoss.last! - held.loss) < 1e-9)
        #expect(history.validationAccuracy.last! == held.accuracy)
    }

    @Test func earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() throws {
        let data = TinyModel.data(count: 16, seed: 12)
        let stopped = TinyModel.make()
        var generator = SeededGenerator(seed: 13)
        // With a huge min delta no epoch after the first counts as better.
        let history = try stopped.fit(
            data, epochs: 10, batchSize: 8,
            earlyStopping: EarlyStopping(monitor: .loss, patience: 2, minDelta: 1e9), generator: &generator)
        #expect(history.epochs == 3 && history.stoppedEarly && history.bestEpoch == 0 && history.restoredBestWeights)
        let oneEpoch = TinyModel.make()
        var same = SeededGenerator(seed: 13)
        try oneEpoch.fit(data, epochs: 1, batchSize: 8, generator: &same)
        #expect(stopped.weights == oneEpoch.weights)
    }

    @Test func predictGivesDistributionsAndActivationsHaveTheLayersShapes() {
        let model = TinyModel.make()
        let images = TinyModel.data(count: 5, seed: 14).images
        let probabilities = model.predict(images, batchSize: 2)
        #expect(probabilities.shape == [5, 3])
        for row in 0..<5 {
            #expect(abs(probabilities.scalars[(row * 3)..<(row * 3 + 3)].reduce(0, +) - 1) < 1e-5)
        }
        #expect(model.activations(of: 2, for: images).shape == [5, 3, 3, 3])
        #expect(model.penultimateFeatures(images).shape == [5, 5])
        #expect(model.outputShapes.map { $0.reduce(1, *) } == [108, 108, 27, 27, 4, 4, 5, 5, 3])
    }

    @Test func mistakesAreTypedErrors() throws {
        var generator = SeededGenerator(seed: 1)
        #expect(throws: ModelError.self) { try Sequential(inputShape: [8], layers: [.conv2D(filters: 2)], generator: &generator) }
        #expect(throws: ModelError.outputNotFlat(outputShape: [6, 6, 2])) {
            try Sequential(inputShape: [6, 6, 1], layers: [.conv2D(filters: 2, padding: .same)], generator: &generator)
        }
        let model = TinyModel.make()
        let data = TinyModel.data(count: 4, seed: 1)
        #expect(throws: ModelError.imageShapeMismatch(expected: [6, 6, 1], got: [4, 36])) {
            try model.fit(data.images.reshaped([4, 36]), labels: data.labels, epochs: 1, generator: &generator)
        }
        #expect(throws: ModelError.labelOutOfRange(index: 1, label: 3, classes: 3)) {
            try model.fit(data.images, labels: [0, 3, 1, 1], epochs: 1, generator: &generator)
        }
        #expect(throws: ModelError.noValidationData(monitor: .validationLoss)) {
            try model.fit(data, epochs: 1, earlyStopping: EarlyStopping(monitor: .validationLoss, patience: 1), generator: &generator)
        }
    }

    @Test func progressHearsOfEpochsAndBatches() throws {
        let model = TinyModel.make()
        let observer = RecordingObserver()
        var generator = SeededGenerator(seed: 2)
        try model.fit(TinyModel.data(count: 20, seed: 3), epochs: 2, batchSize: 2, generator: &generator, progress: observer)
        #expect(observer.events.first == "begin Epochs 2")
        #expect(observer.events.contains("begin Epoch 2/2 10"))
        #expect(observer.events.filter { $0 == "end" }.count == 3)
        #expect(observer.events.last == "end")
    }
}
