// A trained classifier as a value that can be checkpointed. Query strategies and the active
// learner hold their model as `any Classifier`, which is neither Codable nor a value; this enum
// names the model kinds the library can save, so that a checkpoint holds the model itself and a
// resumed run does not have to train it again.

/// A trained classifier of one of the library's model kinds, with its weights and its
/// optimizer's state, as a `Codable` value: `restored()` gives back a classifier that predicts,
/// and trains on, bit for bit as the saved one did.
///
/// Other classifiers (a hand-written one, a `Sequential` with an optimizer of its own) cannot be
/// saved: `SavedModel(classifier)` is then `nil`, and whoever checkpoints falls back to training
/// the model again.
public enum SavedModel: Codable, Equatable, Sendable {
    /// A `Sequential` model.
    case sequential(Sequential.Snapshot)
    /// A `SoftmaxRegression`: its underlying model.
    case softmaxRegression(Sequential.Snapshot)

    /// `classifier` as a value (its weights and optimizer state copied now), or `nil` when it is
    /// not a kind this enum holds: neither a `Sequential` nor a `SoftmaxRegression`, or one whose
    /// optimizer is not SGD, Adam or Adadelta.
    public init?(_ classifier: any Classifier) {
        switch classifier {
        case let model as Sequential where model.canSnapshotBeEncoded:
            self = .sequential(model.snapshot)
        case let regression as SoftmaxRegression where regression.model.canSnapshotBeEncoded:
            self = .softmaxRegression(regression.model.snapshot)
        default:
            return nil
        }
    }

    /// A new classifier as the saved one was. Throws `ModelError` when the saved weights or
    /// optimizer state do not fit the saved layers (a damaged checkpoint).
    public func restored() throws(ModelError) -> any Classifier {
        switch self {
        case .sequential(let snapshot): return try Sequential(snapshot)
        case .softmaxRegression(let snapshot): return try SoftmaxRegression(restoring: snapshot)
        }
    }

    private enum Kind: String, Codable { case sequential, softmaxRegression }
    private enum CodingKeys: String, CodingKey { case kind, model }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let snapshot = try container.decode(Sequential.Snapshot.self, forKey: .model)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .sequential: self = .sequential(snapshot)
        case .softmaxRegression: self = .softmaxRegression(snapshot)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .sequential(let snapshot):
            try container.encode(Kind.sequential, forKey: .kind)
            try container.encode(snapshot, forKey: .model)
        case .softmaxRegression(let snapshot):
            try container.encode(Kind.softmaxRegression, forKey: .kind)
            try container.encode(snapshot, forKey: .model)
        }
    }
}
