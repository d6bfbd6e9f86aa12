/// A stack of layers trained end to end: the model behind every study (Keras's `Sequential`).
///
/// The last layer gives logits; `predict` returns their softmax and training minimises softmax
/// cross-entropy. A model is a reference type that trains in place and owns reusable workspaces,
/// so one model must not be used from two threads at once (give each parallel trial its own).
/// Everything random is drawn from generators passed in: the same seed (and the same number of
/// OpenBLAS threads) gives bit-identical weights.
///
/// This file holds construction and the forward and backward passes; training, prediction,
/// Monte Carlo dropout and coding live in the files named after them.
public final class Sequential {
    /// The shape of one input image, e.g. [28, 28, 1].
    public let inputShape: [Int]
    /// The layers, input first.
    public let layers: [Layer]
    /// The shape of one example's output after each layer, e.g. [26, 26, 32] after the first
    /// convolution of the MNISTBayesianDropout study's network.
    public let outputShapes: [[Int]]
    /// The optimizer `fit` steps with; its state persists between calls to `fit`.
    public var optimizer: any Optimizer
    /// The number of classes: the width of the last layer.
    public let classCount: Int

    let kernels: [any LayerKernel]
    /// The first layer that draws random numbers (Dropout): everything before it is deterministic.
    let firstStochasticLayer: Int?
    /// The first layer with parameters: backward passes stop there.
    let firstTrainableLayer: Int
    private let parameterValues: [UnsafeMutableBufferPointer<Float>]
    private let parameterGradients: [UnsafeBufferPointer<Float>]
    private let regularizedParameters: [Parameter]
    /// A gathered batch of images, when the batch is not contiguous in the data.
    let batchImages = Workspace()
    private let lossGradient = Workspace()

    /// A model for images of `inputShape` (one image, e.g. [28, 28, 1]) made of `layers`, its
    /// weights drawn from `generator` (Glorot-uniform kernels, zero biases, as Keras starts).
    /// Throws `ModelError` when a layer does not fit the shape before it or the last layer is not
    /// flat.
    public init(
        inputShape: [Int], layers: [Layer], optimizer: any Optimizer = Adam(),
        generator: inout SeededGenerator
    ) throws(ModelError) {
        var shapes: [[Int]] = []
        var shape = inputShape
        for (index, layer) in layers.enumerated() {
            shape = try layer.outputShape(for: shape, index: index)
            shapes.append(shape)
        }
        guard shape.count == 1, !layers.isEmpty else { throw .outputNotFlat(outputShape: shape) }
        var kernels: [any LayerKernel] = []
        for (index, layer) in layers.enumerated() {
            kernels.append(layer.makeKernel(inputShape: index == 0 ? inputShape : shapes[index - 1], generator: &generator))
        }
        self.inputShape = inputShape
        self.layers = layers
        self.outputShapes = shapes
        self.optimizer = optimizer
        self.classCount = shape[0]
        self.kernels = kernels
        firstStochasticLayer = layers.firstIndex { $0.isStochastic }
        firstTrainableLayer = kernels.firstIndex { !$0.parameters.isEmpty } ?? kernels.count
        let parameters = kernels.flatMap(\.parameters)
        parameterValues = parameters.map(\.value)
        parameterGradients = parameters.map { UnsafeBufferPointer($0.gradient) }
        regularizedParameters = parameters.filter { $0.l2 > 0 }
    }

    /// The number of trainable scalars.
    public var parameterCount: Int {
        parameterValues.reduce(0) { $0 + $1.count }
    }

    /// Everything the model has learned, layer by layer: each layer's parameters (kernel, bias;
    /// BatchNorm's γ, β) followed by its running statistics (BatchNorm's mean, variance), as
    /// Keras's `get_weights()` orders them. Setting needs the same count and shapes.
    public var weights: [Tensor] {
        get { kernels.flatMap(\.state).map(\.tensor) }
        set {
            let state = kernels.flatMap(\.state)
            precondition(newValue.count == state.count, "model has \(state.count) weight arrays, got \(newValue.count)")
            for (parameter, tensor) in zip(state, newValue) { parameter.tensor = tensor }
        }
    }

    /// Runs layers `range` on `input` [batch, input shape of range.lowerBound] and returns their
    /// output (a pointer into the last layer's workspace, valid until that layer runs again).
    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, layers range: Range<Int>, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        var activations = input
        for index in range {
            activations = kernels[index].forward(activations, batch: batch, mode: mode, generator: &generator)
        }
        return activations
    }

    /// One optimizer step on `input` [batch, inputShape] with `labels` [batch]: gradients, then
    /// the update. Returns the batch's summed cross-entropy and the number it classified
    /// correctly (before the update). A non-finite loss (training diverged) skips the update,
    /// so the weights stay finite for `fit` to find where the NaN or ±∞ came from.
    func trainStep(
        _ input: UnsafeBufferPointer<Float>, labels: UnsafePointer<Int>, batch: Int,
        dropout generator: inout SeededGenerator
    ) -> (loss: Double, correct: Int) {
        let result = computeGradients(input, labels: labels, batch: batch, dropout: &generator)
        if result.loss.isFinite { optimizer.step(parameters: parameterValues, gradients: parameterGradients) }
        return result
    }

    /// Forward in training mode, softmax cross-entropy, backward: leaves d(mean loss)/d parameter
    /// (L2 terms included) in every parameter's gradient. Returns the summed cross-entropy and the
    /// number of rows classified correctly.
    func computeGradients(
        _ input: UnsafeBufferPointer<Float>, labels: UnsafePointer<Int>, batch: Int,
        dropout generator: inout SeededGenerator
    ) -> (loss: Double, correct: Int) {
        let logits = forward(input, batch: batch, layers: kernels.indices, mode: .training, generator: &generator)
        var gradient = lossGradient.prefix(batch * classCount)
        let result = SoftmaxCrossEntropy.loss(
            logits.baseAddress!, labels: labels, rows: batch, classes: classCount, gradient: gradient.baseAddress!)
        for index in kernels.indices.reversed() where index >= firstTrainableLayer {
            guard let next = kernels[index].backward(gradient, batch: batch, needsInputGradient: index > firstTrainableLayer)
            else { break }
            gradient = next
        }
        return result
    }

    /// The L2 terms Σ λ·Σw² of every regularised kernel, which Keras adds to the reported loss.
    var regularizationLoss: Double {
        regularizedParameters.reduce(0) { $0 + $1.l2Penalty }
    }

    /// Throws unless `images` is [N] + inputShape and, when given, `labels` holds N class indices.
    func check(_ images: Tensor, labels: [Int]?) throws(ModelError) {
        guard images.rank == inputShape.count + 1, Array(images.shape.dropFirst()) == inputShape else {
            throw .imageShapeMismatch(expected: inputShape, got: images.shape)
        }
        guard let labels else { return }
        guard labels.count == images.rows else { throw .labelCountMismatch(images: images.rows, labels: labels.count) }
        if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classCount }) {
            throw .labelOutOfRange(index: bad, label: labels[bad], classes: classCount)
        }
    }
}

extension Sequential: CustomStringConvertible {
    /// One line per layer with its output shape, and the parameter count (Keras's `summary()`).
    public var description: String {
        var lines = ["Sequential: input \(inputShape)"]
        for (index, (layer, shape)) in zip(layers, outputShapes).enumerated() {
            lines.append("  \(index): \(layer) → \(shape)")
        }
        lines.append("  \(parameterCount) trainable parameters")
        return lines.joined(separator: "\n")
    }
}
