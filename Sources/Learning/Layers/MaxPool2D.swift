/// Max pooling over non-overlapping `pool`×`pool` windows (stride = pool size) and its gradient.
/// Like Keras's 'valid' pooling, rows and columns that do not fill a window are dropped:
/// [N, H, W, C] → [N, ⌊H/pool⌋, ⌊W/pool⌋, C].
///
/// The forward pass keeps only the maxima (a running element-wise max over the window's pixels,
/// all channels at once). The backward pass finds each maximum again by comparing the input with
/// the output, as TensorFlow does, and sends the gradient to the first input equal to it (in row
/// order); the rest of the window, and the dropped border, get zero.
final class MaxPool2D: LayerKernel {
    let inputShape: [Int]
    let outputShape: [Int]
    let pool: Int

    private let output = Workspace()
    private let inputGradient = Workspace()
    private var lastInput = UnsafeBufferPointer<Float>(start: nil, count: 0)
    private var lastOutput = UnsafeMutableBufferPointer<Float>(start: nil, count: 0)

    /// Pooling of images `inputShape` = [H, W, C].
    init(inputShape: [Int], poolSize: Int) {
        precondition(inputShape.count == 3, "MaxPool2D needs [H, W, C] inputs, got \(inputShape)")
        precondition(poolSize >= 1 && poolSize <= min(inputShape[0], inputShape[1]),
                     "pool size \(poolSize) does not fit input \(inputShape)")
        self.inputShape = inputShape
        self.outputShape = [inputShape[0] / poolSize, inputShape[1] / poolSize, inputShape[2]]
        self.pool = poolSize
    }

    var parameters: [Parameter] { [] }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        precondition(input.count == batch * inputWidth, "MaxPool2D got \(input.count) inputs for batch \(batch) × \(inputShape)")
        let (w, c, pool) = (inputShape[1], inputShape[2], pool)
        let (outH, outW, inWidth, outWidth) = (outputShape[0], outputShape[1], inputWidth, outputWidth)
        let (x, y) = (input.baseAddress!, output.prefix(batch * outWidth))
        parallelRanges(count: batch, minimumPerThread: 8) { images in
            for n in images {
                for oy in 0..<outH {
                    for ox in 0..<outW {
                        let best = y.baseAddress! + n * outWidth + (oy * outW + ox) * c
                        let corner = x + n * inWidth + (oy * pool * w + ox * pool) * c
                        best.update(from: corner, count: c)
                        for dy in 0..<pool {
                            for dx in 0..<pool where dy > 0 || dx > 0 {
                                let candidate = corner + (dy * w + dx) * c
                                for ch in 0..<c { best[ch] = max(best[ch], candidate[ch]) }
                            }
                        }
                    }
                }
            }
        }
        lastInput = input
        lastOutput = y
        return UnsafeBufferPointer(y)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        guard needsInputGradient else { return nil }
        let dx = inputGradient.prefix(batch * inputWidth)
        let (x, y, dy) = (lastInput.baseAddress!, UnsafePointer(lastOutput.baseAddress!), UnsafePointer(outputGradient.baseAddress!))
        parallelRanges(count: batch, minimumPerThread: 8) { images in
            // Per channel, the part of a window's gradient no pixel has claimed yet.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: inputShape[2]) { unclaimed in
                for n in images {
                    zeroDroppedBorder(image: n, of: dx.baseAddress!)
                    routeGradient(image: n, input: x, output: y, outputGradient: dy, into: dx.baseAddress!, unclaimed: unclaimed.baseAddress!)
                }
            }
        }
        return dx
    }

    /// Zeroes image `n`'s rows and columns of `dx` that no window covers (the windows write the rest).
    private func zeroDroppedBorder(image n: Int, of dx: UnsafeMutablePointer<Float>) {
        let (h, w, c) = (inputShape[0], inputShape[1], inputShape[2])
        let (coveredRows, coveredColumns) = (outputShape[0] * pool, outputShape[1] * pool)
        let image = dx + n * inputWidth
        if coveredColumns < w {
            for row in 0..<coveredRows {
                (image + (row * w + coveredColumns) * c).update(repeating: 0, count: (w - coveredColumns) * c)
            }
        }
        if coveredRows < h {
            (image + coveredRows * w * c).update(repeating: 0, count: (h - coveredRows) * w * c)
        }
    }

    /// Writes the input gradient of image `n`'s windows: each window's output gradient goes to the
    /// first pixel equal to the window's maximum, zero to the others.
    private func routeGradient(
        image n: Int, input x: UnsafePointer<Float>, output y: UnsafePointer<Float>,
        outputGradient dy: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>,
        unclaimed left: UnsafeMutablePointer<Float>
    ) {
        let (w, c) = (inputShape[1], inputShape[2])
        let (outH, outW) = (outputShape[0], outputShape[1])
        for oy in 0..<outH {
            for ox in 0..<outW {
                let at = n * outputWidth + (oy * outW + ox) * c
                let maxima = y + at
                left.update(from: dy + at, count: c)
                let corner = n * inputWidth + (oy * pool * w + ox * pool) * c
                for wy in 0..<pool {
                    for wx in 0..<pool {
                        let offset = corner + (wy * w + wx) * c
                        let (pixel, target) = (x + offset, dx + offset)
                        for ch in 0..<c {
                            let remaining = left[ch]
                            let isMax = pixel[ch] == maxima[ch]
                            target[ch] = isMax ? remaining : 0
                            left[ch] = isMax ? 0 : remaining
                        }
                    }
                }
            }
        }
    }
}
