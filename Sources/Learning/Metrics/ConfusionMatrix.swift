// Which classes a model mistakes for which: the table behind per-class accuracy and the heat maps
// of the studies' reports.

/// Counts of (true class, predicted class) pairs over a labelled set.
///
/// `counts[t][p]` is the number of images of true class `t` predicted as `p`; rows are true
/// classes, columns predictions (scikit-learn's orientation).
public struct ConfusionMatrix: Codable, Equatable, Sendable {
    /// `counts[trueClass][predictedClass]`, `classCount × classCount`.
    public private(set) var counts: [[Int]]

    /// The matrix of `predicted` against `labels` (same length, every value in
    /// `0..<classCount`).
    public init(predicted: [Int], labels: [Int], classCount: Int) {
        precondition(
            predicted.count == labels.count,
            "\(predicted.count) predictions for \(labels.count) labels")
        counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        for (guess, truth) in zip(predicted, labels) {
            precondition(
                (0..<classCount).contains(guess) && (0..<classCount).contains(truth),
                "class pair (true \(truth), predicted \(guess)) outside 0..<\(classCount)")
            counts[truth][guess] += 1
        }
    }

    /// The matrix of `classifier`'s predictions on `set`, `batchSize` images at a time.
    public init(_ classifier: any Classifier, on set: LabeledImages, batchSize: Int = 1000) {
        let probabilities = classifier.predictInBatches(set.images, batchSize: batchSize)
        self.init(
            predicted: ProbabilityRows.argmax(probabilities), labels: set.labels,
            classCount: set.classCount)
    }

    /// The number of classes.
    public var classCount: Int { counts.count }

    /// The number of images counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The overall accuracy: the diagonal over the total (0 for an empty matrix).
    public var accuracy: Double {
        let correct = (0..<classCount).reduce(0) { $0 + counts[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }

    /// The accuracy within each true class (its recall), indexed by class; `nil` for a class with
    /// no images in the set.
    public var perClassAccuracy: [Double?] {
        (0..<classCount).map { truth in
            let count = counts[truth].reduce(0, +)
            return count == 0 ? nil : Double(counts[truth][truth]) / Double(count)
        }
    }
}
