// Training given what a tired researcher might give it: a batch larger than the data, images
// holding NaN, unscaled images that blow the weights up. It trains, or stops at once with the
// epoch, the batch and the layer named, never a history full of NaN.
import Foundation
import Testing

@testable import Learning

@Suite struct TrainingFailureTests {
    /// Six 2×2 images of three classes, pixels in [0, 1].
    static func data() -> LabeledImages {
        let scalars: [Float] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0.1, 0, 0, 0, 1, 0.1, 0, 0, 0, 1, 0.1]
        return LabeledImages(
            images: Tensor(shape: [6, 2, 2, 1], scalars: scalars), labels: [0, 1, 2, 0, 1, 2], classNames: ["a", "b", "c"])
    }

    static func model(learningRate: Float) throws -> Sequential {
        var generator = SeededGenerator(seed: 1)
        return try Sequential(
            inputShape: [2, 2, 1], layers: [.flatten, .dense(units: 3)], optimizer: SGD(learningRate: learningRate),
            generator: &generator)
    }

    @Test("A batch larger than the data set is the whole set: one batch per epoch, even Int.max")
    func batchLargerThanTheData() throws {
        for batchSize in [7, 1000, Int.max] {
            let model = try Self.model(learningRate: 0.5)
            var generator = SeededGenerator(seed: 2)
            let history = try model.fit(Self.data(), epochs: 3, batchSize: batchSize, generator: &generator)
            #expect(history.loss.count == 3)
            #expect(history.loss.allSatisfy { $0.isFinite })
            #expect(history.loss[2] < history.loss[0])
        }
    }

    @Test("Zero epochs train nothing; negative epochs and a batch of 0 are refused, naming the argument")
    func zeroAndNegativeEpochs() throws {
        let model = try Self.model(learningRate: 0.5)
        let before = model.weights
        var generator = SeededGenerator(seed: 2)
        let history = try model.fit(Self.data(), epochs: 0, batchSize: 3, generator: &generator)
        #expect(history.loss.isEmpty)
        #expect(model.weights == before)
        let cases: [(epochs: Int, batchSize: Int, message: String)] = [
            (-1, 3, "epochs is -1, expected ≥ 0"),
            (Int.min, 3, "epochs is \(Int.min), expected ≥ 0"),
            (2, 0, "batchSize is 0, expected > 0"),
            (2, -5, "batchSize is -5, expected > 0"),
        ]
        for (epochs, batchSize, message) in cases {
            let error = Self.error { try model.fit(Self.data(), epochs: epochs, batchSize: batchSize, generator: &generator) }
            #expect(error?.description == message)
        }
        #expect(model.weights == before, "nothing was trained by a refused call")
    }

    @Test("NaN in the images stops training in the batch that holds it, naming the images")
    func nanImages() throws {
        var data = Self.data()
        data.images.scalars[3 * 4 + 1] = .nan  // image 3: the second batch of three, in order
        let model = try Self.model(learningRate: 0.5)
        let before = model.weights
        var generator = SeededGenerator(seed: 2)
        let error = Self.error { try model.fit(data, epochs: 2, batchSize: 3, shuffle: false, generator: &generator) }
        #expect(error?.isDiverged(epoch: 1, batch: 2, source: "the batch's images") == true)
        #expect(error?.description.hasPrefix("training diverged in epoch 1, batch 2: the loss became nan, first from the batch's images;") == true)
        #expect(model.weights != before, "the first batch was learned")
        #expect(model.weights.allSatisfy { $0.scalars.allSatisfy { $0.isFinite } }, "the NaN batch was not")
    }

    @Test("Weights that overflow stop training in the first epoch, naming the Dense layer")
    func overflowingWeights() throws {
        // Pixels of 1e20 make gradients of 1e20: after one step the logits pass Float's 3.4e38.
        // (Labels the initial weights get wrong, so that there is a gradient at all.)
        var data = Self.data()
        data.images.scalars = data.images.scalars.map { $0 * 1e20 }
        data.labels = [1, 2, 0, 1, 2, 0]
        let model = try Self.model(learningRate: 1)
        var generator = SeededGenerator(seed: 2)
        let error = Self.error { try model.fit(data, epochs: 5, batchSize: 2, shuffle: false, generator: &generator) }
        guard case .diverged(let epoch, let batch, let loss, let source) = error else {
            Issue.record("expected divergence, got \(String(describing: error))")
            return
        }
        #expect(epoch == 1 && batch == 2, "the first batch's step overflows the second's logits")
        #expect(!loss.isFinite)
        #expect(source == "layer 1, Dense(3, linear)")
    }

    static func error(_ body: () throws -> some Any) -> ModelError? {
        do { _ = try body() } catch let error as ModelError { return error } catch { return nil }
        return nil
    }
}

extension ModelError {
    /// Whether this is `.diverged` at `epoch` and `batch` from `source` (a NaN loss never equals
    /// itself, so `==` cannot tell).
    func isDiverged(epoch: Int, batch: Int, source: String) -> Bool {
        guard case .diverged(epoch, batch, _, source) = self else { return false }
        return true
    }
}
