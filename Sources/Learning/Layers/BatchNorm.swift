/// Batch normalisation over the last axis (channels) and its gradient, with Keras's behaviour:
/// training normalises by the batch's mean and (biased) variance and moves the running averages,
/// `running = momentum · running + (1 - momentum) · batch`; inference uses the running averages.
/// y = γ · (x - mean) / √(variance + ε) + β.
///
/// Each pass is folded into one multiply-add per element: forward y = x·scale + shift, backward
/// dx = dy·scale + x·k1 + k0, with per-channel constants from one reduction pass. Channel sums run
/// in Float over blocks of rows and are gathered in Double, so long reductions stay accurate.
final class BatchNorm: LayerKernel {
    let inputShape: [Int]
    var outputShape: [Int] { inputShape }
    let channels: Int
    let momentum: Float
    let epsilon: Float
    /// γ [C], starts at 1.
    let gamma: Parameter
    /// β [C], starts at 0.
    let beta: Parameter
    /// The running mean [C] used at inference, starts at 0.
    let runningMean: Parameter
    /// The running variance [C] used at inference, starts at 1.
    let runningVariance: Parameter

    /// Rows summed in Float before the partial sums move into Double.
    static let blockRows = 64

    private let output = Workspace()
    private let inputGradient = Workspace()
    /// Elements one thread should at least get, so that small layers stay on one thread.
    static let elementsPerThread = 1 << 15

    /// Per channel: mean, 1/√(var+ε), scale, shift, and the backward pass's constants k1 and k0.
    private let perChannel = Workspace()
    /// Per channel: Σa, then Σa·b (see `channelSums`).
    private let sums: UnsafeMutableBufferPointer<Double>
    private var lastInput = UnsafeBufferPointer<Float>(start: nil, count: 0)

    init(inputShape: [Int], momentum: Float, epsilon: Float) {
        precondition(!inputShape.isEmpty, "BatchNorm needs at least one axis")
        self.inputShape = inputShape
        channels = inputShape.last!
        self.momentum = momentum
        self.epsilon = epsilon
        gamma = Parameter(shape: [channels], initialValue: 1)
        beta = Parameter(shape: [channels])
        runningMean = Parameter(shape: [channels], trainable: false)
        runningVariance = Parameter(shape: [channels], initialValue: 1, trainable: false)
        sums = .allocate(capacity: 2 * channels)
        sums.initialize(repeating: 0)
    }

    deinit {
        sums.deallocate()
    }

    var parameters: [Parameter] { [gamma, beta] }
    var state: [Parameter] { [gamma, beta, runningMean, runningVariance] }

    private var scratch: (mean: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>,
                          scale: UnsafeMutablePointer<Float>, shift: UnsafeMutablePointer<Float>,
                          k1: UnsafeMutablePointer<Float>, k0: UnsafeMutablePointer<Float>) {
        let base = perChannel.prefix(6 * channels).baseAddress!
        return (base, base + channels, base + 2 * channels, base + 3 * channels, base + 4 * channels,
                base + 5 * channels)
    }

    /// Per channel: Σ a and Σ a·b over the rows of a [rows, C] and b [rows, C], in `sums`
    /// (Σ a in the first C entries, Σ a·b in the next C). Threads split the channels.
    private func channelSums(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, rows: Int) {
        let (c, sums) = (channels, sums.baseAddress!)
        parallelRanges(count: c, minimumPerThread: max(1, Self.elementsPerThread / max(1, rows))) { channelRange in
            let (first, width) = (channelRange.lowerBound, channelRange.count)
            for ch in channelRange { (sums[ch], sums[c + ch]) = (0, 0) }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * width) { partial in
                let (partialA, partialB) = (partial.baseAddress!, partial.baseAddress! + width)
                var blockStart = 0
                while blockStart < rows {
                    let blockEnd = min(rows, blockStart + Self.blockRows)
                    partialA.update(repeating: 0, count: width)
                    partialB.update(repeating: 0, count: width)
                    for r in blockStart..<blockEnd {
                        let (rowA, rowB) = (a + r * c + first, b + r * c + first)
                        for j in 0..<width {
                            let value = rowA[j]
                            partialA[j] += value
                            partialB[j] += value * rowB[j]
                        }
                    }
                    for j in 0..<width {
                        sums[first + j] += Double(partialA[j])
                        sums[c + first + j] += Double(partialB[j])
                    }
                    blockStart = blockEnd
                }
            }
        }
    }

    /// out[r, ch] = x[r, ch] · scale[ch] + shift[ch] (+ dy[r, ch] · gain[ch] when given), rows
    /// split between threads.
    private func scaleAndShift(
        _ x: UnsafePointer<Float>, rows: Int, scale: UnsafePointer<Float>, shift: UnsafePointer<Float>,
        plus dy: UnsafePointer<Float>? = nil, gain: UnsafePointer<Float>? = nil, into out: UnsafeMutablePointer<Float>
    ) {
        let c = channels
        parallelRanges(count: rows, minimumPerThread: max(1, Self.elementsPerThread / c)) { rowRange in
            for r in rowRange {
                let (xr, outr) = (x + r * c, out + r * c)
                if let dy, let gain {
                    let dyr = dy + r * c
                    for ch in 0..<c { outr[ch] = dyr[ch] * gain[ch] + xr[ch] * scale[ch] + shift[ch] }
                } else {
                    for ch in 0..<c { outr[ch] = xr[ch] * scale[ch] + shift[ch] }
                }
            }
        }
    }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        let c = channels
        let rows = input.count / c
        let x = input.baseAddress!
        let s = scratch
        if mode == .training {
            channelSums(x, x, rows: rows)
            for ch in 0..<c {
                let mean = sums[ch] / Double(rows)
                let variance = max(0, sums[c + ch] / Double(rows) - mean * mean)
                s.mean[ch] = Float(mean)
                s.invStd[ch] = 1 / (Float(variance) + epsilon).squareRoot()
                runningMean.value[ch] = momentum * runningMean.value[ch] + (1 - momentum) * Float(mean)
                runningVariance.value[ch] = momentum * runningVariance.value[ch] + (1 - momentum) * Float(variance)
            }
        } else {
            for ch in 0..<c {
                s.mean[ch] = runningMean.value[ch]
                s.invStd[ch] = 1 / (runningVariance.value[ch] + epsilon).squareRoot()
            }
        }
        for ch in 0..<c {
            s.scale[ch] = gamma.value[ch] * s.invStd[ch]
            s.shift[ch] = beta.value[ch] - s.mean[ch] * s.scale[ch]
        }
        let y = output.prefix(input.count)
        scaleAndShift(x, rows: rows, scale: s.scale, shift: s.shift, into: y.baseAddress!)
        lastInput = input
        return UnsafeBufferPointer(y)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        let c = channels
        let rows = outputGradient.count / c
        let (dy, x) = (outputGradient.baseAddress!, lastInput.baseAddress!)
        let s = scratch
        channelSums(dy, x, rows: rows)
        // With x̂ = (x - mean)·invStd: dβ = Σdy, dγ = Σdy·x̂ = invStd·(Σdy·x - mean·Σdy).
        // dx = scale·(dy - Σdy/R - x̂·Σdy·x̂/R) = dy·scale + x·k1 + k0.
        let (k1, k0) = (s.k1, s.k0)
        for ch in 0..<c {
            let sumDy = sums[ch]
            let sumDyXhat = Double(s.invStd[ch]) * (sums[c + ch] - Double(s.mean[ch]) * sumDy)
            beta.gradient[ch] = Float(sumDy)
            gamma.gradient[ch] = Float(sumDyXhat)
            let meanDy = sumDy / Double(rows), meanDyXhat = sumDyXhat / Double(rows)
            let scale = Double(s.scale[ch]), invStd = Double(s.invStd[ch])
            k1[ch] = Float(-scale * invStd * meanDyXhat)
            k0[ch] = Float(-scale * meanDy + scale * invStd * meanDyXhat * Double(s.mean[ch]))
        }
        guard needsInputGradient else { return nil }
        let dx = inputGradient.prefix(outputGradient.count)
        scaleAndShift(x, rows: rows, scale: k1, shift: k0, plus: dy, gain: s.scale, into: dx.baseAddress!)
        return dx
    }
}
