import Testing

@testable import Learning

@Suite("Confidence-ordered auto-labelling")
struct AutoLabelingTests {
    // rows for images 10…13: top probabilities 0.6, 0.9, 0.9, 0.5
    let probabilities = Tensor(shape: [4, 2], scalars: [0.6, 0.4, 0.1, 0.9, 0.9, 0.1, 0.5, 0.5])
    let indices = [10, 11, 12, 13]

    @Test("The k most confident rows with their predicted labels, ties to the lower row")
    func mostConfident() {
        let guesses = AutoLabeling.mostConfident(probabilities, of: indices, count: 3)
        #expect(guesses.map(\.index) == [11, 12, 10])
        #expect(guesses.map(\.label) == [1, 0, 0])
        #expect(guesses.map(\.confidence) == [0.9, 0.9, 0.6])
        #expect(AutoLabeling.mostConfident(probabilities, of: indices, count: 9).count == 4)
    }

    @Test("The naive variant labels every row in order; an even split predicts the lower class")
    func all() {
        let guesses = AutoLabeling.all(probabilities, of: indices)
        #expect(guesses.map(\.index) == indices)
        #expect(guesses.map(\.label) == [0, 1, 0, 0])
    }
}
