// Every file the runtime writes (report, cache entry, checkpoint, summary) goes through here:
// written whole to a temporary file beside the target, then renamed over it, so a killed run
// or a full disk leaves either the old file or the new one, never half of one.
import Foundation

/// Atomic replacement of whole files.
enum AtomicFile {
    /// The marker in the names of temporary files: `.<name>.partial-<pid>-<n>`.
    static let partialMarker = ".partial-"

    /// Writes `data` to `url`, replacing any file there, atomically. Creates missing folders.
    /// `durable` also flushes the data to the disk before the rename, so that a power cut
    /// cannot leave an empty file either (the rename alone already survives a killed process);
    /// files rebuilt on every run skip it. Throws `NotebookError.cannotWrite` naming the file
    /// and the reason.
    static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder)
        let temporary = folder.appendingPathComponent(
            "." + url.lastPathComponent + partialMarker + "\(getpid())-\(counter.next())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw NotebookError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, failure == nil {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno != EINTR { failure = String(cString: strerror(errno)) }
                if written > 0 { offset += written }
            }
        }
        if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw NotebookError.cannotWrite(path: url.path, reason: failure)
        }
    }

    /// Lets `write` fill a temporary file beside `url` (it is given its path), then renames it
    /// over `url`: for files another library writes, such as a figure's PNG. Throws what `write`
    /// throws, or `NotebookError.cannotWrite`; the temporary file never stays behind.
    static func replace(_ url: URL, writing write: (String) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try createFolder(folder)
        let temporary = folder.appendingPathComponent(
            "." + url.lastPathComponent + partialMarker + "\(getpid())-\(counter.next())")
        defer { unlink(temporary.path) }
        try write(temporary.path)
        guard rename(temporary.path, url.path) == 0 else {
            throw NotebookError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Whether `name` is a temporary file of an atomic write (ours, or the Figures library's).
    static func isPartial(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(partialMarker) }

    /// Deletes the temporary files in `folder` left by runs that were killed mid-write. Call it
    /// only while holding the study's lock (`StudyLock`): then no other process writes there.
    static func removeLeftovers(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where isPartial(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Creates `folder` and the folders above it that are missing. Throws
    /// `NotebookError.cannotWrite` with the system's reason ("Permission denied", "Not a
    /// directory") when one cannot be made.
    static func createFolder(_ folder: URL) throws {
        var path = ""
        for component in folder.standardizedFileURL.pathComponents.dropFirst() {
            path += "/" + component
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw NotebookError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Numbers temporary files written by this process.
    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
