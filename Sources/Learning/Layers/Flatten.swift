/// Flatten: [N, H, W, C] → [N, H·W·C]. Row-major storage already is the flat layout, so both
/// passes hand their buffer through untouched.
final class Flatten: LayerKernel {
    let inputShape: [Int]
    var outputShape: [Int] { [inputShape.reduce(1, *)] }

    init(inputShape: [Int]) {
        self.inputShape = inputShape
    }

    var parameters: [Parameter] { [] }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        input
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        needsInputGradient ? outputGradient : nil
    }
}
