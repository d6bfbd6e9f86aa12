// Row-wise readings of a class-probability matrix [N, C]: the predicted class, the two largest
// probabilities, the entropy. Query strategies, auto-labelling and metrics all read rows this way,
// so the definitions (and their tie rules) live here once.
import Foundation

/// Per-row quantities of class probabilities `[N, C]` (each row a distribution over C classes).
///
/// Ties always resolve to the lower class index, so every reading is deterministic.
public enum ProbabilityRows {
    /// The predicted class of each row: the index of its largest probability (the lowest such
    /// index on a tie). `probabilities: [N, C]` with C ≥ 1.
    public static func argmax(_ probabilities: Tensor) -> [Int] {
        let (rows, classes) = shape(of: probabilities)
        precondition(classes > 0, "argmax needs at least one class, got shape \(probabilities.shape)")
        return probabilities.scalars.withUnsafeBufferPointer { p in
            (0..<rows).map { row in
                let base = row * classes
                var best = 0
                for c in 1..<classes where p[base + c] > p[base + best] { best = c }
                return best
            }
        }
    }

    /// The largest and second-largest probability of each row; with one class the second is 0.
    /// `probabilities: [N, C]`.
    public static func topTwo(_ probabilities: Tensor) -> [(first: Float, second: Float)] {
        let (rows, classes) = shape(of: probabilities)
        precondition(classes > 0, "topTwo needs at least one class, got shape \(probabilities.shape)")
        return probabilities.scalars.withUnsafeBufferPointer { p in
            (0..<rows).map { row in
                let base = row * classes
                var first = p[base]
                var second: Float = classes > 1 ? -.infinity : 0
                for c in 1..<classes {
                    let value = p[base + c]
                    if value > first {
                        second = first
                        first = value
                    } else if value > second {
                        second = value
                    }
                }
                return (first, second)
            }
        }
    }

    /// The Shannon entropy of each row in nats, −Σ p log p, with 0 log 0 = 0.
    /// `probabilities: [N, C]`; a uniform row over C classes gives log C, a one-hot row 0.
    public static func entropy(_ probabilities: Tensor) -> [Float] {
        let (rows, classes) = shape(of: probabilities)
        return probabilities.scalars.withUnsafeBufferPointer { p in
            (0..<rows).map { row in
                entropy(of: UnsafeBufferPointer(rebasing: p[(row * classes)..<((row + 1) * classes)]))
            }
        }
    }

    /// The entropy in nats of one distribution, with 0 log 0 = 0.
    static func entropy(of distribution: UnsafeBufferPointer<Float>) -> Float {
        var sum: Float = 0
        for value in distribution where value > 0 { sum -= value * log(value) }
        return sum
    }

    private static func shape(of probabilities: Tensor) -> (rows: Int, classes: Int) {
        precondition(probabilities.rank == 2, "expected class probabilities [N, C], got shape \(probabilities.shape)")
        return (probabilities.shape[0], probabilities.shape[1])
    }
}
