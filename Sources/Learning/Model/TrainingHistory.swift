/// What `fit` reports: the per-epoch metrics (Keras's `History.history`), where training stopped
/// and how long it took. Codable, so a notebook can cache it with the model.
public struct TrainingHistory: Codable, Sendable, Equatable {
    /// Mean training loss (cross-entropy plus L2 terms) over each epoch's batches, dropout on.
    public var loss: [Double] = []
    /// Training accuracy over each epoch's batches, dropout on, in [0, 1].
    public var accuracy: [Double] = []
    /// Loss on the validation data after each epoch (empty without validation data).
    public var validationLoss: [Double] = []
    /// Accuracy on the validation data after each epoch (empty without validation data).
    public var validationAccuracy: [Double] = []
    /// With early stopping: the epoch (0-based) whose metric was best.
    public var bestEpoch: Int?
    /// Whether early stopping ended training before the last epoch.
    public var stoppedEarly = false
    /// Whether the model's final weights are those of `bestEpoch` rather than the last epoch.
    public var restoredBestWeights = false
    /// Wall-clock seconds spent in `fit`.
    public var seconds = 0.0

    public init() {}

    /// The number of epochs run.
    public var epochs: Int { loss.count }

    /// The value of `metric` in each epoch.
    public func values(of metric: EarlyStopping.Metric) -> [Double] {
        switch metric {
        case .loss: return loss
        case .accuracy: return accuracy
        case .validationLoss: return validationLoss
        case .validationAccuracy: return validationAccuracy
        }
    }
}
