// Whole notebooks run in this process: what they print lands escaped in the report, a failing
// cell ends the run with status 1 and marks the rest not run, figures and tables are shown,
// flags are checked. On the main actor, as notebooks run, and so one at a time: a running cell
// owns file descriptors 1 and 2.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct NotebookRunTests {
    static let threeCells = """
        //: # Three cells
        //: The intro.
        //: ## First
        try notebook.cell("First") { print("<script>alert(1)</script>") }
        //: ## Second
        try notebook.cell("Second") { throw Boom() }
        //: ## Third
        try notebook.cell("Third") { print("never") }
        """

    @Test func printedMarkupIsEscapedInTheReport() {
        let folder = ScratchFolder()
        let status = folder.run(Self.threeCells) { notebook in
            try notebook.cell("First") { print("<script>alert(1)</script>") }
        }
        #expect(status == 0)
        #expect(folder.report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!folder.report.contains("<script>alert(1)"))
    }

    @Test func aFailingCellStopsTheRunWithStatusOneAndMarksTheRestNotRun() throws {
        let folder = ScratchFolder()
        var thirdRan = false
        let status = folder.run(Self.threeCells) { notebook in
            try notebook.cell("First") { print("<script>alert(1)</script>") }
            try notebook.cell("Second") { throw Boom() }
            try notebook.cell("Third") { thirdRan = true }
        }
        #expect(status == 1)
        #expect(!thirdRan)
        let report = folder.report
        #expect(report.contains("✗ Failed</b> in <a href=\"#failed-cell\">Second</a>"))
        #expect(report.contains("boom &lt;img src=x onerror=alert(2)&gt;"))
        #expect(
            report.contains(
                "<span class=\"cell-title\">Third</span><span class=\"cell-meta\"><span class=\"badge not-run\">not run</span>"
            ))
        let summary = try CacheCoding.decoder.decode(
            StudySummary.self, from: Data(folder.read("Demo/summary.json").utf8))
        #expect(summary.status == .failed)
        #expect(summary.failedCell == "Second")
        #expect(folder.read("index.html").contains("✗ failed</span> in “Second”"))
    }

    @Test func standardOutputAndErrorAreCaughtAtTheDescriptors() {
        let folder = ScratchFolder()
        let status = folder.run(#"try notebook.cell("Print") {}"#) { notebook in
            try notebook.cell("Print") {
                print("from print")
                FileHandle.standardError.write(Data("to stderr\n".utf8))
                _ = "from write(1)\n".withCString { write(1, $0, strlen($0)) }
                print("done\r1%\r100%")
            }
        }
        #expect(status == 0)
        let report = folder.report
        #expect(report.contains("from print"))
        #expect(report.contains("<pre class=\"output stderr\">to stderr</pre>"))
        #expect(report.contains("from write(1)"))
        #expect(report.contains("100%") && !report.contains("1%\r"))
    }

    @Test func figuresAndTablesAppearWhereTheyWereShown() {
        let folder = ScratchFolder()
        let status = folder.run(#"try notebook.cell("Show <things>") {}"#) { notebook in
            try notebook.cell("Show <things>") {
                print("before")
                try notebook.show(DotFigure())
                var table = ResultsTable.comparison("Accuracy & <more>")
                table.append(["Round <1>", "85.0\u{202F}%", "85.0\u{202F}% ± 7.1\u{202F}%"])
                try notebook.show(table)
                print("after")
            }
        }
        #expect(status == 0)
        #expect(folder.list("Demo/figures") == ["show-things-1.png"])
        let report = folder.report
        let order = ["before", "figures/show-things-1.png", "Accuracy &amp; &lt;more&gt;", "after"].map {
            report.range(of: $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(report.contains("<td>Round &lt;1&gt;</td><td class=\"number\">85.0\u{202F}%</td>"))
        #expect(report.contains("Show &lt;things&gt;"))
    }

    @Test func theProgressBarStaysOutOfTheReportButItsSummaryIsKept() {
        let folder = ScratchFolder()
        let status = folder.run(#"try notebook.cell("Train") {}"#) { notebook in
            try notebook.cell("Train") {
                notebook.progress.begin("Epochs", total: 3)
                for epoch in 1...3 { notebook.progress.update(completed: epoch, detail: "loss 0.\(epoch)") }
                notebook.progress.end(summary: "3 epochs, final loss 0.3")
            }
        }
        #expect(status == 0)
        #expect(folder.report.contains("3 epochs, final loss 0.3"))
        #expect(!folder.report.contains("Epochs 3/3"))
        #expect(!folder.report.contains("▕"))
    }

    @Test(
        arguments: [
            (["--profile", "fast"], 64), (["--seed", "x"], 64), (["--trials", "0"], 64), (["--bogus"], 64),
            (["--data", "/no/such/folder"], 64), (["--help"], 0),
        ] as [([String], Int32)])
    func badFlagsExitWithStatus64(arguments: [String], status: Int32) {
        let folder = ScratchFolder()
        var ran = false
        #expect(folder.run("", arguments) { _ in ran = true } == status)
        #expect(!ran)
    }

    @Test func theFlagsReachTheNotebook() {
        let folder = ScratchFolder()
        let status = folder.run("", ["--profile", "quick", "--seed", "7", "--fresh"]) { notebook in
            #expect(notebook.profile == .quick)
            #expect(notebook.seed == 7)
            #expect(notebook.fresh)
            #expect(notebook.trials(quick: 2, standard: 5, paper: 10) == 2)
        }
        #expect(status == 0)
        #expect(folder.read("Demo/quick/index.html").contains("<dt>Profile</dt><dd>quick</dd>"))
        #expect(folder.read("Demo/quick/index.html").contains("<dt>Trials</dt><dd>2</dd>"))
    }

    @Test func anUnwritableOutputFolderExitsNonZeroAndLeavesTheOldReport() throws {
        let folder = ScratchFolder()
        #expect(folder.run(#"try notebook.cell("A") {}"#) { try $0.cell("A") { print("first run") } } == 0)
        let before = folder.report
        // Tests run as root here, so permissions cannot make the folder unwritable; a folder
        // standing where the runtime's first file must go can.
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("Demo/.write-probe/x"), withIntermediateDirectories: true)
        var ran = false
        #expect(folder.run(#"try notebook.cell("A") {}"#) { _ in ran = true } == 73)
        #expect(!ran)
        #expect(folder.report == before)

        let file = folder.url.appendingPathComponent("a-file")
        try Data().write(to: file)
        #expect(Notebook.run(source: "", study: "Demo", arguments: ["--output", file.path]) { _ in } == 73)
    }

    @Test func aHeadlineReachesTheIndexOfStudies() {
        let folder = ScratchFolder()
        let status = folder.run("") { notebook in
            try notebook.cell("Result") { notebook.headline("90.1 % with <5 600> labels") }
        }
        #expect(status == 0)
        #expect(folder.read("index.html").contains("90.1 % with &lt;5 600&gt; labels"))
        #expect(folder.report.contains("<p class=\"headline\">90.1 % with &lt;5 600&gt; labels</p>"))
    }

    @Test(arguments: [("quick", true), ("standard", false), ("paper", false)])
    func onlyAQuickRunsHeadlineIsMarkedAsASmokeRun(profile: String, marked: Bool) {
        let folder = ScratchFolder()
        let status = folder.run("", ["--profile", profile]) { notebook in
            try notebook.cell("Result") { notebook.headline("11 % with 100 labels") }
        }
        #expect(status == 0)
        #expect(folder.read("index.html").contains(">smoke run</span> 11 % with 100 labels") == marked)
        let report = folder.read(profile == "standard" ? "Demo/index.html" : "Demo/\(profile)/index.html")
        #expect(report.contains(">smoke run</span> 11 % with 100 labels") == marked)
        #expect(report.contains("11 % with 100 labels"))
    }
}
