// Each profile keeps its own report: a quick run never replaces the paper run of the same study,
// and the index lists every profile's last run, the original protocol first.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct ProfileReportsTests {
    static let source = """
        //: # Profiles
        //: ## Result
        try notebook.cell("Result") { notebook.headline("the \\(notebook.profile.rawValue) result") }
        """

    static func run(_ folder: ScratchFolder, _ profile: String) -> Int32 {
        folder.run(Self.source, ["--profile", profile]) { notebook in
            try notebook.cell("Result") { notebook.headline("the \(notebook.profile.rawValue) result") }
        }
    }

    @Test func aQuickRunAfterAPaperRunLeavesBothAndTheIndexListsBothPaperFirst() throws {
        let folder = ScratchFolder()
        #expect(Self.run(folder, "paper") == 0)
        #expect(Self.run(folder, "quick") == 0)
        #expect(folder.read("Demo/paper/index.html").contains("the paper result"))
        #expect(folder.read("Demo/quick/index.html").contains("the quick result"))
        #expect(folder.read("Demo/index.html").isEmpty, "the standard profile has not run")
        let index = folder.read("index.html")
        let paper = try #require(index.range(of: "Demo/paper/index.html"))
        let quick = try #require(index.range(of: "Demo/quick/index.html"))
        #expect(paper.lowerBound < quick.lowerBound)
        #expect(Self.run(folder, "standard") == 0)
        let all = folder.read("index.html")
        #expect(all.contains("the paper result") && all.contains("the standard result") && all.contains("the quick result"))
        #expect(folder.read("Demo/quick/index.html").contains("href=\"../../assets/"))
    }
}
