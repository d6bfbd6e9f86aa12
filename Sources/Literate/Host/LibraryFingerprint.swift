// The library code a notebook binary was built from, file by file, so that a cached cell knows
// when the code it ran through changed: Clerk keys its cache on the hashes of everything a form
// depends on; notebooks that key only on the notebook's own text replay stale numbers after a
// library fix.

/// The source files of the libraries a notebook is linked with, each with a hash of its bytes,
/// taken at build time (a build plugin writes it into the binary, so a moved binary still knows).
public struct LibraryFingerprint: Codable, Equatable, Sendable {
    /// File path relative to the package root ("Sources/Learning/Convolution/Conv2D.swift") → a hex
    /// digest of its content.
    public var files: [String: String]

    public init(files: [String: String]) {
        self.files = files
    }

    /// One hex digest of every file's path and digest, in path order.
    public var digest: String {
        SHA256.hex(files.keys.sorted().map { "\($0) \(files[$0] ?? "")" }.joined(separator: "\n"))
    }

    /// The files that differ between `earlier` and this fingerprint: edited, added or removed,
    /// in path order.
    public func changedFiles(since earlier: LibraryFingerprint) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
