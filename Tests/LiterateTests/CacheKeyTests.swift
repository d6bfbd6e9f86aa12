// Cache keys change exactly when a cell's result may change: its code, the code above it, the
// run's parameters; and never for prose. SHA-256 checked against the FIPS 180-4 examples.
import Testing

@testable import Literate

@Suite struct CacheKeyTests {
    static let original = """
        //: # Study
        //: Intro.
        let notebook = Notebook()
        //: ## One
        let a = try notebook.cell("One", cached: true) { 1 }
        let scale = 2
        //: ## Two
        let b = try notebook.cell("Two", cached: true) { a * scale }
        //: ## Three
        let c = try notebook.cell("Three", cached: true) { b + 1 }
        """

    /// The keys of the three cells of `source` under `parameters`.
    static func keys(_ source: String, _ parameters: RunParameters = RunParameters()) -> [String] {
        NotebookSource(source).cells.map { cell in
            CacheKey.make(
                codeThroughCell: cell.codeThroughCell, title: cell.writtenTitle, occurrence: 0, valueType: "Int",
                parameters: parameters)
        }
    }

    /// Which of the three keys differ from the original's after `edit`.
    static func changed(_ source: String, _ parameters: RunParameters = RunParameters()) -> [Bool] {
        zip(keys(original), keys(source, parameters)).map { $0 != $1 }
    }

    @Test(arguments: [
        ("//: Intro.", "//: A different introduction, $x^2$ and all."),
        ("//: ## Two", "//: ## Two, renamed\n//: with a new paragraph\n\n//: and another"),
        ("//: ## Three", "//: ## Three\n\n\n"),
    ])
    func proseEditsChangeNoKey(from: String, to: String) {
        #expect(Self.changed(Self.original.replacingOccurrences(of: from, with: to)) == [false, false, false])
    }

    @Test(arguments: [
        ("{ 1 }", [true, true, true]),  // cell One's code
        ("let scale = 2", [false, true, true]),  // code between One and Two
        ("{ a * scale }", [false, true, true]),  // cell Two's code
        ("{ b + 1 }", [false, false, true]),  // the last cell's code
        ("let notebook = Notebook()", [true, true, true]),  // code above every cell
    ])
    func codeEditsChangeTheKeysOfThatCellAndTheCellsBelow(edited: String, expected: [Bool]) {
        let source = Self.original.replacingOccurrences(of: edited, with: edited + " // edited")
        #expect(Self.changed(source) == expected)
    }

    @Test(arguments: [
        RunParameters(profile: .quick), RunParameters(seed: 7), RunParameters(trials: 3),
        RunParameters(dataFolder: "/data/elsewhere"),
    ])
    func everyParameterChangesEveryKey(parameters: RunParameters) {
        #expect(Self.changed(Self.original, parameters) == [true, true, true])
    }

    @Test func theSameSourceAndParametersGiveTheSameKeys() {
        #expect(Self.changed(Self.original, RunParameters()) == [false, false, false])
        #expect(Self.keys(Self.original).allSatisfy { $0.count == 64 })
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesTheStandardsExamples(message: String, digest: String) {
        #expect(SHA256.hex(message) == digest)
    }
}
