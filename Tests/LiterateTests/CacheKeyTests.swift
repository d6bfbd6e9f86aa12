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
    static func keys(
        _ source: String, _ parameters: RunParameters = RunParameters(), library: LibraryFingerprint? = nil
    ) -> [String] {
        let cells = NotebookSource(source).cells
        return cells.indices.map { index in
            CellIngredients.of(
                cell: index, in: cells, title: cells[index].writtenTitle, occurrence: 0, valueType: "Int",
                parameters: parameters, library: library
            ).key
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

    @Test func aLibraryFileChangesEveryKeyAndIsNamed() {
        let before = LibraryFingerprint(files: ["Sources/A.swift": "1", "Sources/B.c": "2"])
        var after = before
        after.files["Sources/B.c"] = "3"
        #expect(zip(Self.keys(Self.original, library: before), Self.keys(Self.original, library: after)).allSatisfy { $0 != $1 })
        #expect(Self.keys(Self.original, library: before) == Self.keys(Self.original, library: before))
        after.files["Sources/C.swift"] = "4"
        after.files["Sources/A.swift"] = nil
        #expect(after.changedFiles(since: before) == ["Sources/A.swift", "Sources/B.c", "Sources/C.swift"])
    }

    /// The reasons the last cell of `source` gives for not replaying the original's result.
    static func reasons(_ source: String, _ parameters: RunParameters = RunParameters()) -> [RerunReason] {
        func last(_ text: String, _ parameters: RunParameters) -> CellIngredients {
            let cells = NotebookSource(text).cells
            return CellIngredients.of(
                cell: cells.count - 1, in: cells, title: cells[cells.count - 1].writtenTitle, occurrence: 0,
                valueType: "Int", parameters: parameters, library: nil)
        }
        return last(source, parameters).differences(from: last(Self.original, RunParameters()))
    }

    @Test(arguments: [
        ("{ b + 1 }", [RerunReason.ownCodeChanged]),
        ("{ a * scale }", [.codeAboveChanged(cell: "Two")]),
        ("let scale = 2", [.codeAboveChanged(cell: "Two")]),
        ("{ 1 }", [.codeAboveChanged(cell: "One")]),
        ("//: Intro.", []),
    ])
    func aChangedCellNamesWhatChanged(edited: String, expected: [RerunReason]) {
        let source = Self.original.replacingOccurrences(
            of: edited, with: edited.hasPrefix("//:") ? edited + " More prose." : edited + " // edited")
        #expect(Self.reasons(source) == expected)
    }

    @Test func changedParametersAreNamedAsFlags() {
        #expect(
            Self.reasons(Self.original, RunParameters(profile: .quick, seed: 7))
                == [.parametersChanged(["--profile standard → quick", "--seed 42 → 7"])])
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
