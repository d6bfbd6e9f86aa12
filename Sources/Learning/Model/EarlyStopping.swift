/// When to stop training before the last epoch, as Keras's `EarlyStopping` callback: watch a
/// metric after every epoch, stop once it has not improved for `patience` epochs, and (by
/// default) go back to the weights of the best epoch.
public struct EarlyStopping: Codable, Sendable, Equatable {
    /// A per-epoch number training can watch.
    public enum Metric: String, Codable, Sendable {
        case loss, accuracy, validationLoss, validationAccuracy

        /// Whether larger is better (accuracies) or smaller (losses).
        public var higherIsBetter: Bool { self == .accuracy || self == .validationAccuracy }
        /// Whether the metric needs validation data.
        public var needsValidation: Bool { self == .validationLoss || self == .validationAccuracy }
    }

    /// The metric watched.
    public var monitor: Metric
    /// Epochs without improvement after which training stops (≥ 1).
    public var patience: Int
    /// The least change that counts as an improvement (Keras's `min_delta`), ≥ 0.
    public var minDelta: Double
    /// Whether the model ends with the weights of its best epoch. Unlike Keras, which restores
    /// only when it stops early, this also restores when the epochs run out first.
    public var restoreBestWeights: Bool

    public init(monitor: Metric, patience: Int, minDelta: Double = 0, restoreBestWeights: Bool = true) {
        self.monitor = monitor
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBestWeights = restoreBestWeights
    }

    /// Whether `value` improves on `best` (any value improves on nil).
    func improves(_ value: Double, on best: Double?) -> Bool {
        guard let best else { return true }
        return monitor.higherIsBetter ? value > best + minDelta : value < best - minDelta
    }
}
