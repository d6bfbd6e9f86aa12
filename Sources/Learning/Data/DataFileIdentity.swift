// What a notebook cache needs to know about a data file a cell read: enough to tell, on the next
// run, whether the file is still the one the cached result was computed from, without reading
// (or hashing) 50 MB of MNIST again.
import Foundation

/// A data file as it was when a loader read it: where it is, how many bytes it held and when it
/// was last modified. A file replaced, rewritten or touched since has another identity.
public struct DataFileIdentity: Codable, Hashable, Sendable {
    /// The absolute path with symbolic links resolved, so that a data folder linked elsewhere
    /// names the file actually read, e.g. "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz".
    public var path: String
    /// The file's size on disk in bytes (compressed, for a gzipped file).
    public var size: Int64
    /// The file's last modification time, in nanoseconds since 1970-01-01 00:00 UTC (`st_mtim`).
    public var modificationNanoseconds: Int64

    public init(path: String, size: Int64, modificationNanoseconds: Int64) {
        self.path = path
        self.size = size
        self.modificationNanoseconds = modificationNanoseconds
    }

    /// The identity of the file at `path` whose `stat` is `status`.
    init(path: String, status: stat) {
        #if canImport(Darwin)
            let modified = status.st_mtimespec
        #else
            let modified = status.st_mtim
        #endif
        self.init(
            path: Self.absolute(path), size: Int64(status.st_size),
            modificationNanoseconds: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec))
    }

    /// `path` made absolute with links resolved (`realpath`), or made absolute against the
    /// working folder when that fails (the file vanished after it was read).
    private static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
