import Foundation
import Testing

@testable import Learning

/// The identities reported for files under one folder (other tests read files at the same time).
private final class ReadLog: @unchecked Sendable {
    private let folder: String
    private let lock = NSLock()
    private var recorded: [DataFileIdentity] = []

    init(folder: String) {
        self.folder = folder
    }

    /// Starts recording.
    func observe() -> DataReads.Observation {
        DataReads.observe { [self] identity in
            guard identity.path.hasPrefix(folder + "/") else { return }
            lock.lock()
            recorded.append(identity)
            lock.unlock()
        }
    }

    /// What was recorded so far.
    var identities: [DataFileIdentity] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The reads under `folder` while `body` runs.
    static func reads(under folder: String, during body: () throws -> Void) rethrows -> [DataFileIdentity] {
        let log = ReadLog(folder: folder)
        let observation = log.observe()
        defer { DataReads.stopObserving(observation) }
        try body()
        return log.identities
    }
}

/// The bytes of an IDX labels file holding `labels`.
private func idxLabels(_ labels: [UInt8]) -> Data {
    let count = UInt32(labels.count)
    return Data([0, 0, 8, 1] + (0..<4).map { UInt8(truncatingIfNeeded: count >> (24 - 8 * $0)) } + labels)
}

/// A new empty folder, links resolved (as identities name files).
private func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("DataReadsTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.resolvingSymlinksInPath().path
}

struct DataReadsTests {
    @Test("Reading an IDX file reports its path, size and modification time; touching or resizing it changes them")
    func identityFollowsTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/labels-idx1-ubyte"
        try idxLabels([3, 1, 4, 1]).write(to: URL(fileURLWithPath: path))
        let written = try FileManager.default.attributesOfItem(atPath: path)

        let first = try ReadLog.reads(under: folder) { _ = try IDX.readLabels(path, classes: 10, fix: "") }
        #expect(first.count == 1)
        let identity = try #require(first.first)
        #expect(identity.path == path && identity.size == 12)
        let modified = try #require(written[.modificationDate] as? Date).timeIntervalSince1970
        #expect(abs(Double(identity.modificationNanoseconds) / 1e9 - modified) < 1e-3)

        // the same file read again is the same identity
        let again = try ReadLog.reads(under: folder) { _ = try IDX.readLabels(path, classes: 10, fix: "") }
        #expect(again == [identity])

        // touched: same path and size, another time (2001-09-09 01:46:40 UTC, exactly)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: path)
        let touched = try ReadLog.reads(under: folder) { _ = try IDX.readLabels(path, classes: 10, fix: "") }
        #expect(touched == [DataFileIdentity(path: path, size: 12, modificationNanoseconds: 1_000_000_000_000_000_000)])

        // rewritten with another size, then given the same time back: the size alone tells
        try idxLabels([3, 1, 4, 1, 5]).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: path)
        let resized = try ReadLog.reads(under: folder) { _ = try IDX.readLabels(path, classes: 10, fix: "") }
        #expect(resized == [DataFileIdentity(path: path, size: 13, modificationNanoseconds: 1_000_000_000_000_000_000)])
    }

    @Test("Each file read is reported once; a missing file and a stopped observer hear nothing")
    func oncePerFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let images = Data([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0, 64, 128, 255])  // one 2×2 image
        try images.write(to: URL(fileURLWithPath: folder + "/images"))
        try idxLabels([1]).write(to: URL(fileURLWithPath: folder + "/labels"))
        let both = try ReadLog.reads(under: folder) {
            _ = try IDX.readLabeledImages(
                images: folder + "/images", labels: folder + "/labels", classNames: ["a", "b"], fix: "")
        }
        #expect(both.map(\.path) == [folder + "/images", folder + "/labels"])
        #expect(both.map(\.size) == [20, 9])

        let missing = ReadLog.reads(under: folder) { _ = try? IDX.readLabels(folder + "/none", classes: 2, fix: "") }
        #expect(missing.isEmpty)

        let stopped = ReadLog(folder: folder)
        DataReads.stopObserving(stopped.observe())
        _ = try IDX.readLabels(folder + "/labels", classes: 2, fix: "")
        #expect(stopped.identities.isEmpty)
    }

    @Test("A file read through a symbolic link is named by the file it points to")
    func linksAreResolved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try idxLabels([0]).write(to: URL(fileURLWithPath: folder + "/labels"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/labels")
        let reads = try ReadLog.reads(under: folder) { _ = try IDX.readLabels(folder + "/link", classes: 2, fix: "") }
        #expect(reads.map(\.path) == [folder + "/labels"])
    }
}
