// The host the studies run with: seeded streams by name, and every data file a loader reads
// recorded against the running cell, so that a changed file reruns the cells that read it.
import Foundation
import Testing

@testable import Literate
@testable import StudyKit

@MainActor @Suite struct StudyHostTests {
    @Test func streamsAreNamedAndDerivedFromTheSeed() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("studyhost-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let status = Notebook.run(source: "", study: "Demo", arguments: ["--output", folder.path, "--seed", "7"]) {
            notebook in
            var a = notebook.generator("weights")
            var b = notebook.generator("weights")
            var c = notebook.generator("noise")
            #expect(a.next() == b.next())
            #expect(a.next() != c.next())
            var seven = SeededGenerator(seed: 7).split("weights")
            var again = notebook.generator("weights")
            #expect(seven.next() == again.next())
        }
        #expect(status == 0)
    }

    @Test func theLibraryFingerprintCoversTheLibrariesButNotTestsOrDocs() {
        let files = LibraryFingerprint.linked.files.keys
        #expect(files.contains("Sources/Learning/Layers/Dense.swift"))
        #expect(files.contains("Sources/CConvolution/include/CConvolution.h"))
        #expect(files.contains("Sources/StudyKit/StudyHost.swift"))
        #expect(!files.contains { $0.hasPrefix("Tests/") || $0.hasPrefix("Notebooks/") || $0.hasSuffix(".md") })
    }

    @Test func aCellThatLoadsDataRecordsTheFilesItRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("studyhost-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let labels = folder.appendingPathComponent("labels-idx1-ubyte")
        try Data([0, 0, 8, 1, 0, 0, 0, 2, 3, 1]).write(to: labels)
        var read: Set<DataFileIdentity> = []
        let status = Notebook.run(
            source: #"try notebook.cell("Load") { }"#, study: "Demo", arguments: ["--output", folder.path],
            host: .studies
        ) { notebook in
            try notebook.cell("Load") { _ = try IDX.readLabels(labels.path, classes: 10, howToFix: "") }
            // the observer hears every read of the process: tests running beside this one read MNIST
            let mine = folder.resolvingSymlinksInPath().path
            read = notebook.records[0].dataFiles.filter { $0.path.hasPrefix(mine + "/") }
        }
        #expect(status == 0)
        #expect(read.map(\.path) == [labels.resolvingSymlinksInPath().path])
        #expect(read.first?.size == 10)
    }
}
