import Learning

/// Floating-point operations (2 per multiply-add) of one image through `model`, as a direct
/// convolution counts them: the forward pass, or a training step (forward, kernel gradient, and
/// the input gradient of every weighted layer but the first, where backpropagation stops).
/// Winograd's convolutions do fewer, so the GFLOP/s derived from this count are
/// "direct-convolution equivalent" and may pass what sgemm reaches.
func flopsPerImage(_ model: Sequential, training: Bool) -> Double {
    var (input, total, first) = (model.inputShape, 0.0, true)
    for (layer, output) in zip(model.layers, model.outputShapes) {
        var forward = 0.0
        switch layer {
        case .conv2D(let filters, let kernelSize, _, _, _):
            forward = 2 * Double(output[0] * output[1] * filters * kernelSize * kernelSize * input[2])
        case .dense(let units, _, _, _):
            forward = 2 * Double(input.reduce(1, *) * units)
        default:
            break
        }
        if forward > 0 {
            total += training ? (first ? 2 : 3) * forward : forward
            first = false
        }
        input = output
    }
    return total
}

/// Reports `rate` images/s of `model` in `phase` (train or predict), then the GFLOP/s it makes
/// by `flopsPerImage`, to set beside the sgemm lines at the end.
func reportRate(_ name: String, _ phase: String, _ rate: Double, of model: Sequential) {
    report(name, phase, rate, "images/s")
    report(name, "\(phase)-GFLOP/s", rate * flopsPerImage(model, training: phase == "train") / 1e9, "GFLOP/s")
}
