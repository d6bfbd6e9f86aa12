// The loaders tell DataReads' observers every data file they read, once per read, and nothing
// for a file they could not read: what the notebook runtime needs to key a cell's cache on the
// data the cell read.
import Foundation
import Testing

@testable import Learning

/// The paths reported for files under one folder (other tests read files at the same time).
private final class ReadLog: @unchecked Sendable {
    private let folder: String
    private let lock = NSLock()
    private var recorded: [String] = []

    init(folder: String) {
        self.folder = folder
    }

    /// Starts recording.
    func observe() -> DataReads.Observation {
        DataReads.observe { [self] path in
            guard path.hasPrefix(folder + "/") else { return }
            lock.withLock { recorded.append(path) }
        }
    }

    /// What was recorded so far.
    var paths: [String] { lock.withLock { recorded } }

    /// The reads under `folder` while `body` runs.
    static func reads(under folder: String, during body: () throws -> Void) rethrows -> [String] {
        let log = ReadLog(folder: folder)
        let observation = log.observe()
        defer { DataReads.stopObserving(observation) }
        try body()
        return log.paths
    }
}

/// The bytes of an IDX labels file holding `labels`.
private func idxLabels(_ labels: [UInt8]) -> Data {
    let count = UInt32(labels.count)
    return Data([0, 0, 8, 1] + (0..<4).map { UInt8(truncatingIfNeeded: count >> (24 - 8 * $0)) } + labels)
}

/// A new empty folder.
private func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("DataReadsTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

struct DataReadsTests {
    @Test("Each file read is reported once, every time it is read; a missing file and a stopped observer hear nothing")
    func oncePerRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let images = Data([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 64, 128, 255])  // one 2×2 image
        try images.write(to: URL(fileURLWithPath: folder + "/images"))
        try idxLabels([1]).write(to: URL(fileURLWithPath: folder + "/labels"))
        let both = try ReadLog.reads(under: folder) {
            _ = try IDX.readLabeledImages(
                images: folder + "/images", labels: folder + "/labels", classNames: ["a", "b"], howToFix: "")
        }
        #expect(both == [folder + "/images", folder + "/labels"])
        let twice = try ReadLog.reads(under: folder) {
            for _ in 0..<2 { _ = try IDX.readLabels(folder + "/labels", classes: 2, howToFix: "") }
        }
        #expect(twice == [folder + "/labels", folder + "/labels"])

        let missing = ReadLog.reads(under: folder) { _ = try? IDX.readLabels(folder + "/none", classes: 2, howToFix: "") }
        #expect(missing.isEmpty)

        let stopped = ReadLog(folder: folder)
        DataReads.stopObserving(stopped.observe())
        _ = try IDX.readLabels(folder + "/labels", classes: 2, howToFix: "")
        #expect(stopped.paths.isEmpty)
    }
}
