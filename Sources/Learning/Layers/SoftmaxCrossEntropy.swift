import Foundation

/// Softmax fused with categorical cross-entropy: the loss every model here trains on.
///
/// For logits z [N, classes] and labels y [N]: p = softmax(z) row by row, loss = mean over rows of
/// -log p[y]. Fused, the gradient is simply (p - onehot(y)) / N, and log p comes from the
/// max-shifted logits, so neither overflows nor takes the log of zero.
enum SoftmaxCrossEntropy {
    /// probabilities[r, :] = softmax(logits[r, :]) for `rows` rows of `classes` logits.
    static func softmax(
        _ logits: UnsafePointer<Float>, rows: Int, classes: Int, into probabilities: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            let (z, p) = (logits + r * classes, probabilities + r * classes)
            var largest = z[0]
            for j in 1..<classes { largest = max(largest, z[j]) }
            var total: Float = 0
            for j in 0..<classes {
                p[j] = expf(z[j] - largest)
                total += p[j]
            }
            let inverse = 1 / total
            for j in 0..<classes { p[j] *= inverse }
        }
    }

    /// The summed loss Σ -log p[label] and the number of rows whose largest logit is their label,
    /// for `logits` [rows, classes]. When `gradient` is given it receives d(mean loss)/d logits
    /// [rows, classes] = (p - onehot) / rows.
    static func loss(
        _ logits: UnsafePointer<Float>, labels: UnsafePointer<Int>, rows: Int, classes: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> (loss: Double, correct: Int) {
        var (lossSum, correct) = (0.0, 0)
        for r in 0..<rows {
            let z = logits + r * classes
            let label = labels[r]
            precondition(label >= 0 && label < classes, "label \(label) outside 0..<\(classes)")
            var (largest, predicted) = (z[0], 0)
            for j in 1..<classes where z[j] > largest { (largest, predicted) = (z[j], j) }
            var total: Float = 0
            for j in 0..<classes { total += expf(z[j] - largest) }
            lossSum += Double(logf(total) - (z[label] - largest))
            if predicted == label { correct += 1 }
            if let gradient {
                let (g, scale) = (gradient + r * classes, 1 / (total * Float(rows)))
                for j in 0..<classes { g[j] = expf(z[j] - largest) * scale }
                g[label] -= 1 / Float(rows)
            }
        }
        return (lossSum, correct)
    }
}
