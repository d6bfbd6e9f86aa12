/// One array a layer learns or keeps (a kernel, a bias, BatchNorm's running mean), with the
/// gradient of the loss with respect to it.
///
/// Parameters own fixed-size memory for the life of the model, so optimizers and layers work on
/// stable pointers and a training step allocates nothing.
final class Parameter {
    /// The shape in Keras's layout: Dense kernel [in, out], Conv2D kernel [k, k, inChannels, filters].
    let shape: [Int]
    /// The values, row-major.
    let value: UnsafeMutableBufferPointer<Float>
    /// d loss / d value, written by the layer's backward pass (empty for non-trainable state).
    let gradient: UnsafeMutableBufferPointer<Float>
    /// Keras's `l2(λ)` on this array: the loss gains λ·Σw² and the gradient 2λw. Zero for none.
    let l2: Float

    /// A parameter of `shape` filled with `initialValue`; `trainable: false` gives it no gradient.
    init(shape: [Int], initialValue: Float = 0, trainable: Bool = true, l2: Float = 0) {
        self.shape = shape
        let count = shape.reduce(1, *)
        value = .allocate(capacity: count)
        value.initialize(repeating: initialValue)
        gradient = .allocate(capacity: trainable ? count : 0)
        gradient.initialize(repeating: 0)
        self.l2 = l2
    }

    deinit {
        value.deallocate()
        gradient.deallocate()
    }

    /// The values as a tensor (a copy); setting copies a tensor of the same shape in.
    var tensor: Tensor {
        get { Tensor(shape: shape, scalars: Array(value)) }
        set {
            precondition(newValue.shape == shape, "parameter of shape \(shape) given shape \(newValue.shape)")
            _ = newValue.scalars.withUnsafeBufferPointer { value.update(fromContentsOf: $0) }
        }
    }

    /// λ·Σw², this parameter's share of the loss (0 without L2).
    var l2Penalty: Double {
        guard l2 > 0 else { return 0 }
        var sum: Float = 0
        for w in value { sum += w * w }
        return Double(l2) * Double(sum)
    }

    /// Adds the L2 term's gradient 2λw to `gradient`.
    func addL2Gradient() {
        guard l2 > 0 else { return }
        let twiceL2 = 2 * l2
        for i in 0..<value.count { gradient[i] += twiceL2 * value[i] }
    }
}
