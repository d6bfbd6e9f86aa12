import Foundation
import Testing

@testable import Learning

/// A one-channel H × W image from literal rows, as a batch of one [1, H, W, 1].
private func image(_ rows: [[Float]]) -> Tensor {
    Tensor(shape: [1, rows.count, rows[0].count, 1], scalars: rows.flatMap { $0 })
}

/// An H × W image, zero but for a 1 at (row, column).
private func dot(height: Int, width: Int, row: Int, column: Int) -> Tensor {
    var pixels = Tensor(shape: [1, height, width, 1])
    pixels[0, row, column, 0] = 1
    return pixels
}

private func warp(_ map: AffineMap, _ images: Tensor) -> Tensor {
    ImageWarp.apply([map], to: images)
}

/// A layer that always draws the same map, to test chaining without randomness.
private struct FixedLayer: RandomTransformLayer {
    let map: AffineMap
    func sampleTransform(height: Int, width: Int, using generator: inout SeededGenerator) -> AffineMap { map }
}

private func randomImages(_ shape: [Int], seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    return Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in generator.nextUnitFloat() })
}

@Suite("Augmentation with Keras's preprocessing-layer semantics")
struct AugmentationTests {
    @Test("Flipping twice, either way, gives the input back exactly")
    func flipsTwice() {
        let input = randomImages([1, 5, 7, 3], seed: 1)
        for flip in [AffineMap.horizontalFlip(width: 7), .verticalFlip(height: 5)] {
            #expect(warp(flip, warp(flip, input)) == input)
            #expect(warp(flip, input) != input)
        }
    }

    @Test("Zero rotation, translation and zoom give the input back exactly")
    func zeroFactors() {
        let input = randomImages([4, 6, 5, 2], seed: 2)
        let augmenter = Augmenter([
            RandomRotation(factor: 0), RandomTranslation(heightFactor: 0, widthFactor: 0), RandomZoom(heightFactor: 0),
        ])
        var generator = SeededGenerator(seed: 3)
        #expect(augmenter.augment(input, using: &generator) == input)
    }

    @Test("A pixel shifted 2 right and 1 down lands there, and reflect fill mirrors it at the edge")
    func integerShift() {
        // output (y, x) reads input (y − 1, x − 2): the dot at (1, 1) appears at (2, 3), and
        // column −2 reflects to column 1, so (2, 0) mirrors it
        var expected = Tensor(shape: [1, 5, 5, 1])
        expected[0, 2, 3, 0] = 1
        expected[0, 2, 0, 0] = 1
        #expect(warp(.translation(dx: 2, dy: 1), dot(height: 5, width: 5, row: 1, column: 1)) == expected)
    }

    @Test("Half a pixel to the right splits a pixel evenly between two columns (bilinear)")
    func halfPixelShift() {
        let shifted = warp(.translation(dx: 0.5, dy: 0), dot(height: 3, width: 5, row: 1, column: 1))
        #expect(shifted.scalars == [0, 0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("A quarter turn moves a pixel above the centre to the left of it: counter-clockwise")
    func quarterTurn() {
        // 5 × 5, centre (2, 2): output (x, y) reads input (4 − y, x), so input (column 3, row 0)
        // lands at output (column 0, row 1)
        let turned = warp(.rotation(angle: .pi / 2, height: 5, width: 5), dot(height: 5, width: 5, row: 0, column: 3))
        let expected = dot(height: 5, width: 5, row: 1, column: 0)
        #expect(zip(turned.scalars, expected.scalars).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test(
        "Reflect fill on a hand row: (d c b a | a b c d | d c b a)",
        arguments: [
            (Float(2), [Float(2), 1, 1, 2]),  // b a | a b
            (Float(-2), [3, 4, 4, 3]),  // c d | d c
            (Float(3), [3, 2, 1, 1]),  // c b a | a
            (Float(-5), [3, 2, 1, 1]),  // columns 5…8 of a b c d | d c b a | a: c b a a
        ])
    func reflectRow(shift: Float, expected: [Float]) {
        let row = image([[1, 2, 3, 4]])
        #expect(warp(.translation(dx: shift, dy: 0), row).scalars == expected)
    }

    @Test(
        "Reflected coordinates follow TensorFlow's map_coordinate for FILL_REFLECT",
        arguments: [
            (Float(-0.3), Float(0)), (-1, 0), (-1.5, 0.5), (-2, 1), (-4.5, 3), (-8.5, 0),
            (3.5, 3), (4.5, 2.5), (5, 2), (8, 0), (9, 1),
        ])
    func reflectCoordinate(coordinate: Float, expected: Float) {
        #expect(ImageWarp.reflect(coordinate, length: 4) == expected)
    }

    @Test("Zooming in by half about the centre reads the middle of a ramp")
    func zoomIn() {
        // output x reads 0.5 x + 1: columns 0…4 read 1, 1.5, 2, 2.5, 3
        let ramp = image([[0, 1, 2, 3, 4]])
        #expect(warp(.zoom(x: 0.5, y: 0.5, height: 1, width: 5), ramp).scalars == [1, 1.5, 2, 2.5, 3])
    }

    @Test("A chain of layers equals applying them one after another when no blur is involved")
    func chainingOrder() {
        let input = randomImages([1, 6, 6, 1], seed: 4)
        let flip = AffineMap.horizontalFlip(width: 6)
        let shift = AffineMap.translation(dx: 2, dy: -1)
        let chained = Augmenter([FixedLayer(map: flip), FixedLayer(map: shift)])
        var generator = SeededGenerator(seed: 1)
        #expect(chained.augment(input, using: &generator) == warp(shift, warp(flip, input)))
    }

    @Test("Augmentation is seeded, keeps values in range and treats every channel alike")
    func seededAndMultiChannel() {
        let augmenter = Augmenter([
            RandomFlip(), RandomRotation(factor: 0.15), RandomTranslation(heightFactor: 0.15, widthFactor: 0.15),
            RandomZoom(heightFactor: 0.15),
        ])
        // channel c of every pixel is (c + 1) × channel 0
        var generator = SeededGenerator(seed: 5)
        let grey = (0..<(3 * 8 * 8)).map { _ in generator.nextUnitFloat() / 3 }
        let input = Tensor(shape: [3, 8, 8, 3], scalars: grey.flatMap { [$0, 2 * $0, 3 * $0] })
        var a = SeededGenerator(seed: 6)
        var b = SeededGenerator(seed: 6)
        var c = SeededGenerator(seed: 7)
        let output = augmenter.augment(input, using: &a)
        #expect(augmenter.augment(input, using: &b) == output)
        #expect(augmenter.augment(input, using: &c) != output)
        #expect(output.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        for pixel in stride(from: 0, to: output.count, by: 3) {
            #expect(abs(output.scalars[pixel + 1] - 2 * output.scalars[pixel]) < 1e-6)
            #expect(abs(output.scalars[pixel + 2] - 3 * output.scalars[pixel]) < 1e-6)
        }
    }

    @Test("Sampled maps stay within Keras's ranges; zoom is the same on both axes")
    func samplingRanges() {
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<500 {
            let turn = RandomRotation(factor: 0.15).sampleTransform(height: 28, width: 28, using: &generator)
            #expect(abs(atan2(turn.yx, turn.xx)) <= 0.15 * 2 * .pi + 1e-5)
            let shift = RandomTranslation(heightFactor: 0.15, widthFactor: 0.1)
                .sampleTransform(height: 20, width: 30, using: &generator)
            #expect(abs(shift.y0) <= 3 && abs(shift.x0) <= 3)
            let zoom = RandomZoom(heightFactor: 0.15).sampleTransform(height: 28, width: 28, using: &generator)
            #expect(zoom.xx == zoom.yy && zoom.xx >= 0.85 && zoom.xx <= 1.15)
        }
    }
}
