// Confidence-ordered auto-labelling (the MNISTSoftmaxLabelling study): give the model's own
// predictions to the images it is surest of, instead of paying the oracle.

/// Turns predictions on unlabelled images into pseudo-labels.
public enum AutoLabeling {
    /// The `count` rows predicted most confidently (highest top probability) with their predicted
    /// classes, most confident first, ties to the lower row; all rows if there are fewer.
    /// `probabilities: [N, C]` are predictions for the images `indices` (data set indices, one
    /// per row), which the pseudo-labels carry.
    public static func mostConfident(_ probabilities: Tensor, of indices: [Int], count: Int) -> [PseudoLabel] {
        let guesses = all(probabilities, of: indices)
        let order = bestRows(of: guesses.map(\.confidence), count: count, preference: .highestFirst)
        return order.map { guesses[$0] }
    }

    /// Every row's predicted class as a pseudo-label, in row order: naive auto-labelling of all
    /// that remains. `probabilities: [N, C]` for the images `indices`.
    public static func all(_ probabilities: Tensor, of indices: [Int]) -> [PseudoLabel] {
        precondition(
            probabilities.rank == 2 && probabilities.rows == indices.count,
            "probabilities \(probabilities.shape) must be [\(indices.count), C], one row per index")
        let predicted = ProbabilityRows.argmax(probabilities)
        let confidence = ProbabilityRows.topTwo(probabilities).map(\.first)
        return indices.indices.map {
            PseudoLabel(index: indices[$0], label: predicted[$0], confidence: confidence[$0])
        }
    }
}
