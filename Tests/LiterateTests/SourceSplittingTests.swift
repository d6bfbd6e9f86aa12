// The notebook's source split into title, prose, code and cells, including the cases that trip
// a naive splitter: `//:` inside strings, braces inside strings and comments, raw strings.
import Testing

@testable import Literate

@Suite struct SourceSplittingTests {
    @Test func firstMarkdownBlockIsTitleAndIntroduction() {
        let source = NotebookSource(
            """
            //: # Margin sampling
            //: Why this study exists.
            import Literate
            let notebook = Notebook()
            //: ## Load
            let data = try notebook.cell("Load") { 1 }
            """)
        #expect(source.title == "Margin sampling")
        #expect(source.introduction == "Why this study exists.")
        #expect(source.sections.map(\.prose) == ["", "## Load"])
        #expect(source.sections[0].code == "import Literate\nlet notebook = Notebook()")
        #expect(source.sections[0].cell == nil)
        #expect(source.cells.map(\.writtenTitle) == ["Load"])
    }

    @Test func aTitleBlockRunningIntoTheFirstSectionIsCutAtItsHeading() {
        let source = NotebookSource(
            """
            //: # Title
            //: Intro.
            //:
            //: ## Load
            //: Why.
            try notebook.cell("Load") {}
            """)
        #expect(source.title == "Title")
        #expect(source.introduction == "Intro.")
        #expect(source.sections.map(\.prose) == ["## Load\nWhy."])
    }

    @Test func markdownBlocksSeparatedByBlankLinesAreOneBlockOfParagraphs() {
        let source = NotebookSource(
            """
            //: # T
            //: ## First
            //: one

            //: two
            //:
            //: three
            try notebook.cell("A") {}
            """)
        #expect(source.sections.map(\.prose) == ["## First\none\n\ntwo\n\nthree"])
    }

    @Test func markdownBlocksSeparatedByCodeOpenTwoSections() {
        let source = NotebookSource(
            """
            //: # T
            //: ## First
            let a = 1
            //: ## Second
            try notebook.cell("B") {}
            """)
        #expect(source.sections.map(\.prose) == ["## First", "## Second"])
        #expect(source.sections.map(\.code) == ["let a = 1", #"try notebook.cell("B") {}"#])
        #expect(source.sections.map(\.lines) == [3...3, 5...5])
    }

    @Test func markdownMarkersInsideStringsAndCommentsAreCode() {
        let source = NotebookSource(
            #"""
            //: # T
            let text = """
            //: not prose, part of a string
            """
            let inline = "//: not prose either"
            /*
            //: nor this, in a block comment
            */
            try notebook.cell("A") {
                //: a comment inside the cell
            }
            """#)
        #expect(source.title == "T")
        #expect(source.introduction == "")
        #expect(source.sections.count == 1)
        #expect(source.sections[0].prose == "")
        #expect(source.sections[0].code.contains("//: not prose, part of a string"))
        #expect(source.sections[0].code.contains("//: nor this, in a block comment"))
        #expect(source.cells[0].code.contains("//: a comment inside the cell"))
    }

    @Test func cellClosureEndsAtItsOwnBraceWhateverTheStringsAndCommentsHold() {
        let text = #####"""
            //: # T
            let first = try notebook.cell("Braces everywhere", cached: true) {
                print("}")                       // a } in a string
                // }}} in a comment
                /* { nested /* } */ { */
                let raw = #"a "quoted" } and \(not interpolated)"#
                let multi = """
                    }
                    \(["}"].joined()) "
                    """
                let interpolated = "\(raw.map { "\($0)}" }.count)"
                return raw + multi + interpolated
            }
            print(first)
            //: ## Next
            try notebook.cell("Next") { print("{") }
            """#####
        let source = NotebookSource(text)
        #expect(source.cells.map(\.writtenTitle) == ["Braces everywhere", "Next"])
        #expect(source.cells[0].lines == 2...13)
        #expect(source.cells[1].lines == 16...16)
        #expect(source.sections[0].code.hasSuffix("}\n\nprint(first)"))
        #expect(source.section(containing: 14) == 0)
        #expect(source.section(containing: 16) == 1)
    }

    @Test func cellsWithoutProseBetweenThemOpenTheirOwnSections() {
        let source = NotebookSource(
            """
            //: # T
            //: ## Both
            try notebook.cell("A") {}
            try notebook.show(table)
            try notebook.cell("B") {}
            """)
        #expect(source.sections.map(\.prose) == ["## Both", ""])
        #expect(source.sections[0].code == "try notebook.cell(\"A\") {}\n\ntry notebook.show(table)")
        #expect(source.section(ofCell: 1) == 1)
    }

    @Test func codeThroughCellHoldsAllCodeAboveButNoProse() {
        let source = NotebookSource(
            """
            //: # T
            let rounds = 3   \("")
            //: ## A

            try notebook.cell("A") { rounds }
            """)
        #expect(source.cells[0].codeThroughCell == "let rounds = 3\ntry notebook.cell(\"A\") { rounds }")
    }

    @Test(arguments: [
        (#""Load the data""#, "Load the data", ["Load the data"]),
        (#""Trial \(k) of \(n)""#, "Trial \\(k) of \\(n)", ["Trial ", " of ", ""]),
        (#""Say \"hi\"""#, #"Say \"hi\""#, [#"Say "hi""#]),
        (##"#"Raw \(x) \#(k)"#"##, ##"Raw \(x) \#(k)"##, [#"Raw \(x) "#, ""]),
    ])
    func titleLiteralsAreReadWithTheirInterpolations(literal: String, written: String, pieces: [String]) {
        let cell = NotebookSource("try notebook.cell(\(literal)) {}").cells.first
        #expect(cell?.writtenTitle == written)
        #expect(cell?.titlePieces == pieces)
    }

    @Test(arguments: [
        ("Trial 3 of 5", true), ("Trial  of ", true), ("Trial 3 from 5", false), ("Trials 3 of 5", false),
    ])
    func interpolatedTitlesMatchTheTitlesTheyProduce(title: String, matches: Bool) {
        let cell = NotebookSource(#"try notebook.cell("Trial \(k) of \(n)") {}"#).cells[0]
        #expect(cell.matches(title) == matches)
    }

    @Test func runTimeCellsFindTheirSourceCellsInOrderAndInLoops() {
        let cells = NotebookSource(
            """
            try notebook.cell("Same") {}
            try notebook.cell("Same") {}
            for k in 0..<3 { try notebook.cell("Trial \\(k)") {} }
            """
        ).cells
        #expect(Notebook.match("Same", in: cells, after: nil) == 0)
        #expect(Notebook.match("Same", in: cells, after: 0) == 1)
        #expect(Notebook.match("Trial 0", in: cells, after: 1) == 2)
        #expect(Notebook.match("Trial 1", in: cells, after: 2) == 2)
        #expect(Notebook.match("Unknown", in: cells, after: 2) == nil)
    }

    @Test func lexicalMapClassifiesEveryByte() {
        typealias K = SwiftLexicalMap.Kind
        let cases: [(String, [K])] = [
            (#"a"b"c"#, [.code, .string, .string, .string, .code]),
            ("a//b\nc", [.code, .lineComment, .lineComment, .lineComment, .code, .code]),
            ("/*/**/*/x", [K](repeating: .blockComment, count: 8) + [.code]),
            (#""\(f())""#, [.string, .string, .string, .code, .code, .code, .string, .string]),
            (##"#"\"#x"##, [.string, .string, .string, .string, .string, .code]),
        ]
        for (text, kinds) in cases {
            #expect(SwiftLexicalMap(text).kinds == kinds, "\(text)")
        }
    }
}
