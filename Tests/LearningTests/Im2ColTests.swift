import Testing
@testable import Learning

struct Im2ColTests {
    @Test func samePaddingPatchesOfATwoByTwoImage() {
        // image [[1, 2], [3, 4]], one channel, 3×3 kernel, padding 1: four patches of nine.
        let geometry = ConvolutionGeometry(height: 2, width: 2, channels: 1, kernel: 3, padding: 1)
        let image: [Float] = [1, 2, 3, 4]
        var patches = [Float](repeating: -1, count: 4 * 9)
        image.withUnsafeBufferPointer { x in
            patches.withUnsafeMutableBufferPointer { im2col(x.baseAddress!, batch: 1, geometry: geometry, into: $0.baseAddress!) }
        }
        #expect(patches == [
            0, 0, 0, 0, 1, 2, 0, 3, 4,
            0, 0, 0, 1, 2, 0, 3, 4, 0,
            0, 1, 2, 0, 3, 4, 0, 0, 0,
            1, 2, 0, 3, 4, 0, 0, 0, 0,
        ])
    }

    /// col2im is im2col's transpose: ⟨im2col(x), p⟩ = ⟨x, col2im(p)⟩ for any x and p.
    @Test(arguments: [0, 1])
    func col2imIsTheTransposeOfIm2col(padding: Int) {
        let geometry = ConvolutionGeometry(height: 5, width: 4, channels: 2, kernel: 3, padding: padding)
        let x = GradientCheck.randomValues(2 * 5 * 4 * 2, seed: 1)
        let p = GradientCheck.randomValues(2 * geometry.positions * geometry.patchLength, seed: 2)
        var patches = [Float](repeating: 0, count: p.count)
        var folded = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { x in
            patches.withUnsafeMutableBufferPointer { im2col(x.baseAddress!, batch: 2, geometry: geometry, into: $0.baseAddress!) }
        }
        p.withUnsafeBufferPointer { p in
            folded.withUnsafeMutableBufferPointer { col2im(p.baseAddress!, batch: 2, geometry: geometry, into: $0.baseAddress!) }
        }
        let left = zip(patches, p).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let right = zip(x, folded).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(left - right) < 1e-4)
    }
}
