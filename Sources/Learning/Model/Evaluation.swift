/// A model's score on a labelled set.
public struct Evaluation: Codable, Sendable, Equatable {
    /// Mean cross-entropy per image plus the model's L2 terms.
    public var loss: Double
    /// The fraction classified correctly, in [0, 1].
    public var accuracy: Double

    public init(loss: Double, accuracy: Double) {
        self.loss = loss
        self.accuracy = accuracy
    }
}
