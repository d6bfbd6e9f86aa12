// A label the model guessed rather than the oracle gave: what auto-labelling adds to a training
// set at no labelling cost.

/// An image given its predicted class instead of an oracle label.
public struct PseudoLabel: Codable, Equatable, Hashable, Sendable {
    /// The image's index in the data set.
    public var index: Int
    /// The predicted class.
    public var label: Int
    /// The model's probability for that class, in [0, 1].
    public var confidence: Float

    public init(index: Int, label: Int, confidence: Float) {
        self.index = index
        self.label = label
        self.confidence = confidence
    }
}
