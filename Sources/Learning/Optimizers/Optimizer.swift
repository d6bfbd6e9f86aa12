/// A rule that turns gradients into parameter updates, one step per batch, as Keras's optimizers
/// do. An optimizer keeps its per-array state (moments, accumulators) by position, so a model
/// always passes its arrays in the same order.
public protocol Optimizer: Codable, Sendable {
    /// Applies one training step, updating every array of `parameters` in place from the gradient
    /// at the same position (equal counts).
    mutating func step(parameters: [UnsafeMutableBufferPointer<Float>], gradients: [UnsafeBufferPointer<Float>])

    /// Forgets all state (moments, iteration count), as a freshly compiled Keras model starts.
    mutating func reset()
}

extension Optimizer {
    /// Zero state arrays matching `parameters`, unless `state` already has them.
    func matchingState(_ state: [[Float]], _ parameters: [UnsafeMutableBufferPointer<Float>]) -> [[Float]] {
        if state.count == parameters.count && zip(state, parameters).allSatisfy({ $0.count == $1.count }) {
            return state
        }
        precondition(state.isEmpty, "optimizer state for \(state.count) arrays given \(parameters.count) arrays")
        return parameters.map { [Float](repeating: 0, count: $0.count) }
    }
}

/// Encodes any of the library's optimizers with a tag naming its type, so a model encodes with
/// its optimizer (and its state) and decodes ready to continue training. Two codings are equal
/// when they hold the same kind of optimizer with the same settings and state.
struct OptimizerCoding: Codable, Equatable, Sendable {
    let optimizer: any Optimizer

    private enum Kind: String, Codable { case sgd, adam, adadelta }
    private enum CodingKeys: String, CodingKey { case kind, settings }

    init(_ optimizer: any Optimizer) {
        self.optimizer = optimizer
    }

    /// Whether `optimizer` is one of the kinds this coding knows (SGD, Adam, Adadelta); any other
    /// throws when encoded.
    static func canEncode(_ optimizer: any Optimizer) -> Bool {
        optimizer is SGD || optimizer is Adam || optimizer is Adadelta
    }

    /// Whether the optimizer's state fits parameter arrays of `counts` elements, in order: each
    /// kind of state is empty (nothing stepped yet) or holds one array of the right length per
    /// parameter array. A decoded state that does not fit would trip a precondition at the first
    /// training step.
    func stateFits(parameterCounts counts: [Int]) -> Bool {
        let arrays: [[[Float]]]
        switch optimizer {
        case let sgd as SGD: arrays = sgd.stateArrays
        case let adam as Adam: arrays = adam.stateArrays
        case let adadelta as Adadelta: arrays = adadelta.stateArrays
        default: return true
        }
        return arrays.allSatisfy { $0.isEmpty || $0.map(\.count) == counts }
    }

    static func == (lhs: OptimizerCoding, rhs: OptimizerCoding) -> Bool {
        switch (lhs.optimizer, rhs.optimizer) {
        case (let left as SGD, let right as SGD): return left == right
        case (let left as Adam, let right as Adam): return left == right
        case (let left as Adadelta, let right as Adadelta): return left == right
        default: return false
        }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .sgd: optimizer = try container.decode(SGD.self, forKey: .settings)
        case .adam: optimizer = try container.decode(Adam.self, forKey: .settings)
        case .adadelta: optimizer = try container.decode(Adadelta.self, forKey: .settings)
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch optimizer {
        case let sgd as SGD:
            try container.encode(Kind.sgd, forKey: .kind)
            try container.encode(sgd, forKey: .settings)
        case let adam as Adam:
            try container.encode(Kind.adam, forKey: .kind)
            try container.encode(adam, forKey: .settings)
        case let adadelta as Adadelta:
            try container.encode(Kind.adadelta, forKey: .kind)
            try container.encode(adadelta, forKey: .settings)
        default:
            throw EncodingError.invalidValue(
                optimizer, .init(codingPath: encoder.codingPath,
                                 debugDescription: "\(type(of: optimizer)) is not one of SGD, Adam, Adadelta"))
        }
    }
}
