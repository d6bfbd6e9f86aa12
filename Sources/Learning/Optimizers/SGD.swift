/// Stochastic gradient descent with momentum, as Keras defines it:
/// velocity = momentum · velocity - learningRate · gradient; parameter += velocity.
/// With momentum 0 it is plain gradient descent.
public struct SGD: Optimizer, Equatable {
    /// The step size (Keras default 0.01).
    public var learningRate: Float
    /// The fraction of the previous velocity kept, in [0, 1).
    public var momentum: Float
    @PackedFloats private var velocity: [[Float]] = []

    public init(learningRate: Float = 0.01, momentum: Float = 0) {
        precondition(learningRate > 0 && momentum >= 0 && momentum < 1,
                     "SGD needs learningRate > 0 and momentum in [0, 1), got \(learningRate), \(momentum)")
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public mutating func step(parameters: [UnsafeMutableBufferPointer<Float>], gradients: [UnsafeBufferPointer<Float>]) {
        velocity = matchingState(velocity, parameters)
        let (lr, mu) = (learningRate, momentum)
        for (i, (p, g)) in zip(parameters, gradients).enumerated() {
            velocity[i].withUnsafeMutableBufferPointer { v in
                for j in 0..<p.count {
                    v[j] = mu * v[j] - lr * g[j]
                    p[j] += v[j]
                }
            }
        }
    }

    /// Each kind of per-array state this optimizer keeps, for checking a decoded one.
    var stateArrays: [[[Float]]] { [velocity] }

    public mutating func reset() {
        velocity = []
    }
}
