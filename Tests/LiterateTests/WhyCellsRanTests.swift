// A cached result is replayed only while everything it was computed from is unchanged: the
// notebook's code, the parameters, the linked library's sources and the data files the cells
// read. A cell that runs instead says why, on the terminal and in the report.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct WhyCellsRanTests {
    static let source = """
        //: # Why
        //: ## Load
        let rows = try notebook.cell("Load", cached: true) { 3 }
        //: ## Fit
        let fit = try notebook.cell("Fit", cached: true) { rows * 2 }
        """

    /// Runs the two cells, "Load" reading `dataFile` when given; returns which bodies ran and
    /// each record's reasons.
    static func run(
        _ folder: ScratchFolder, source: String = source, library: LibraryFingerprint? = nil, dataFile: URL? = nil
    ) -> (ran: [String], why: [String: [RerunReason]]) {
        var ran: [String] = []
        var why: [String: [RerunReason]] = [:]
        let status = folder.run(source, host: NotebookHost(library: library)) { notebook in
            let rows = try notebook.cell("Load", cached: true) { () -> Int in
                ran.append("Load")
                if let dataFile {
                    notebook.dependsOn(dataFile: dataFile.path)
                    return try Data(contentsOf: dataFile).count
                }
                return 3
            }
            _ = try notebook.cell("Fit", cached: true) { () -> Int in
                ran.append("Fit")
                return rows * 2
            }
            for record in notebook.records { why[record.title] = record.whyRan }
        }
        #expect(status == 0)
        return (ran, why)
    }

    @Test func theFirstRunSaysSoAndTheSecondReplays() {
        let folder = ScratchFolder()
        let first = Self.run(folder)
        #expect(first.why["Load"] == [.firstRun])
        #expect(folder.report.contains("ran: first run"))
        #expect(Self.run(folder).ran == [])
    }

    @Test func anEditedLibraryFileRerunsTheCellsAndIsNamed() {
        let folder = ScratchFolder()
        let before = LibraryFingerprint(files: ["Sources/Learning/Layers/Dense.swift": "aa", "Sources/Figures/Color.swift": "bb"])
        #expect(Self.run(folder, library: before).ran == ["Load", "Fit"])
        #expect(Self.run(folder, library: before).ran == [])
        var after = before
        after.files["Sources/Learning/Layers/Dense.swift"] = "ab"
        let rerun = Self.run(folder, library: after)
        #expect(rerun.ran == ["Load", "Fit"])
        #expect(rerun.why["Fit"] == [.libraryChanged(files: ["Sources/Learning/Layers/Dense.swift"])])
        #expect(folder.report.contains("ran: library changed: Sources/Learning/Layers/Dense.swift"))
    }

    @Test func aProseOnlyEditReplaysEveryCell() {
        let folder = ScratchFolder()
        let library = LibraryFingerprint(files: ["Sources/Learning/Tensor/Tensor.swift": "01"])
        _ = Self.run(folder, library: library)
        let edited = Self.source.replacingOccurrences(of: "//: ## Fit", with: "//: ## Fit the model\n//: With $x^2$ prose.")
        #expect(Self.run(folder, source: edited, library: library).ran == [])
    }

    @Test func anEditedCellNamesItsOwnCodeAndTheCellBelowNamesIt() {
        let folder = ScratchFolder()
        _ = Self.run(folder)
        let edited = Self.source.replacingOccurrences(of: "{ 3 }", with: "{ 3 } // three rows")
        let rerun = Self.run(folder, source: edited)
        #expect(rerun.why["Load"] == [.ownCodeChanged])
        #expect(rerun.why["Fit"] == [.codeAboveChanged(cell: "Load")])
    }

    @Test func aDataFileOfAnotherSizeRerunsTheCellsThatReadItAndThoseAfter() throws {
        let folder = ScratchFolder()
        let data = folder.url.appendingPathComponent("rows.bin")
        try Data([1, 2, 3]).write(to: data)
        #expect(Self.run(folder, dataFile: data).ran == ["Load", "Fit"])
        #expect(Self.run(folder, dataFile: data).ran == [])
        try Data([1, 2, 3, 4]).write(to: data)
        let rerun = Self.run(folder, dataFile: data)
        #expect(rerun.ran == ["Load", "Fit"])
        #expect(rerun.why["Load"] == [.dataChanged(files: [data.standardizedFileURL.path])])
        #expect(rerun.why["Fit"] == [.dataChanged(files: [data.standardizedFileURL.path])])
        #expect(folder.report.contains("ran: data changed: "))
    }

    @Test func freshAndChangedParametersAreGivenAsTheReason() {
        let folder = ScratchFolder()
        _ = Self.run(folder)
        var why: [RerunReason] = []
        _ = folder.run(Self.source, ["--fresh"]) { notebook in
            _ = try notebook.cell("Load", cached: true) { 3 }
            why = notebook.records[0].whyRan
        }
        #expect(why == [.fresh])
        _ = folder.run(Self.source, ["--seed", "7"]) { notebook in
            _ = try notebook.cell("Load", cached: true) { 3 }
            why = notebook.records[0].whyRan
        }
        #expect(why == [.parametersChanged(["--seed 42 → 7"])])
    }
}
