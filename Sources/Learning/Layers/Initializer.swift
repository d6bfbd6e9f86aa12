/// How a layer's kernel starts: Keras's default Glorot-uniform, or zeros (the softmax regression
/// of the MNISTSoftmaxLabelling study, whose whole run is then deterministic). Biases always start
/// at zero, as in Keras.
public enum Initializer: String, Codable, Sendable {
    /// Uniform on ±√(6 / (fanIn + fanOut)) (Glorot & Bengio 2010), Keras's `glorot_uniform`.
    case glorotUniform
    /// All zeros.
    case zeros

    /// Fills `values` from `generator`; fanIn and fanOut count the connections into and out of one
    /// unit (for a k×k convolution: k·k·inChannels and k·k·filters).
    func fill(
        _ values: UnsafeMutableBufferPointer<Float>, fanIn: Int, fanOut: Int,
        generator: inout SeededGenerator
    ) {
        switch self {
        case .zeros:
            values.update(repeating: 0)
        case .glorotUniform:
            let limit = (6 / Float(fanIn + fanOut)).squareRoot()
            for i in 0..<values.count { values[i] = generator.nextFloat(in: -limit..<limit) }
        }
    }
}
