import Foundation

/// Adam (Kingma & Ba 2015) as Keras computes it, with Keras's legacy learning-rate decay.
///
/// At iteration t (counting from 0):
///   lr  = learningRate / (1 + decay · t)                    (Keras 2's `decay` argument)
///   m   = β1 · m + (1 - β1) · g;   v = β2 · v + (1 - β2) · g²
///   p  -= lr · √(1 - β2^(t+1)) / (1 - β1^(t+1)) · m / (√v + ε)
/// The FashionMarginAugmentation study trains with decay 1e-6, as the original's `Adam(lr=1e-3, decay=1e-6)` did.
public struct Adam: Optimizer, Equatable {
    /// The base step size (Keras default 0.001).
    public var learningRate: Float
    /// Decay rate of the first moment (default 0.9).
    public var beta1: Float
    /// Decay rate of the second moment (default 0.999).
    public var beta2: Float
    /// Added to √v (Keras default 1e-7).
    public var epsilon: Float
    /// Keras's legacy per-step decay of the learning rate (default 0: none).
    public var decay: Float
    /// Steps taken so far.
    public private(set) var iterations: Int = 0
    @PackedFloats private var m: [[Float]] = []
    @PackedFloats private var v: [[Float]] = []

    public init(
        learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7,
        decay: Float = 0
    ) {
        precondition(learningRate > 0 && (0..<1).contains(beta1) && (0..<1).contains(beta2) && epsilon >= 0 && decay >= 0,
                     "Adam got learningRate \(learningRate), betas \(beta1) \(beta2), epsilon \(epsilon), decay \(decay)")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.decay = decay
    }

    public mutating func step(parameters: [UnsafeMutableBufferPointer<Float>], gradients: [UnsafeBufferPointer<Float>]) {
        m = matchingState(m, parameters)
        v = matchingState(v, parameters)
        let t = Double(iterations + 1)
        let decayed = Double(learningRate) / (1 + Double(decay) * Double(iterations))
        let stepSize = Float(decayed * (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t)))
        let constants = Constants(beta1: beta1, beta2: beta2, epsilon: epsilon, stepSize: stepSize)
        for (i, (p, g)) in zip(parameters, gradients).enumerated() {
            // the wrappers' storage, so that the two arrays are seen as the disjoint stored properties they are
            _m.wrappedValue[i].withUnsafeMutableBufferPointer { m in
                _v.wrappedValue[i].withUnsafeMutableBufferPointer { v in
                    let arrays = (p.baseAddress!, g.baseAddress!, m.baseAddress!, v.baseAddress!)
                    parallelRanges(count: p.count, minimumPerThread: 1 << 15) { range in
                        Self.update(arrays, range, constants)
                    }
                }
            }
        }
        iterations += 1
    }

    private struct Constants {
        let beta1: Float, beta2: Float, epsilon: Float, stepSize: Float
    }

    /// The Adam update of elements `range` of one array, four lanes at a time.
    private static func update(
        _ arrays: (p: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>),
        _ range: Range<Int>, _ c: Constants
    ) {
        let (p, g, m, v) = arrays
        var j = range.lowerBound
        while j + 4 <= range.upperBound {
            let gj = VectorMath.load(g, j)
            let mj = c.beta1 * VectorMath.load(m, j) + (1 - c.beta1) * gj
            let vj = c.beta2 * VectorMath.load(v, j) + (1 - c.beta2) * gj * gj
            VectorMath.store(mj, m, j)
            VectorMath.store(vj, v, j)
            VectorMath.store(VectorMath.load(p, j) - c.stepSize * mj / (VectorMath.squareRoots(vj) + c.epsilon), p, j)
            j += 4
        }
        while j < range.upperBound {
            m[j] = c.beta1 * m[j] + (1 - c.beta1) * g[j]
            v[j] = c.beta2 * v[j] + (1 - c.beta2) * g[j] * g[j]
            p[j] -= c.stepSize * m[j] / (v[j].squareRoot() + c.epsilon)
            j += 1
        }
    }

    /// Each kind of per-array state this optimizer keeps, for checking a decoded one.
    var stateArrays: [[[Float]]] { [m, v] }

    public mutating func reset() {
        (iterations, m, v) = (0, [], [])
    }
}
