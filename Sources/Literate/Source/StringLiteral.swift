// Reading a cell's title from its string literal: escapes decoded, interpolations turned into
// gaps, so a title written `"Trial \(k)"` still finds its cell at run time.

/// A single-line Swift string literal read from source bytes.
enum StringLiteral {
    /// Reads the literal starting at `start` (`"…"` or raw `#"…"#`): its text as written between
    /// the quotes, and its literal pieces between interpolations (escapes decoded). Returns nil
    /// when no single-line literal starts there.
    static func read(_ bytes: [UInt8], at start: Int) -> (written: String, pieces: [String])? {
        var i = start
        var hashes = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            hashes += 1
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let contentStart = i
        var pieces: [[UInt8]] = [[]]
        func hashesFollow(_ j: Int) -> Bool {
            j + hashes <= bytes.count && bytes[j..<j + hashes].allSatisfy { $0 == UInt8(ascii: "#") }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") { return nil }
            if byte == UInt8(ascii: "\""), hashesFollow(i + 1) {
                let written = String(decoding: bytes[contentStart..<i], as: UTF8.self)
                return (written, pieces.map { String(decoding: $0, as: UTF8.self) })
            }
            if byte == UInt8(ascii: "\\"), hashesFollow(i + 1), i + 1 + hashes < bytes.count {
                let k = i + 1 + hashes
                if bytes[k] == UInt8(ascii: "(") {
                    var depth = 1
                    var j = k + 1
                    while j < bytes.count, depth > 0 {
                        if bytes[j] == UInt8(ascii: "(") { depth += 1 }
                        if bytes[j] == UInt8(ascii: ")") { depth -= 1 }
                        j += 1
                    }
                    pieces.append([])
                    i = j
                } else {
                    pieces[pieces.count - 1] += escaped(bytes[k])
                    i = k + 1
                }
                continue
            }
            pieces[pieces.count - 1].append(byte)
            i += 1
        }
        return nil
    }

    /// The bytes an escape `\c` stands for (`\u{…}` is kept as written).
    private static func escaped(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "0"): return [0x00]
        case UInt8(ascii: "u"): return Array("\\u".utf8)
        default: return [byte]
        }
    }
}
