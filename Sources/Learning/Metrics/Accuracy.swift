// The share of correct predictions: the number every study's learning curve is made of.

/// Classification accuracy: the fraction of images whose predicted class equals the true one.
public enum Accuracy {
    /// The fraction (in [0, 1]) of positions where `predicted` equals `labels`; both the same
    /// length. An empty set has no accuracy: it returns 0.
    public static func of(predicted: [Int], labels: [Int]) -> Double {
        precondition(
            predicted.count == labels.count,
            "\(predicted.count) predictions for \(labels.count) labels")
        guard !labels.isEmpty else { return 0 }
        let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(labels.count)
    }

    /// The accuracy of `classifier` on `set`, predicting `batchSize` images at a time so that a
    /// large test set does not need one huge activation tensor.
    public static func of(_ classifier: any Classifier, on set: LabeledImages, batchSize: Int = 1000) -> Double {
        let probabilities = classifier.predictInBatches(set.images, batchSize: batchSize)
        return of(predicted: ProbabilityRows.argmax(probabilities), labels: set.labels)
    }
}
