// The lines of a lexed Swift source: where each starts, its text, and whether it is a markdown
// line of the notebook (`//:` at the top level, not inside a string, a comment or braces).

/// Line-level access to a `SwiftLexicalMap`.
struct SourceLines {
    private let map: SwiftLexicalMap
    /// Byte offset of the first byte of each line.
    private let starts: [Int]
    /// The brace depth (counting braces in code only) at the start of each line.
    private let depths: [Int]

    init(_ map: SwiftLexicalMap) {
        self.map = map
        var starts = [0]
        var depths = [0]
        var depth = 0
        for (i, byte) in map.bytes.enumerated() {
            if map.isCode(i) {
                if byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "}") { depth -= 1 }
            }
            if byte == UInt8(ascii: "\n"), i + 1 < map.bytes.count {
                starts.append(i + 1)
                depths.append(depth)
            }
        }
        if map.bytes.isEmpty { starts = [] }
        self.starts = starts
        self.depths = depths
    }

    /// The number of lines.
    var count: Int { starts.count }

    /// The 0-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The text of line `index`, without its newline.
    func text(of index: Int) -> String {
        String(decoding: map.bytes[range(of: index)], as: UTF8.self)
    }

    /// The markdown of line `index` (what follows `//:` and one space) if it is a markdown line:
    /// at brace depth 0, starting (after indentation) with a `//:` line comment.
    func markdown(at index: Int) -> String? {
        guard depths[index] == 0 else { return nil }
        let range = range(of: index)
        var i = range.lowerBound
        while i < range.upperBound, map.bytes[i] == 0x20 || map.bytes[i] == 0x09 { i += 1 }
        guard i + 3 <= range.upperBound, map.kinds[i] == .lineComment,
            map.bytes[i..<i + 3].elementsEqual("//:".utf8)
        else { return nil }
        var textStart = i + 3
        if textStart < range.upperBound, map.bytes[textStart] == 0x20 { textStart += 1 }
        return String(decoding: map.bytes[textStart..<range.upperBound], as: UTF8.self)
    }

    private func range(of index: Int) -> Range<Int> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : map.bytes.count
        var upper = end
        if upper > starts[index], map.bytes[upper - 1] == UInt8(ascii: "\r") { upper -= 1 }
        return starts[index]..<max(upper, starts[index])
    }
}
