// Which bytes of a Swift file are code, and which are comments or string literals: the one piece
// of lexing the notebook needs so that a brace or a `//:` inside a string or a comment never
// splits a cell.

/// The lexical class of every UTF-8 byte of a Swift source text.
///
/// It knows line comments, nested block comments, string literals (single-line, multi-line
/// `"""`, raw `#"…"#` with any number of `#`) and interpolations `\(…)`, whose contents are code
/// again (and may hold strings of their own). Regex literals are not recognised; they are rare
/// in notebooks and only matter if they hold an unbalanced brace.
package struct SwiftLexicalMap {
    /// What a byte belongs to.
    package enum Kind: UInt8 {
        case code, lineComment, blockComment, string
    }

    /// The source as UTF-8 bytes.
    package let bytes: [UInt8]
    /// `kinds[i]` classifies `bytes[i]`; the newline ending a line comment is code.
    package let kinds: [Kind]

    /// Classifies `text`. Unterminated strings and comments end at the end of the text (or of
    /// the line, for a single-line string), so a half-typed file still splits sensibly.
    package init(_ text: String) {
        bytes = Array(text.utf8)
        kinds = Self.classify(bytes)
    }

    /// Whether `bytes[i]` is code (not inside a comment or a string literal).
    func isCode(_ i: Int) -> Bool { kinds[i] == .code }

    private enum Context {
        /// Plain code; inside an interpolation, `parens` counts the open parentheses since `\(`.
        case code(interpolation: Bool, parens: Int)
        case blockComment(depth: Int)
        case string(multiline: Bool, hashes: Int)
    }

    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
    private static let openParen = UInt8(ascii: "("), closeParen = UInt8(ascii: ")")

    private static func classify(_ bytes: [UInt8]) -> [Kind] {
        var kinds = [Kind](repeating: .code, count: bytes.count)
        var stack: [Context] = [.code(interpolation: false, parens: 0)]
        var i = 0
        func at(_ j: Int) -> UInt8? { j < bytes.count ? bytes[j] : nil }
        func count(_ byte: UInt8, from j: Int) -> Int {
            var n = 0
            while at(j + n) == byte { n += 1 }
            return n
        }
        func mark(_ kind: Kind, _ range: Range<Int>) {
            for j in range where j < bytes.count { kinds[j] = kind }
        }
        while i < bytes.count {
            switch stack[stack.count - 1] {
            case .code(let interpolation, let parens):
                let byte = bytes[i]
                if byte == slash, at(i + 1) == slash {
                    var end = i
                    while end < bytes.count, bytes[end] != newline { end += 1 }
                    mark(.lineComment, i..<end)
                    i = end
                } else if byte == slash, at(i + 1) == star {
                    stack.append(.blockComment(depth: 1))
                    mark(.blockComment, i..<i + 2)
                    i += 2
                } else if byte == quote || (byte == hash && at(i + count(hash, from: i)) == quote) {
                    let hashes = count(hash, from: i)
                    let multiline = count(quote, from: i + hashes) >= 3
                    let opener = hashes + (multiline ? 3 : 1)
                    stack.append(.string(multiline: multiline, hashes: hashes))
                    mark(.string, i..<i + opener)
                    i += opener
                } else if interpolation, byte == openParen {
                    stack[stack.count - 1] = .code(interpolation: true, parens: parens + 1)
                    i += 1
                } else if interpolation, byte == closeParen {
                    if parens == 0 {
                        stack.removeLast()
                        kinds[i] = .string
                    } else {
                        stack[stack.count - 1] = .code(interpolation: true, parens: parens - 1)
                    }
                    i += 1
                } else {
                    i += 1
                }
            case .blockComment(let depth):
                if bytes[i] == slash, at(i + 1) == star {
                    stack[stack.count - 1] = .blockComment(depth: depth + 1)
                    mark(.blockComment, i..<i + 2)
                    i += 2
                } else if bytes[i] == star, at(i + 1) == slash {
                    if depth == 1 {
                        stack.removeLast()
                    } else {
                        stack[stack.count - 1] = .blockComment(depth: depth - 1)
                    }
                    mark(.blockComment, i..<i + 2)
                    i += 2
                } else {
                    kinds[i] = .blockComment
                    i += 1
                }
            case .string(let multiline, let hashes):
                let byte = bytes[i]
                if byte == backslash, count(hash, from: i + 1) >= hashes {
                    // An escape (`\n`, `\#n` in a raw string) or an interpolation `\(…)`.
                    let afterHashes = i + 1 + hashes
                    if at(afterHashes) == openParen {
                        mark(.string, i..<afterHashes + 1)
                        stack.append(.code(interpolation: true, parens: 0))
                        i = afterHashes + 1
                    } else {
                        mark(.string, i..<afterHashes + 1)
                        i = afterHashes + 1
                    }
                } else if byte == quote {
                    let quotes = multiline ? 3 : 1
                    if count(quote, from: i) >= quotes, count(hash, from: i + quotes) >= hashes {
                        mark(.string, i..<i + quotes + hashes)
                        stack.removeLast()
                        i += quotes + hashes
                    } else {
                        kinds[i] = .string
                        i += 1
                    }
                } else if byte == newline, !multiline {
                    stack.removeLast()  // an unterminated single-line string ends with its line
                    i += 1
                } else {
                    kinds[i] = .string
                    i += 1
                }
            }
        }
        return kinds
    }
}
