// The tool behind the LibraryFingerprint plugin: FingerprintSources ROOT OUTPUT FILE…
// hashes each FILE's bytes and writes OUTPUT, a Swift file defining `LibraryFingerprint.linked`
// with each file's path relative to ROOT and its digest. OUTPUT is left untouched when its
// content would not change, so an unchanged library recompiles nothing.
import Foundation

/// 64-bit FNV-1a of `bytes`, as 16 hex digits: enough to tell an edited file from the one
/// before it (this is change detection, not security).
func digest(_ bytes: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let root = arguments.first, let output = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: FingerprintSources ROOT OUTPUT FILE...\n".utf8))
    exit(64)
}
var entries: [String] = []
for path in arguments.dropFirst(2) {
    guard let bytes = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("FingerprintSources: cannot read \(path)\n".utf8))
        exit(66)
    }
    let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    let literal = relative.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    entries.append("        \"\(literal)\": \"\(digest(bytes))\",")
}
let text = """
    // Written at build time by the LibraryFingerprint plugin (Plugins/LibraryFingerprint): the
    // library sources this binary was built from. Do not edit.
    import Literate

    extension LibraryFingerprint {
        /// The package's library sources this binary was built from: path → digest of its bytes.
        static let linked = LibraryFingerprint(files: [
    \(entries.isEmpty ? "        :" : entries.joined(separator: "\n"))
        ])
    }

    """
if FileManager.default.contents(atPath: output) != Data(text.utf8) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("FingerprintSources: cannot write \(output): \(error)\n".utf8))
        exit(73)
    }
}
