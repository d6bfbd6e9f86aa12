/// A mistake in how a model was built or called, with a message that says what to change.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// Layer `index` cannot take inputs of `inputShape`.
    case layerDoesNotFit(index: Int, layer: Layer, inputShape: [Int], reason: String)
    /// The last layer must give one logit per class, [classes].
    case outputNotFlat(outputShape: [Int])
    /// The images are not [N] + the model's input shape.
    case imageShapeMismatch(expected: [Int], got: [Int])
    /// There must be one label per image.
    case labelCountMismatch(images: Int, labels: Int)
    /// A label is not a class index of the model.
    case labelOutOfRange(index: Int, label: Int, classes: Int)
    /// An argument is outside its range.
    case invalidArgument(name: String, value: String, expected: String)
    /// Early stopping watches a validation metric but there is no validation data.
    case noValidationData(monitor: EarlyStopping.Metric)
    /// The loss of batch `batch` (1-based) in epoch `epoch` (1-based) was `loss`, NaN or ±∞;
    /// `source` says where the non-finite numbers first appeared ("layer 5, Dense(10, linear)",
    /// or the batch's images).
    case diverged(epoch: Int, batch: Int, loss: Double, source: String)

    public var description: String {
        switch self {
        case .layerDoesNotFit(let index, let layer, let inputShape, let reason):
            return "layer \(index) (\(layer)) does not fit its input shape \(inputShape): \(reason)"
        case .outputNotFlat(let shape):
            return "the last layer must give one logit per class, shape [classes], but gives \(shape): end with .dense(units: classes)"
        case .imageShapeMismatch(let expected, let got):
            return "images of shape \(got) do not fit the model, which expects [N] + \(expected)"
        case .labelCountMismatch(let images, let labels):
            return "\(images) images but \(labels) labels: pass one label per image"
        case .labelOutOfRange(let index, let label, let classes):
            return "label \(label) of image \(index) is not a class of this model (0..<\(classes))"
        case .invalidArgument(let name, let value, let expected):
            return "\(name) is \(value), expected \(expected)"
        case .diverged(let epoch, let batch, let loss, let source):
            return "training diverged in epoch \(epoch), batch \(batch): the loss became \(loss), first from "
                + "\(source); lower the learning rate, or look for NaN or infinite values in the data"
        case .noValidationData(let monitor):
            return "early stopping monitors \(monitor) but there is no validation data: pass validationSplit or validationData"
        }
    }
}
