import Foundation
import Testing
@testable import Learning

struct SoftmaxCrossEntropyTests {
    @Test func lossOfAHandExample() {
        // logits [1, 2, 3], label 2: -log(e³ / (e¹ + e² + e³)) = log(1 + e⁻¹ + e⁻²) = 0.4076059644
        // logits [0, 0], label 0: log 2 = 0.6931471806, and the tie predicts class 0.
        let logits: [Float] = [1, 2, 3]
        let result = logits.withUnsafeBufferPointer { z in
            [2].withUnsafeBufferPointer { SoftmaxCrossEntropy.loss(z.baseAddress!, labels: $0.baseAddress!, rows: 1, classes: 3, gradient: nil) }
        }
        #expect(abs(result.loss - 0.4076059644) < 1e-6)
        #expect(result.correct == 1)
        let tie = [Float(0), 0].withUnsafeBufferPointer { z in
            [0].withUnsafeBufferPointer { SoftmaxCrossEntropy.loss(z.baseAddress!, labels: $0.baseAddress!, rows: 1, classes: 2, gradient: nil) }
        }
        #expect(abs(tie.loss - 0.6931471806) < 1e-6 && tie.correct == 1)
    }

    @Test func softmaxOfLargeLogitsDoesNotOverflow() {
        var probabilities = [Float](repeating: 0, count: 3)
        [Float(1000), 1000, 998].withUnsafeBufferPointer { z in
            probabilities.withUnsafeMutableBufferPointer { SoftmaxCrossEntropy.softmax(z.baseAddress!, rows: 1, classes: 3, into: $0.baseAddress!) }
        }
        // 1 / (2 + e⁻²) = 0.4683105308, e⁻² / (2 + e⁻²) = 0.0633789383
        #expect(abs(probabilities[0] - 0.4683105308) < 1e-6 && abs(probabilities[2] - 0.0633789383) < 1e-6)
    }

    @Test func gradientOfTheMeanLossMatchesFiniteDifferences() {
        let (rows, classes) = (3, 4)
        var logits = GradientCheck.randomValues(rows * classes, seed: 4).map { 3 * $0 }
        let labels = [2, 0, 3]
        func loss(_ z: [Float]) -> Double {
            z.withUnsafeBufferPointer { z in
                labels.withUnsafeBufferPointer {
                    SoftmaxCrossEntropy.loss(z.baseAddress!, labels: $0.baseAddress!, rows: rows, classes: classes, gradient: nil).loss
                }
            } / Double(rows)
        }
        var gradient = [Float](repeating: 0, count: rows * classes)
        logits.withUnsafeBufferPointer { z in
            labels.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer {
                    _ = SoftmaxCrossEntropy.loss(z.baseAddress!, labels: y.baseAddress!, rows: rows, classes: classes, gradient: $0.baseAddress!)
                }
            }
        }
        let step: Float = 1e-3
        var numeric: [Double] = []
        for i in logits.indices {
            let original = logits[i]
            logits[i] = original + step
            let plus = loss(logits)
            logits[i] = original - step
            let minus = loss(logits)
            logits[i] = original
            numeric.append((plus - minus) / (2 * Double(step)))
        }
        #expect(GradientCheck.relativeError(gradient.map(Double.init), numeric) < 1e-2)
    }
}
