/// The computation behind a `Layer`: a forward pass, the backward pass next to it, and the
/// parameters and workspaces they share.
///
/// A kernel is a reference type that owns its workspaces. `forward` returns a pointer into the
/// kernel's own output workspace (or, for Flatten, the input itself), valid until the kernel runs
/// again; the kernel keeps its input pointer for `backward`, so the model must not touch earlier
/// layers' outputs between a forward and its backward. Batches are the first axis; every shape
/// below leaves it out.
protocol LayerKernel: AnyObject {
    /// The shape of one example's input, e.g. [28, 28, 1].
    var inputShape: [Int] { get }
    /// The shape of one example's output, e.g. [14, 14, 64].
    var outputShape: [Int] { get }
    /// What the optimizer updates, kernel before bias; empty for layers without weights.
    var parameters: [Parameter] { get }
    /// What a saved model must keep: the parameters, then non-trainable state (BatchNorm's running
    /// mean and variance).
    var state: [Parameter] { get }

    /// Computes the outputs [batch, outputShape] of `input` [batch, inputShape].
    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float>

    /// Given d loss / d output of the last `forward` (training mode), writes the parameters'
    /// gradients (L2 term included) and returns d loss / d input, or nil when
    /// `needsInputGradient` is false (the first layer). May overwrite `outputGradient`.
    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>?
}

extension LayerKernel {
    var state: [Parameter] { parameters }

    /// Elements in one example's input.
    var inputWidth: Int { inputShape.reduce(1, *) }
    /// Elements in one example's output.
    var outputWidth: Int { outputShape.reduce(1, *) }
}

/// What a forward pass is for, which decides how Dropout and BatchNorm behave.
enum ForwardMode: Sendable {
    /// A training step: dropout draws masks, BatchNorm uses and records the batch's statistics.
    case training
    /// Prediction: dropout is the identity, BatchNorm uses its running statistics.
    case inference
    /// A Monte Carlo dropout pass: dropout draws masks, BatchNorm uses its running statistics.
    case monteCarlo

    /// Whether dropout is on.
    var dropsOut: Bool { self != .inference }
}
