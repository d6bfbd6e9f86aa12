// The user mistakes a labelling pool refuses, each with what to do instead.

/// Why a labelling pool refused a request.
public enum LabelingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The index does not name an image of the data set.
    case outOfRange(index: Int, count: Int)
    /// The image already has a label (from the oracle or a pseudo-label): labelling it again would
    /// spend a label twice.
    case alreadyLabeled(index: Int)
    /// The same index appears more than once in one request.
    case duplicate(index: Int)
    /// A stratified selection asked for more images of a class than the candidates hold.
    case notEnoughInClass(label: Int, requested: Int, available: Int)
    /// A pseudo-label names a class the data set does not have.
    case labelOutOfRange(index: Int, label: Int, classes: Int)

    public var description: String {
        switch self {
        case .outOfRange(let index, let count):
            return "index \(index) is outside the data set's 0..<\(count)"
        case .alreadyLabeled(let index):
            return "image \(index) is already labelled; query only the pool's unlabeledIndices"
        case .duplicate(let index):
            return "index \(index) appears twice in one labelling request; label each image once"
        case .notEnoughInClass(let label, let requested, let available):
            return "asked for \(requested) images of class \(label) but the candidates hold \(available);"
                + " ask for at most \(available) per class"
        case .labelOutOfRange(let index, let label, let classes):
            return "pseudo-label \(label) for image \(index) is outside the data set's 0..<\(classes) classes"
        }
    }
}
