/// The layers a `Sequential` model is built from, described as values (Keras-like arguments) so
/// that an architecture reads as a list, compares with `==`, and encodes with the weights.
///
/// The last layer's outputs are logits: the model applies softmax in `predict` and trains with
/// softmax fused into categorical cross-entropy (Keras's `Dense(10, activation='softmax')` with
/// `categorical_crossentropy`).
public enum Layer: Codable, Sendable, Equatable {
    /// A stride-1 2-D convolution with `filters` kernels of `kernelSize`×`kernelSize`, a bias and
    /// an activation; input and output [N, H, W, C]. `l2` is Keras's `kernel_regularizer=l2(λ)`.
    case conv2D(
        filters: Int, kernelSize: Int = 3, padding: Padding = .valid,
        activation: Activation = .linear, l2: Float = 0)
    /// A fully connected layer [N, in] → [N, units] with a bias and an activation.
    case dense(units: Int, activation: Activation = .linear, l2: Float = 0, initializer: Initializer = .glorotUniform)
    /// The maximum of each `poolSize`×`poolSize` window, stride `poolSize`; trailing rows and
    /// columns that do not fill a window are dropped (Keras's 'valid' pooling).
    case maxPool2D(poolSize: Int)
    /// Zeroes each input with probability `rate` during training (and Monte Carlo passes) and
    /// scales the survivors by 1 / (1 - rate); the identity at inference.
    case dropout(rate: Float)
    /// Normalises each channel (last axis) by the batch's mean and variance in training, by running
    /// averages at inference, then scales and shifts it (Keras's defaults: momentum 0.99,
    /// epsilon 1e-3).
    case batchNorm(momentum: Float = 0.99, epsilon: Float = 1e-3)
    /// max(0, x) as a layer of its own (Dense and Conv2D can also fuse it).
    case relu
    /// [N, ...] → [N, product of the rest]: the step from images to dense layers.
    case flatten

    /// How a convolution treats the border.
    public enum Padding: String, Codable, Sendable {
        /// No padding: the output shrinks by kernelSize - 1.
        case valid
        /// Zero padding so that the output keeps the input's height and width (odd kernels).
        case same
    }
}

extension Layer {
    /// Builds the layer's computation for inputs of `inputShape` (one example, without the batch
    /// axis), drawing initial weights from `generator`.
    func makeKernel(inputShape: [Int], generator: inout SeededGenerator) -> any LayerKernel {
        switch self {
        case .conv2D(let filters, let kernelSize, let padding, let activation, let l2):
            return Conv2D(
                inputShape: inputShape, filters: filters, kernelSize: kernelSize, padding: padding,
                activation: activation, l2: l2, generator: &generator)
        case .dense(let units, let activation, let l2, let initializer):
            return Dense(
                inputShape: inputShape, units: units, activation: activation, l2: l2,
                initializer: initializer, generator: &generator)
        case .maxPool2D(let poolSize):
            return MaxPool2D(inputShape: inputShape, poolSize: poolSize)
        case .dropout(let rate):
            return Dropout(inputShape: inputShape, rate: rate)
        case .batchNorm(let momentum, let epsilon):
            return BatchNorm(inputShape: inputShape, momentum: momentum, epsilon: epsilon)
        case .relu:
            return ReLU(inputShape: inputShape)
        case .flatten:
            return Flatten(inputShape: inputShape)
        }
    }

    /// Whether this layer draws random numbers in its forward pass (so a Monte Carlo pass must
    /// rerun it and everything after it).
    var isStochastic: Bool {
        if case .dropout = self { return true }
        return false
    }
}

extension Layer: CustomStringConvertible {
    /// Keras-like: "Conv2D(64, 3×3, same, relu)", "Dense(128, relu, L2 0.0035)", "Dropout(0.25)".
    public var description: String {
        func l2Text(_ l2: Float) -> String { l2 > 0 ? ", L2 \(l2)" : "" }
        switch self {
        case .conv2D(let filters, let kernelSize, let padding, let activation, let l2):
            return "Conv2D(\(filters), \(kernelSize)×\(kernelSize), \(padding.rawValue), \(activation.rawValue)\(l2Text(l2)))"
        case .dense(let units, let activation, let l2, let initializer):
            let start = initializer == .zeros ? ", zeros" : ""
            return "Dense(\(units), \(activation.rawValue)\(l2Text(l2))\(start))"
        case .maxPool2D(let poolSize):
            return "MaxPool2D(\(poolSize)×\(poolSize))"
        case .dropout(let rate):
            return "Dropout(\(rate))"
        case .batchNorm(let momentum, let epsilon):
            return "BatchNorm(momentum \(momentum), epsilon \(epsilon))"
        case .relu:
            return "ReLU"
        case .flatten:
            return "Flatten"
        }
    }
}
