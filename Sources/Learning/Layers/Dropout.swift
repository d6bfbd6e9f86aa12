/// Inverted dropout and its gradient: each input survives with probability 1 - rate and is then
/// scaled by 1 / (1 - rate), so the identity at inference keeps the expected activation.
///
/// Masks are drawn in training and in Monte Carlo passes. Each pass takes one number from the
/// model's generator to seed the mask; blocks of 4 096 elements then draw from their own stream
/// of that seed (`split(block)`), so threads can fill blocks in any order and the mask depends
/// only on the seed. Each 64-bit draw decides two elements (32 random bits each, compared with
/// rate · 2³²). The mask is kept, already scaled, for the backward pass.
final class Dropout: LayerKernel {
    let inputShape: [Int]
    var outputShape: [Int] { inputShape }
    let rate: Float

    /// Elements drawn from one stream.
    static let blockSize = 4096

    private let output = Workspace()
    private let scaledMask = Workspace()

    init(inputShape: [Int], rate: Float) {
        precondition(rate >= 0 && rate < 1, "dropout rate \(rate) is outside [0, 1)")
        self.inputShape = inputShape
        self.rate = rate
    }

    var parameters: [Parameter] { [] }

    /// A fresh mask for `count` elements: 0 where dropped, 1 / (1 - rate) where kept.
    func drawMask(count: Int, generator: inout SeededGenerator) -> UnsafeMutableBufferPointer<Float> {
        let mask = scaledMask.prefix(count)
        let streams = SeededGenerator(seed: generator.next())
        let threshold = UInt64((Double(rate) * 4_294_967_296).rounded())
        let keep = 1 / (1 - rate)
        let blocks = (count + Self.blockSize - 1) / Self.blockSize
        parallelRanges(count: blocks, minimumPerThread: 4) { blockRange in
            for block in blockRange {
                var random = streams.split(UInt64(block))
                var i = block * Self.blockSize
                let end = min(count, i + Self.blockSize)
                while i < end {
                    let bits = random.next()
                    mask[i] = bits & 0xFFFF_FFFF >= threshold ? keep : 0
                    if i + 1 < end { mask[i + 1] = bits >> 32 >= threshold ? keep : 0 }
                    i += 2
                }
            }
        }
        return mask
    }

    func forward(
        _ input: UnsafeBufferPointer<Float>, batch: Int, mode: ForwardMode,
        generator: inout SeededGenerator
    ) -> UnsafeBufferPointer<Float> {
        guard mode.dropsOut, rate > 0 else { return input }
        let mask = drawMask(count: input.count, generator: &generator)
        let y = output.prefix(input.count)
        for i in 0..<input.count { y[i] = input[i] * mask[i] }
        return UnsafeBufferPointer(y)
    }

    func backward(
        _ outputGradient: UnsafeMutableBufferPointer<Float>, batch: Int, needsInputGradient: Bool
    ) -> UnsafeMutableBufferPointer<Float>? {
        guard needsInputGradient else { return nil }
        guard rate > 0 else { return outputGradient }
        let mask = scaledMask.prefix(outputGradient.count)
        for i in 0..<outputGradient.count { outputGradient[i] *= mask[i] }
        return outputGradient
    }
}
