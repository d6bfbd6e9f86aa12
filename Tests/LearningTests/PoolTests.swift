import Foundation
import Testing

@testable import Learning

/// Ten 1-pixel images whose value is their index, labels 0, 1, 2, 0, 1, 2, 0, 1, 2, 0.
private func oracle() -> LabeledImages {
    LabeledImages(
        images: Tensor(shape: [10, 1, 1, 1], scalars: (0..<10).map(Float.init)),
        labels: (0..<10).map { $0 % 3 }, classNames: ["a", "b", "c"])
}

@Suite("Labelling pool")
struct PoolTests {
    @Test("Labelling reveals the oracle's labels and moves the images to the labelled set")
    func labelling() throws {
        var pool = LabelingPool(oracle: oracle())
        #expect(pool.labelsSpent == 0 && pool.unlabeledIndices == Array(0..<10))
        #expect(try pool.label([5, 1]) == [2, 1])
        #expect(pool.labelsSpent == 2)
        #expect(pool.labeledIndices == [5, 1])
        #expect(pool.unlabeledIndices == [0, 2, 3, 4, 6, 7, 8, 9])
        #expect(pool.labeledSet.labels == [2, 1])
        #expect(pool.labeledSet.images.scalars == [5, 1])
        #expect(pool.unlabeledImages.scalars == [0, 2, 3, 4, 6, 7, 8, 9])
    }

    @Test("Labelling an image twice, out of range or twice in one request is refused, changing nothing")
    func refusals() throws {
        var pool = LabelingPool(oracle: oracle())
        try pool.label([3])
        #expect(throws: LabelingError.alreadyLabeled(index: 3)) { try pool.label([4, 3]) }
        #expect(throws: LabelingError.outOfRange(index: 10, count: 10)) { try pool.label([10]) }
        #expect(throws: LabelingError.outOfRange(index: -1, count: 10)) { try pool.label([-1]) }
        #expect(throws: LabelingError.duplicate(index: 6)) { try pool.label([6, 6]) }
        #expect(pool.labeledIndices == [3] && pool.unlabeledIndices.count == 9)
    }

    @Test("A stratified start takes n of every class, seeded")
    func stratified() throws {
        var pool = LabelingPool(oracle: oracle())
        var again = LabelingPool(oracle: oracle())
        var a = SeededGenerator(seed: 2)
        var b = SeededGenerator(seed: 2)
        let chosen = try pool.labelStratified(perClass: 2, using: &a)
        #expect(try again.labelStratified(perClass: 2, using: &b) == chosen)
        #expect(pool.labeledSet.countPerClass == [2, 2, 2])
        #expect(chosen.map { $0 % 3 } == [0, 0, 1, 1, 2, 2])
        var short = LabelingPool(oracle: oracle())
        #expect(throws: LabelingError.notEnoughInClass(label: 1, requested: 4, available: 3)) {
            try short.labelStratified(perClass: 4, using: &a)
        }
        #expect(short.labelsSpent == 0)
    }

    @Test("A random start is seeded and takes all when asked for more than the pool holds")
    func random() {
        var pool = LabelingPool(oracle: oracle())
        var generator = SeededGenerator(seed: 4)
        let chosen = pool.labelRandomly(4, using: &generator)
        #expect(Set(chosen).count == 4 && pool.labelsSpent == 4)
        #expect(pool.labelRandomly(100, using: &generator).count == 6)
        #expect(pool.unlabeledIndices.isEmpty)
    }

    @Test("Images outside the pool are never candidates but can be labelled by index")
    func outsidePool() throws {
        var pool = LabelingPool(oracle: oracle(), unlabeled: 5..<10)
        #expect(pool.unlabeledIndices == [5, 6, 7, 8, 9])
        var generator = SeededGenerator(seed: 1)
        let start = try pool.labelStratified(perClass: 1, from: Array(0..<5), using: &generator)
        #expect(start.allSatisfy { $0 < 5 } && pool.unlabeledIndices == [5, 6, 7, 8, 9])
        let subset = pool.randomUnlabeledSubset(3, using: &generator)
        #expect(subset.count == 3 && subset == subset.sorted() && subset.allSatisfy { $0 >= 5 })
    }

    @Test("Pseudo-labels cost nothing, leave the pool and join the training set after the labelled")
    func pseudoLabels() throws {
        var pool = LabelingPool(oracle: oracle())
        try pool.label([0])
        try pool.addPseudoLabels([
            PseudoLabel(index: 4, label: 1, confidence: 0.9), PseudoLabel(index: 5, label: 0, confidence: 0.8),
        ])
        #expect(pool.labelsSpent == 1 && pool.unlabeledIndices.count == 7)
        #expect(pool.trainingSet.labels == [0, 1, 0] && pool.trainingSet.images.scalars == [0, 4, 5])
        #expect(pool.pseudoLabelErrors == 1)  // image 5 is class 2
        #expect(throws: LabelingError.alreadyLabeled(index: 4)) { try pool.label([4]) }
        #expect(throws: LabelingError.labelOutOfRange(index: 6, label: 3, classes: 3)) {
            try pool.addPseudoLabels([PseudoLabel(index: 6, label: 3, confidence: 1)])
        }
    }

    @Test("A checkpointed state survives JSON and rebuilds the same pool")
    func checkpoint() throws {
        var pool = LabelingPool(oracle: oracle(), unlabeled: 2..<10)
        try pool.label([7, 0, 3])
        try pool.addPseudoLabels([PseudoLabel(index: 9, label: 0, confidence: 0.5)])
        let data = try JSONEncoder().encode(pool.state)
        var restored = LabelingPool(oracle: oracle(), unlabeled: 2..<10)
        try restored.restore(try JSONDecoder().decode(LabelingPoolState.self, from: data))
        #expect(restored.labeledIndices == [7, 0, 3])
        #expect(restored.unlabeledIndices == pool.unlabeledIndices)
        #expect(restored.trainingSet.labels == pool.trainingSet.labels)
    }
}
