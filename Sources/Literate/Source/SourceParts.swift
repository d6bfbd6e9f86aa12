// The line-level split of a notebook's source into markdown blocks (`//:` lines), cell calls
// with their closures, and the other code, in source order. NotebookSource groups these into
// the report's sections.

/// A notebook's source as a sequence of markdown blocks, cells and code chunks.
struct SourceParts {
    enum Item: Equatable {
        /// Consecutive `//:` lines (blank lines between them are paragraph breaks), without the
        /// `//: ` prefix.
        case markdown(String)
        /// Consecutive lines of code that are neither markdown nor part of a cell, and the
        /// 1-based line numbers they span.
        case code(String, lines: ClosedRange<Int>)
        /// A `<name>.cell("Title" …) { … }` statement.
        case cell(SourceCell)
    }

    /// The items in source order.
    let items: [Item]

    /// Splits `text`.
    init(_ text: String) {
        let map = SwiftLexicalMap(text)
        let lines = SourceLines(map)
        let cells = Self.findCells(map, lines)
        var items: [Item] = []
        var codeSoFar: [String] = []
        var pending: [String] = []  // lines of the item being built
        var pendingIsMarkdown = false
        var pendingLines = 0...0  // 0-based
        var blankLines = 0
        func flush() {
            guard !pending.isEmpty else { return }
            let text = pending.joined(separator: "\n")
            let lines = (pendingLines.lowerBound + 1)...(pendingLines.upperBound + 1)
            items.append(pendingIsMarkdown ? .markdown(text) : .code(text, lines: lines))
            pending = []
        }
        var line = 0
        while line < lines.count {
            if let call = cells.first(where: { $0.lines.contains(line) }) {
                flush()
                let statement = (call.lines.lowerBound...call.lines.upperBound).map { lines.text(of: $0) }
                codeSoFar += statement.map(Self.trimmingTrailingSpaces).filter { !$0.isEmpty }
                items.append(
                    .cell(
                        SourceCell(
                            writtenTitle: call.title.written, titlePieces: call.title.pieces,
                            code: Self.dedent(statement), codeThroughCell: codeSoFar.joined(separator: "\n"),
                            lines: (call.lines.lowerBound + 1)...(call.lines.upperBound + 1))))
                line = call.lines.upperBound + 1
                blankLines = 0
                continue
            }
            let text = lines.text(of: line)
            if let markdown = lines.markdown(at: line) {
                if !pendingIsMarkdown { flush() }
                if !pending.isEmpty, blankLines > 0 { pending.append("") }
                pendingIsMarkdown = true
                pending.append(markdown)
                blankLines = 0
            } else if text.allSatisfy(\.isWhitespace) {
                blankLines += 1
            } else {
                if pendingIsMarkdown { flush() }
                if !pending.isEmpty, blankLines > 0 { pending.append("") }
                pendingIsMarkdown = false
                pendingLines = (pending.isEmpty ? line : pendingLines.lowerBound)...line
                pending.append(Self.trimmingTrailingSpaces(text))
                codeSoFar.append(Self.trimmingTrailingSpaces(text))
                blankLines = 0
            }
            line += 1
        }
        flush()
        self.items = items
    }

    /// A cell call's title and the 0-based lines its statement spans.
    private struct CellCall {
        var title: (written: String, pieces: [String])
        var lines: ClosedRange<Int>
    }

    /// Every `name.cell("…"` call in code, with the extent of its closure; calls inside another
    /// cell's closure belong to that cell.
    private static func findCells(_ map: SwiftLexicalMap, _ lines: SourceLines) -> [CellCall] {
        let bytes = map.bytes
        let pattern = Array(".cell".utf8)
        var calls: [CellCall] = []
        var i = 0
        while i + pattern.count < bytes.count {
            defer { i += 1 }
            guard bytes[i] == pattern[0], map.isCode(i), i > 0, isIdentifier(bytes[i - 1]),
                Array(bytes[i..<i + pattern.count]) == pattern,
                !isIdentifier(bytes[i + pattern.count])
            else { continue }
            var j = skipSpace(bytes, i + pattern.count)
            guard j < bytes.count, bytes[j] == UInt8(ascii: "("), map.isCode(j) else { continue }
            let openParen = j
            j = skipSpace(bytes, j + 1)
            guard let title = StringLiteral.read(bytes, at: j),
                let closeParen = matching(map, from: openParen, open: "(", close: ")")
            else { continue }
            var end = closeParen
            var next = closeParen + 1
            while next < bytes.count, !map.isCode(next) || isSpace(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "{"),
                let closeBrace = matching(map, from: next, open: "{", close: "}")
            {
                end = closeBrace
            }
            calls.append(CellCall(title: (title.written, title.pieces), lines: lines.line(of: i)...lines.line(of: end)))
            i = end
        }
        return calls
    }

    /// The index of the bracket closing the one at `start`, counting only brackets in code.
    private static func matching(_ map: SwiftLexicalMap, from start: Int, open: Unicode.Scalar, close: Unicode.Scalar)
        -> Int?
    {
        let (openByte, closeByte) = (UInt8(ascii: open), UInt8(ascii: close))
        var depth = 0
        for k in start..<map.bytes.count where map.isCode(k) {
            if map.bytes[k] == openByte { depth += 1 }
            if map.bytes[k] == closeByte {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var j = start
        while j < bytes.count, isSpace(bytes[j]) { j += 1 }
        return j
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte >= 0x80
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last.isWhitespace { line.removeLast() }
        return String(line)
    }

    /// `lines` without the indentation they all share, trailing spaces dropped.
    private static func dedent(_ lines: [String]) -> String {
        let trimmed = lines.map(trimmingTrailingSpaces)
        let indent =
            trimmed.filter { !$0.isEmpty }.map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count }.min() ?? 0
        return trimmed.map { $0.isEmpty ? "" : String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
}
