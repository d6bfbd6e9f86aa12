/// The rectifier max(0, x) as a layer of its own, and its gradient (passed where x > 0). Dense and
/// Conv2D fuse the same function into their bias pass (`Activation.relu`); this layer is for
/// places where it stands alone.
final class ReLU: LayerKernel {
    let inputShape: [Int]
    var outputShape: [Int] { inputShape }

    private let output = Workspace()

    init(inputShape: [Int]) {
        self.inputShape = inputShape
    }

    var parameters: [Parameter] { [] }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        let y = output.prefix(input.count)
        for i in 0..<input.count { y[i] = max(0, input[i]) }
        return UnsafeBufferPointer(y)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        guard needsInputGradient else { return nil }
        let y = output.prefix(outputGradient.count)
        for i in 0..<outputGradient.count {
            let g = outputGradient[i]
            outputGradient[i] = y[i] > 0 ? g : 0
        }
        return outputGradient
    }
}
