/// A model as data: its input shape, its layers, its optimizer (with the optimizer's state: Adam's
/// moments and step count, Adadelta's accumulators, SGD's velocity) and its weights, so that a
/// notebook can cache a trained model, or an active learner checkpoint one, and get back one that
/// predicts and trains on exactly as before.
extension Sequential {
    /// Everything a model is, as a value: `Sequential(snapshot)` rebuilds a model that predicts
    /// and trains on bit for bit as the one it was taken from. A snapshot is a copy: training the
    /// model afterwards does not change it.
    public struct Snapshot: Codable, Equatable, Sendable {
        /// The shape of one input image, e.g. [28, 28, 1].
        public let inputShape: [Int]
        /// The layers, input first.
        public let layers: [Layer]
        /// The weights in `Sequential.weights`' order (parameters and running statistics).
        public let weights: [Tensor]
        /// The optimizer with its settings and state, tagged with its kind.
        let optimizerCoding: OptimizerCoding

        /// The optimizer with its settings and state.
        public var optimizer: any Optimizer { optimizerCoding.optimizer }

        private enum CodingKeys: String, CodingKey {
            case inputShape, layers, weights
            case optimizerCoding = "optimizer"
        }

        init(inputShape: [Int], layers: [Layer], weights: [Tensor], optimizer: any Optimizer) {
            self.inputShape = inputShape
            self.layers = layers
            self.weights = weights
            optimizerCoding = OptimizerCoding(optimizer)
        }
    }

    /// The model now: a copy of its weights and its optimizer's state. Encoding it throws when the
    /// optimizer is not one of SGD, Adam and Adadelta (`canSnapshotBeEncoded` says beforehand).
    public var snapshot: Snapshot {
        Snapshot(inputShape: inputShape, layers: layers, weights: weights, optimizer: optimizer)
    }

    /// Whether `snapshot` encodes: the optimizer is one of the library's (SGD, Adam, Adadelta).
    public var canSnapshotBeEncoded: Bool { OptimizerCoding.canEncode(optimizer) }

    /// The model `snapshot` was taken from, as it was then. Throws `ModelError` when the layers do
    /// not fit the input shape, or (`invalidArgument`) when the weights' shapes or the optimizer's
    /// state do not fit the layers: a damaged or hand-edited checkpoint.
    public convenience init(_ snapshot: Snapshot) throws(ModelError) {
        var unused = SeededGenerator(seed: 0)
        try self.init(
            inputShape: snapshot.inputShape, layers: snapshot.layers, optimizer: snapshot.optimizer,
            generator: &unused)
        let expected = kernels.flatMap(\.state).map(\.shape)
        guard snapshot.weights.map(\.shape) == expected else {
            throw .invalidArgument(
                name: "saved weights", value: "of shapes \(snapshot.weights.map(\.shape))",
                expected: "the layers' shapes \(expected)")
        }
        let counts = kernels.flatMap(\.parameters).map(\.value.count)
        guard snapshot.optimizerCoding.stateFits(parameterCounts: counts) else {
            throw .invalidArgument(
                name: "saved optimizer state", value: "for other arrays",
                expected: "empty or one array per parameter, of sizes \(counts)")
        }
        weights = snapshot.weights
    }
}

/// A model encodes as its snapshot (keys inputShape, layers, optimizer, weights).
extension Sequential: Codable {
    public convenience init(from decoder: Decoder) throws {
        let snapshot = try Snapshot(from: decoder)
        do {
            try self.init(snapshot)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        try snapshot.encode(to: encoder)
    }
}
