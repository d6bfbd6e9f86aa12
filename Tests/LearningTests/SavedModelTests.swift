import Foundation
import Testing

@testable import Learning

/// The bit patterns of every weight, so that equality means identical bits (−0 ≠ +0, NaN = NaN).
func bits(_ weights: [Tensor]) -> [[UInt32]] {
    weights.map { $0.scalars.map(\.bitPattern) }
}

/// `value` through JSON and back.
func jsonRoundTrip<Value: Codable>(_ value: Value) throws -> Value {
    try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
}

struct SavedModelTests {
    /// One optimizer of each kind, with the state that a wrong restore would lose: momentum,
    /// Adam's decayed step size (it reads the step count), Adadelta's two accumulators.
    static let optimizers: [any Optimizer] = [
        SGD(learningRate: 0.05, momentum: 0.9), Adam(learningRate: 0.01, decay: 0.01), Adadelta(learningRate: 1),
    ]

    /// Three steps, JSON, one more step on the original and on the copy.
    @Test("A model's JSON keeps its optimizer's state: one more step gives identical bits", arguments: optimizers)
    func optimizerStateSurvivesJSON(optimizer: any Optimizer) throws {
        let model = TinyModel.make(optimizer: optimizer)
        let data = TinyModel.data(count: 24, seed: 21)
        var generator = SeededGenerator(seed: 22)
        try model.fit(data, epochs: 1, batchSize: 8, generator: &generator)
        let copy = try jsonRoundTrip(model)
        #expect(copy.snapshot == model.snapshot)
        let forgetful = try jsonRoundTrip(model)
        forgetful.optimizer.reset()
        var (first, second, third) = (generator, generator, generator)
        try model.fit(data.prefix(8), epochs: 1, batchSize: 8, generator: &first)
        try copy.fit(data.prefix(8), epochs: 1, batchSize: 8, generator: &second)
        try forgetful.fit(data.prefix(8), epochs: 1, batchSize: 8, generator: &third)
        #expect(bits(copy.weights) == bits(model.weights))
        // the step does depend on the state, so the test above can fail
        #expect(bits(forgetful.weights) != bits(model.weights))
    }

    @Test("Sequential and SoftmaxRegression save and restore; other classifiers are not saved")
    func kinds() throws {
        let model = TinyModel.make()
        let saved = try #require(SavedModel(model))
        #expect(saved == .sequential(model.snapshot))
        let restored = try #require(try jsonRoundTrip(saved).restored() as? Sequential)
        #expect(bits(restored.weights) == bits(model.weights))

        let regression = try SoftmaxRegression(imageShape: [6, 6, 1], classes: 3)
        try regression.fit(TinyModel.data(count: 12, seed: 23), scoringOn: TinyModel.data(count: 6, seed: 24))
        let savedRegression = try #require(SavedModel(regression))
        let back = try #require(try jsonRoundTrip(savedRegression).restored() as? SoftmaxRegression)
        #expect(back.model.snapshot == regression.model.snapshot)

        struct Uniform: Classifier {
            func predict(_ images: Tensor) -> Tensor { Tensor(shape: [images.rows, 2], repeating: 0.5) }
        }
        struct Custom: Optimizer {
            mutating func step(parameters: [UnsafeMutableBufferPointer<Float>], gradients: [UnsafeBufferPointer<Float>])
            {}
            mutating func reset() {}
        }
        #expect(SavedModel(Uniform()) == nil)
        #expect(SavedModel(TinyModel.make(optimizer: Custom())) == nil)
    }

    @Test("A snapshot whose weights or optimizer state do not fit its layers is refused, not a crash")
    func damagedSnapshots() throws {
        let model = TinyModel.make()
        var generator = SeededGenerator(seed: 25)
        try model.fit(TinyModel.data(count: 8, seed: 26), epochs: 1, batchSize: 8, generator: &generator)
        let good = try JSONSerialization.jsonObject(with: JSONEncoder().encode(model)) as? [String: Any]
        var json = try #require(good)

        var weights = try #require(json["weights"] as? [Any])
        weights.removeLast()
        json["weights"] = weights
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Sequential.self, from: JSONSerialization.data(withJSONObject: json))
        }

        json = try #require(good)
        var optimizer = try #require(json["optimizer"] as? [String: Any])
        var settings = try #require(optimizer["settings"] as? [String: Any])
        // the first moment array one element short: its packed float32 bytes lose their last four
        var moments = try #require(settings["m"] as? [String])
        var bytes = try #require(Data(base64Encoded: moments[0]))
        bytes.removeLast(4)
        moments[0] = bytes.base64EncodedString()
        settings["m"] = moments
        optimizer["settings"] = settings
        json["optimizer"] = optimizer
        let snapshot = try JSONDecoder().decode(
            Sequential.Snapshot.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(throws: ModelError.self) { try SavedModel.sequential(snapshot).restored() }
    }
}
