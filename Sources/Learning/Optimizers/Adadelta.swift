/// Adadelta (Zeiler 2012) as Keras 2 computes it, with Keras 2's defaults (learning rate 0.001,
/// ρ 0.95, ε 1e-7), which the MNISTEntropySampling study uses; the original paper's rule is learning rate 1.0.
///
///   a = ρ · a + (1 - ρ) · g²
///   Δ = g · √(u + ε) / √(a + ε)
///   p -= learningRate · Δ
///   u = ρ · u + (1 - ρ) · Δ²
public struct Adadelta: Optimizer, Equatable {
    /// The step size (Keras 2 default 0.001).
    public var learningRate: Float
    /// Decay rate of both running averages (default 0.95).
    public var rho: Float
    /// Keeps the square roots away from zero (default 1e-7).
    public var epsilon: Float
    @PackedFloats private var squaredGradients: [[Float]] = []
    @PackedFloats private var squaredUpdates: [[Float]] = []

    public init(learningRate: Float = 0.001, rho: Float = 0.95, epsilon: Float = 1e-7) {
        precondition(learningRate > 0 && (0..<1).contains(rho) && epsilon > 0,
                     "Adadelta got learningRate \(learningRate), rho \(rho), epsilon \(epsilon)")
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public mutating func step(parameters: [UnsafeMutableBufferPointer<Float>], gradients: [UnsafeBufferPointer<Float>]) {
        squaredGradients = matchingState(squaredGradients, parameters)
        squaredUpdates = matchingState(squaredUpdates, parameters)
        let constants = Constants(learningRate: learningRate, rho: rho, epsilon: epsilon)
        for (i, (p, g)) in zip(parameters, gradients).enumerated() {
            // the wrappers' storage, so that the two arrays are seen as the disjoint stored properties they are
            _squaredGradients.wrappedValue[i].withUnsafeMutableBufferPointer { a in
                _squaredUpdates.wrappedValue[i].withUnsafeMutableBufferPointer { u in
                    let arrays = (p.baseAddress!, g.baseAddress!, a.baseAddress!, u.baseAddress!)
                    parallelRanges(count: p.count, minimumPerThread: 1 << 15) { range in
                        Self.update(arrays, range, constants)
                    }
                }
            }
        }
    }

    private struct Constants {
        let learningRate: Float, rho: Float, epsilon: Float
    }

    /// The Adadelta update of elements `range` of one array, four lanes at a time.
    private static func update(
        _ arrays: (p: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, a: UnsafeMutablePointer<Float>, u: UnsafeMutablePointer<Float>),
        _ range: Range<Int>, _ c: Constants
    ) {
        let (p, g, a, u) = arrays
        var j = range.lowerBound
        while j + 4 <= range.upperBound {
            let gj = VectorMath.load(g, j)
            let aj = c.rho * VectorMath.load(a, j) + (1 - c.rho) * gj * gj
            let uj = VectorMath.load(u, j)
            let delta = gj * VectorMath.squareRoots(uj + c.epsilon) / VectorMath.squareRoots(aj + c.epsilon)
            VectorMath.store(aj, a, j)
            VectorMath.store(VectorMath.load(p, j) - c.learningRate * delta, p, j)
            VectorMath.store(c.rho * uj + (1 - c.rho) * delta * delta, u, j)
            j += 4
        }
        while j < range.upperBound {
            a[j] = c.rho * a[j] + (1 - c.rho) * g[j] * g[j]
            let delta = g[j] * (u[j] + c.epsilon).squareRoot() / (a[j] + c.epsilon).squareRoot()
            p[j] -= c.learningRate * delta
            u[j] = c.rho * u[j] + (1 - c.rho) * delta * delta
            j += 1
        }
    }

    /// Each kind of per-array state this optimizer keeps, for checking a decoded one.
    var stateArrays: [[[Float]]] { [squaredGradients, squaredUpdates] }

    public mutating func reset() {
        (squaredGradients, squaredUpdates) = ([], [])
    }
}
