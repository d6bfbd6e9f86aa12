// Which data file a cell read, as the file system knows it: a cached result is only as current
// as the data it was computed from.
import Foundation

/// A data file's identity when a run read it: its path, size and modification time. A file
/// rewritten in place, replaced or resized gets another identity, and the cells that read it
/// (and every cell after them) run again.
public struct DataFileIdentity: Codable, Hashable, Sendable {
    /// The absolute path with symbolic links resolved, so a data folder linked elsewhere names
    /// the file actually read.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// Last modification, in nanoseconds since 1970.
    public var modified: Int64

    public init(path: String, size: Int64, modified: Int64) {
        self.path = path
        self.size = size
        self.modified = modified
    }

    /// The identity of the file at `path` now, or nil if it cannot be read (gone, no access).
    public static func current(_ path: String) -> DataFileIdentity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        #if canImport(Darwin)
            let time = status.st_mtimespec
        #else
            let time = status.st_mtim
        #endif
        let modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        return DataFileIdentity(path: absolute(path), size: Int64(status.st_size), modified: modified)
    }

    /// `path` made absolute with links resolved (`realpath`), else made absolute against the
    /// working folder.
    private static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
