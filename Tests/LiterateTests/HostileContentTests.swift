// Whatever a run produces reaches the report as text: printed output, cell titles, table cells,
// figure titles, headlines and errors are escaped wherever they land, and no title or study
// name can place a file outside the output folder. (Markdown in `//:` lines is the author's own
// and may hold HTML.)
import Foundation
import Testing

@testable import Literate

/// Markup, quotes and an ampersand: what must come out as text.
private let payload = "<script>alert('x')</script>\"'&"

@MainActor @Suite struct HostileContentTests {

    @Test func everythingARunProducesIsEscapedEverywhereItLands() {
        let folder = ScratchFolder()
        let title = "../../\(payload)"
        let status = folder.run("//: # Hostile\n//: <b>the author's own HTML</b>\n") { notebook in
            try notebook.cell(title) {
                print(payload)
                FileHandle.standardError.write(Data(payload.utf8))
                try notebook.show(DotFigure(title: payload))
                try notebook.show(
                    ResultsTable(
                        payload, columns: [payload, "n"], rows: [[payload, payload]],
                        notes: [payload]))
                notebook.headline(payload)
            }
            try notebook.cell(payload) { throw Hostile() }
        }
        #expect(status == 1)
        for page in [folder.report, folder.read("index.html")] {
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("'x'"))
        }
        #expect(folder.report.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&#39;&amp;"))
        #expect(folder.report.contains("<b>the author's own HTML</b>"))
        #expect(folder.list("Demo/figures") == ["script-alert-x-script-1.png"])
        #expect(Set(folder.list("")).isSubset(of: ["Demo", "assets", "index.html"]))
    }

    @Test(arguments: [
        ("../../escaped", "-..-escaped"), ("a/b", "a-b"), ("..", "Study"), ("javascript:alert(1)", "javascript-alert-1-"),
        (".hidden", "hidden"), ("Étude 1", "-tude-1"), ("", "Study"), ("Tour", "Tour"),
    ])
    func aStudyNameBecomesAFolderInsideTheOutputFolder(name: String, folderName: String) {
        #expect(NotebookSetup.safeName(name) == folderName)
        let folder = ScratchFolder()
        #expect(Notebook.run(source: "", study: name, arguments: ["--output", folder.url.path]) { _ in } == 0)
        #expect(folder.list("").contains(folderName))
        #expect(!folder.read("\(folderName)/index.html").isEmpty)
    }

    /// Marks that join a quote or bracket into one Swift Character, which the browser still
    /// reads as a bare quote or bracket. The first is the notebook-source fuzzer's find
    /// (crash-6d7f16ce…: U+06DD, a prepended mark, before `<`).
    @Test(arguments: [
        ("\u{6DD}<script>", "\u{6DD}&lt;script&gt;"),
        ("<\u{338}b>", "&lt;\u{338}b&gt;"),
        ("x\"\u{301} onerror=alert(1) y=\"", "x&quot;\u{301} onerror=alert(1) y=&quot;"),
        ("'\u{200D}&\u{301}", "&#39;\u{200D}&amp;\u{301}"),
    ])
    func quotesAndBracketsInsideCombinedCharactersAreEscaped(text: String, escaped: String) {
        #expect(HTML.escape(text).unicodeScalars.elementsEqual(escaped.unicodeScalars))
        #expect(!HTML.escape(text).unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) })
    }

    struct Hostile: Error, CustomStringConvertible {
        var description: String { payload }
    }
}
