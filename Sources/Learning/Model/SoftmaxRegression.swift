/// The MNISTSoftmaxLabelling study's classifier: softmax regression trained by full-batch Adam
/// steps, scored after every step, stopped 10 steps after its best score and returned to the best
/// weights.
///
/// It wraps `StudyModels.softmaxRegression` so that the study reads as the original did
/// (`fit`, `predict`, and a `reset` at the start of each experiment). Each `fit` continues from
/// the current weights and Adam state.
public final class SoftmaxRegression: Classifier {
    /// The underlying model: Flatten → Dense, zero-initialised.
    public let model: Sequential
    private let learningRate: Float

    /// A zero-initialised softmax regression for images of `imageShape`.
    public init(imageShape: [Int] = [28, 28, 1], classes: Int = 10, learningRate: Float = 0.1) throws(ModelError) {
        model = try StudyModels.softmaxRegression(imageShape: imageShape, classes: classes, learningRate: learningRate)
        self.learningRate = learningRate
    }

    /// The regression whose model `snapshot` was taken from (`model.snapshot`), weights and Adam
    /// state as they were. Throws `ModelError` when the snapshot does not rebuild.
    public init(restoring snapshot: Sequential.Snapshot) throws(ModelError) {
        model = try Sequential(snapshot)
        learningRate = (snapshot.optimizer as? Adam)?.learningRate ?? 0.1
    }

    /// Full-batch Adam steps on `data`, scoring accuracy on `scoring` after each, until `patience`
    /// steps pass without a better score (or `maxSteps`); the weights of the best step stay.
    /// Throws `ModelError` when the images or labels do not fit the model.
    @discardableResult
    public func fit(
        _ data: LabeledImages, scoringOn scoring: LabeledImages, patience: Int = 10, maxSteps: Int = 10_000,
        progress: (any ProgressObserver)? = nil
    ) throws(ModelError) -> TrainingHistory {
        var unused = SeededGenerator(seed: 0)
        return try model.fit(
            data.images, labels: data.labels, epochs: maxSteps, batchSize: max(1, data.count),
            validationData: scoring,
            earlyStopping: EarlyStopping(monitor: .validationAccuracy, patience: patience),
            shuffle: false, generator: &unused, progress: progress)
    }

    /// Class probabilities [N, classes] for `images`.
    public func predict(_ images: Tensor) -> Tensor {
        model.predict(images)
    }

    /// Back to zero weights and a fresh Adam, as at the start of an experiment.
    public func reset() {
        model.weights = model.weights.map { Tensor(shape: $0.shape) }
        model.optimizer.reset()
    }
}
