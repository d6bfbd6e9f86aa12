// Prose to HTML: math protected, markdown through Ink, every heading given a unique anchor so the
// table of contents can link to it.
import Foundation
import Ink

/// Renders the markdown of one report, keeping heading anchors unique across it.
package struct MarkdownRenderer {
    /// A heading found while rendering: its level, anchor and inner HTML (for the contents).
    struct Heading: Equatable {
        var level: Int
        var anchor: String
        var html: String
    }

    private var usedAnchors: Set<String> = []
    /// The headings rendered so far, in order.
    private(set) var headings: [Heading] = []

    /// A renderer with no anchors used yet.
    package init() {}

    /// `markdown` as HTML.
    package mutating func render(_ markdown: String) -> String {
        let math = MathSpans(markdown)
        let prepared = InkGuard.prepare(Self.joiningParagraphLines(math.markdown))
        let html = math.restore(in: InkGuard.restore(MarkdownParser().html(from: prepared)))
        return anchoringHeadings(html)
    }

    /// `markdown` with the lines of each paragraph and list item joined into one. Markdown
    /// reads a single line break as a space anyway, but Ink 0.6 ends a paragraph at a line that
    /// starts with a backtick and cannot read a code span broken across two lines.
    static func joiningParagraphLines(_ markdown: String) -> String {
        var lines: [String] = []
        var inFence = false
        var joinable = false
        var previousBlank = true
        var inIndentedCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.drop(while: { $0 == " " || $0 == "\t" })
            if text.hasPrefix("```") { inFence.toggle() }
            inIndentedCode = !inFence && line.hasPrefix("    ") && (previousBlank || inIndentedCode)
            let startsBlock =
                text.isEmpty || text.hasPrefix("```") || text.hasPrefix("#") || text.hasPrefix(">")
                || text.hasPrefix("|") || text.hasPrefix("<") || startsListItem(text)
            if joinable, !inFence, !inIndentedCode, !startsBlock {
                lines[lines.count - 1] += " " + text
            } else {
                lines.append(String(line))
            }
            previousBlank = text.isEmpty
            joinable =
                !inFence && !inIndentedCode && !text.isEmpty && !text.hasPrefix("```") && !text.hasPrefix("#")
                && !text.hasPrefix("|") && !text.hasPrefix("<")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `text` opens a list item: "- ", "* ", "+ ", "1. " or "1) ".
    private static func startsListItem(_ text: Substring) -> Bool {
        if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ") { return true }
        let digits = text.prefix(while: \.isNumber)
        let rest = text.dropFirst(digits.count)
        return !digits.isEmpty && (rest.hasPrefix(". ") || rest.hasPrefix(") "))
    }

    /// A fresh anchor for `text` ("results", "results-2", …).
    mutating func anchor(for text: String) -> String {
        let base = HTML.slug(text)
        var anchor = base
        var n = 1
        while usedAnchors.contains(anchor) {
            n += 1
            anchor = "\(base)-\(n)"
        }
        usedAnchors.insert(anchor)
        return anchor
    }

    /// `html` with an `id` on every `<hN>` and the headings recorded.
    private mutating func anchoringHeadings(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let level = after.first?.wholeNumberValue, (1...6).contains(level),
                after.dropFirst().first == ">",
                let close = after.range(of: "</h\(level)>")
            else {
                result += rest[..<open.upperBound]
                rest = after
                continue
            }
            let inner = String(after[after.index(after.startIndex, offsetBy: 2)..<close.lowerBound])
            let anchor = anchor(for: HTML.text(of: inner))
            headings.append(Heading(level: level, anchor: anchor, html: inner))
            result += rest[..<open.lowerBound]
            result += "<h\(level) id=\"\(anchor)\">\(inner)</h\(level)>"
            rest = after[close.upperBound...]
        }
        return result + rest
    }
}
