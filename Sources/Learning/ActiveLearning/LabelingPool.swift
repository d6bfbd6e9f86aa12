// The labelling oracle and the bookkeeping of who has been labelled: the pool an active learner
// queries. The oracle's labels stay private until paid for, so a strategy cannot peek.

/// A data set split into labelled and unlabelled images, with the oracle's labels revealed only
/// when an image is labelled (baal's `ActiveLearningDataset`, modAL's pool).
///
/// The unlabelled pool is the set of images a strategy may query (`unlabeledIndices`, ascending).
/// Images outside it (say a study's separate initial source) can still be labelled by index, but
/// are never offered as candidates. Every oracle label costs one label (`labelsSpent`);
/// pseudo-labels from auto-labelling cost nothing and are kept apart from oracle labels.
public struct LabelingPool: Sendable {
    private enum Status: UInt8, Sendable { case unlabeled, outsidePool, labeled, pseudoLabeled }

    /// The data set with its true labels: only `label(_:)` and the initial selections read them.
    private let oracle: LabeledImages
    private var status: [Status]

    /// Data set indices labelled by the oracle, in the order they were labelled.
    public private(set) var labeledIndices: [Int] = []
    /// The images not yet labelled that strategies may query, in ascending index order.
    public private(set) var unlabeledIndices: [Int]
    /// Labels guessed by a model, in the order they were added.
    public private(set) var pseudoLabels: [PseudoLabel] = []

    /// A pool over all of `oracle`'s images, none labelled.
    public init(oracle: LabeledImages) {
        self.init(oracle: oracle, unlabeled: 0..<oracle.count)
    }

    /// A pool over `oracle` whose queryable images are `unlabeled` (each in range); the rest can
    /// be labelled by index but are never candidates.
    public init(oracle: LabeledImages, unlabeled: some Sequence<Int>) {
        var status = [Status](repeating: .outsidePool, count: oracle.count)
        for index in unlabeled {
            precondition(index >= 0 && index < oracle.count, "pool index \(index) outside 0..<\(oracle.count)")
            status[index] = .unlabeled
        }
        self.oracle = oracle
        self.status = status
        unlabeledIndices = status.indices.filter { status[$0] == .unlabeled }
    }

    /// The number of images in the data set.
    public var count: Int { oracle.count }
    /// The images `[N, H, W, C]`: all visible, labelled or not.
    public var images: Tensor { oracle.images }
    /// The human name of each class.
    public var classNames: [String] { oracle.classNames }
    /// Oracle labels spent so far (one per labelled image).
    public var labelsSpent: Int { labeledIndices.count }

    /// The oracle-labelled images with their labels, in labelling order.
    public var labeledSet: LabeledImages { oracle.subset(labeledIndices) }

    /// What a model trains on: the oracle-labelled images, then the pseudo-labelled ones with
    /// their guessed labels.
    public var trainingSet: LabeledImages {
        guard !pseudoLabels.isEmpty else { return labeledSet }
        let guessed = LabeledImages(
            images: oracle.images.gathering(rows: pseudoLabels.map(\.index)),
            labels: pseudoLabels.map(\.label), classNames: classNames)
        return labeledSet.appending(guessed)
    }

    /// The unlabelled images `[U, H, W, C]`, in the order of `unlabeledIndices`.
    public var unlabeledImages: Tensor { oracle.images.gathering(rows: unlabeledIndices) }

    /// How many pseudo-labels disagree with the oracle: a diagnostic for reports (it reads the
    /// hidden labels, so no strategy should use it).
    public var pseudoLabelErrors: Int {
        pseudoLabels.reduce(0) { $0 + (oracle.labels[$1.index] == $1.label ? 0 : 1) }
    }

    /// What a checkpoint needs to rebuild this pool over the same data.
    public var state: LabelingPoolState {
        LabelingPoolState(labeledIndices: labeledIndices, pseudoLabels: pseudoLabels)
    }

    /// Asks the oracle for the labels of `indices` (data set indices), moves them into the
    /// labelled set and returns their labels in the same order. Nothing changes if it throws:
    /// an index out of range, already labelled (or pseudo-labelled), or repeated in `indices`.
    @discardableResult
    public mutating func label(_ indices: [Int]) throws(LabelingError) -> [Int] {
        var seen = Set<Int>()
        for index in indices {
            guard index >= 0 && index < count else { throw .outOfRange(index: index, count: count) }
            guard status[index] == .unlabeled || status[index] == .outsidePool else {
                throw .alreadyLabeled(index: index)
            }
            guard seen.insert(index).inserted else { throw .duplicate(index: index) }
        }
        for index in indices { status[index] = .labeled }
        labeledIndices += indices
        unlabeledIndices.removeAll { status[$0] != .unlabeled }
        return indices.map { oracle.labels[$0] }
    }

    /// Labels `count` pool images drawn at random (all of them if the pool holds fewer) and
    /// returns their indices in the order drawn.
    @discardableResult
    public mutating func labelRandomly(_ count: Int, using generator: inout SeededGenerator) -> [Int] {
        let chosen = drawWithoutReplacement(unlabeledIndices, count: count, using: &generator)
        do { try label(chosen) } catch { preconditionFailure("random draw from the pool was refused: \(error)") }
        return chosen
    }

    /// Labels `perClass` images of every class, drawn at random among `candidates` (default: the
    /// unlabelled pool; candidates already labelled are skipped), and returns their indices,
    /// class 0's first. The selection reads the oracle's labels, as a stratified initial set
    /// does. Throws `notEnoughInClass` (labelling nothing) if a class has too few candidates.
    @discardableResult
    public mutating func labelStratified(
        perClass: Int, from candidates: [Int]? = nil, using generator: inout SeededGenerator
    ) throws(LabelingError) -> [Int] {
        precondition(perClass >= 0, "cannot label \(perClass) images per class")
        var byClass = Array(repeating: [Int](), count: oracle.classCount)
        for index in Set(candidates ?? unlabeledIndices).sorted() {
            guard index >= 0 && index < count else { throw .outOfRange(index: index, count: count) }
            if status[index] == .unlabeled || status[index] == .outsidePool {
                byClass[oracle.labels[index]].append(index)
            }
        }
        var chosen: [Int] = []
        for (label, members) in byClass.enumerated() {
            guard members.count >= perClass else {
                throw .notEnoughInClass(label: label, requested: perClass, available: members.count)
            }
            chosen += drawWithoutReplacement(members, count: perClass, using: &generator)
        }
        try label(chosen)
        return chosen
    }

    /// Adds labels guessed by a model for unlabelled images. They cost no label, leave the
    /// unlabelled pool and join `trainingSet`. Nothing changes if it throws: an index out of
    /// range, already labelled or repeated, or a class the data set does not have.
    public mutating func addPseudoLabels(_ guesses: [PseudoLabel]) throws(LabelingError) {
        var seen = Set<Int>()
        for guess in guesses {
            guard guess.index >= 0 && guess.index < count else {
                throw .outOfRange(index: guess.index, count: count)
            }
            guard status[guess.index] == .unlabeled || status[guess.index] == .outsidePool else {
                throw .alreadyLabeled(index: guess.index)
            }
            guard seen.insert(guess.index).inserted else { throw .duplicate(index: guess.index) }
            guard guess.label >= 0 && guess.label < oracle.classCount else {
                throw .labelOutOfRange(index: guess.index, label: guess.label, classes: oracle.classCount)
            }
        }
        for guess in guesses { status[guess.index] = .pseudoLabeled }
        pseudoLabels += guesses
        unlabeledIndices.removeAll { status[$0] != .unlabeled }
    }

    /// Applies a checkpoint's labels and pseudo-labels to this pool, which must have none yet
    /// (build it over the same data and candidates as the run that saved `state`). Throws if the
    /// state names images this data set cannot take.
    public mutating func restore(_ state: LabelingPoolState) throws(LabelingError) {
        precondition(
            labeledIndices.isEmpty && pseudoLabels.isEmpty,
            "restore into a fresh pool; this one has \(labelsSpent) labels and \(pseudoLabels.count) pseudo-labels")
        var restored = self
        try restored.label(state.labeledIndices)
        try restored.addPseudoLabels(state.pseudoLabels)
        self = restored
    }

    /// `count` unlabelled indices drawn at random (all if fewer remain), in ascending order: the
    /// candidates a strategy scores when the whole pool is too costly (the MNISTBayesianDropout study scores 2 000).
    public func randomUnlabeledSubset(_ count: Int, using generator: inout SeededGenerator) -> [Int] {
        drawWithoutReplacement(unlabeledIndices, count: count, using: &generator).sorted()
    }
}

/// The part of a `LabelingPool` that changes, for checkpoints: who is labelled, in what order.
public struct LabelingPoolState: Codable, Equatable, Sendable {
    /// Oracle-labelled indices in labelling order.
    public var labeledIndices: [Int]
    /// Pseudo-labels in the order added.
    public var pseudoLabels: [PseudoLabel]

    public init(labeledIndices: [Int] = [], pseudoLabels: [PseudoLabel] = []) {
        self.labeledIndices = labeledIndices
        self.pseudoLabels = pseudoLabels
    }
}
