// A disk that fills up between two runs, on a real file system: a 1 MiB tmpfs mounted for the
// test (which needs root; without it the test is skipped and OutputFailureTests' simulated
// failures remain). The second run must say so and leave the first run's report, figure and
// cache entry byte for byte as they were.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite(.serialized) struct FullDiskTests {
    static let source = #"try notebook.cell("Kept", cached: true) {}"#

    /// Every file under `folder` but the lock, with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
        var files: [String: Data] = [:]
        for path in paths where !path.hasSuffix(StudyLock.fileName) {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
                files[path] = data
            }
        }
        return files
    }

    /// Fills the file system holding `folder` until a write fails, then frees `spare` bytes.
    static func fill(_ folder: URL, leaving spare: Int) throws {
        let filler = folder.appendingPathComponent("filler")
        let descriptor = open(filler.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        let chunk = [UInt8](repeating: 0, count: 4096)
        var size = 0
        while true {
            let written = write(descriptor, chunk, chunk.count)
            if written <= 0 { break }
            size += written
        }
        #expect(errno == ENOSPC)
        try #require(ftruncate(descriptor, off_t(max(0, size - spare))) == 0)
        close(descriptor)
    }

    @Test(
        .enabled(if: getuid() == 0, "mounting a tmpfs needs root"),
        arguments: [
            // full to the last byte: the write probe fails before anything runs
            (0, Int32(73)),
            // two pages free: the probe and the lock fit, the cell runs, its cache entry and the
            // report do not
            (8192, Int32(74)),
            // four pages: the run's first report ("not run yet") fits and replaces the good one,
            // then the cell's figure does not (the cell fails: 1) and neither does its last
            // report; the good one must be put back (LastGoodReport)
            (16384, Int32(1)),
        ])
    func aFullDiskLeavesTheLastGoodReportAndCacheAsTheyWere(spare: Int, status: Int32) throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("full-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mountPoint) }
        guard Self.command("/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path) == 0 else {
            Issue.record("could not mount a tmpfs at \(mountPoint.path) although root")
            return
        }
        defer { _ = Self.command("/bin/umount", mountPoint.path) }
        let arguments = ["--output", mountPoint.path]
        let first = Notebook.run(source: Self.source, study: "Demo", arguments: arguments) { notebook in
            try notebook.cell("Kept", cached: true) {
                print("the first run's output")
                try notebook.show(DotFigure())
            }
        }
        #expect(first == 0)
        let before = Self.snapshot(mountPoint.appendingPathComponent("Demo"))
        #expect(before.keys.contains("index.html") && before.keys.contains { $0.hasPrefix("figures/") })
        #expect(before.keys.contains { $0.hasPrefix(".cache/") })

        try Self.fill(mountPoint, leaving: spare)
        let edited = #"try notebook.cell("Kept", cached: true) { print("edited") }"#  // a new cache key
        let second = Notebook.run(source: edited, study: "Demo", arguments: arguments) { notebook in
            try notebook.cell("Kept", cached: true) {
                print(String(repeating: "more output than the disk holds ", count: 1000))
                try notebook.show(DotFigure())
            }
        }
        #expect(second == status)
        #expect(Self.snapshot(mountPoint.appendingPathComponent("Demo")) == before)
    }

    /// Runs `arguments` and returns its exit status.
    static func command(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
