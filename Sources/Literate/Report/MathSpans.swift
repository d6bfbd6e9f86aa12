// TeX in the prose, `$…$` inline and `$$…$$` displayed, lifted out before the markdown parser
// sees it (which would read `_` and `*` as emphasis and eat backslashes) and put back after as
// spans KaTeX renders in the browser, or that read as raw TeX without it.
import Foundation

/// The math spans of a markdown text, replaced by placeholders.
struct MathSpans {
    /// One span: its TeX (without the dollars) and whether it is displayed.
    struct Span: Equatable {
        var tex: String
        var display: Bool
    }

    /// The markdown with each span replaced by `placeholder(index)`.
    let markdown: String
    /// The spans, in order.
    let spans: [Span]

    /// A token markdown leaves alone (letters and digits only).
    static func placeholder(_ index: Int) -> String { "LITERATEMATH\(index)END" }

    /// Finds the math in `markdown`, leaving code (fenced blocks and backtick spans) and escaped
    /// dollars (`\$`) alone. Inline math follows Pandoc's rule: no space after the opening
    /// dollar, none before the closing one, no digit right after it (so "$5 and $10" is text).
    init(_ markdown: String) {
        let characters = Array(markdown)
        var output = ""
        var spans: [Span] = []
        var i = 0
        var atLineStart = true
        var inFence = false
        func startsWith(_ text: String, at j: Int) -> Bool {
            let pattern = Array(text)
            return j + pattern.count <= characters.count && Array(characters[j..<j + pattern.count]) == pattern
        }
        func emitSpan(_ tex: String, display: Bool, skipTo end: Int) {
            output += Self.placeholder(spans.count)
            spans.append(Span(tex: tex, display: display))
            i = end
        }
        while i < characters.count {
            let character = characters[i]
            if atLineStart, startsWith("```", at: i) { inFence.toggle() }
            atLineStart = character == "\n"
            if inFence {
                output.append(character)
                i += 1
                continue
            }
            if character == "\\", i + 1 < characters.count, characters[i + 1] == "$" {
                output += "&#36;"
                i += 2
                continue
            }
            if character == "`" {
                var run = 0
                while i + run < characters.count, characters[i + run] == "`" { run += 1 }
                let fence = String(repeating: "`", count: run)
                var j = i + run
                while j < characters.count, !startsWith(fence, at: j) { j += 1 }
                let end = min(j + run, characters.count)
                output += String(characters[i..<end])
                i = end
                continue
            }
            if character == "$", startsWith("$$", at: i) {
                var j = i + 2
                while j < characters.count, !startsWith("$$", at: j) { j += 1 }
                if j < characters.count {
                    emitSpan(
                        String(characters[i + 2..<j]).trimmingCharacters(in: .whitespacesAndNewlines), display: true,
                        skipTo: j + 2)
                    continue
                }
            } else if character == "$", i + 1 < characters.count, !characters[i + 1].isWhitespace {
                var j = i + 1
                while j < characters.count, characters[j] != "$",
                    !(characters[j] == "\n" && j + 1 < characters.count && characters[j + 1] == "\n")
                {
                    j += characters[j] == "\\" ? 2 : 1
                }
                if j < characters.count, characters[j] == "$", !characters[j - 1].isWhitespace,
                    !(j + 1 < characters.count && characters[j + 1].isNumber)
                {
                    emitSpan(String(characters[i + 1..<j]), display: false, skipTo: j + 1)
                    continue
                }
            }
            output.append(character)
            i += 1
        }
        self.markdown = output
        self.spans = spans
    }

    /// `html` with the placeholders replaced by `<span class="math …">` holding the escaped TeX.
    /// A displayed formula alone in a paragraph replaces the paragraph.
    func restore(in html: String) -> String {
        var html = html
        for (index, span) in spans.enumerated().reversed() {
            let token = Self.placeholder(index)
            let element =
                span.display
                ? "<span class=\"math display\">\(HTML.escape(span.tex))</span>"
                : "<span class=\"math inline\">\(HTML.escape(span.tex))</span>"
            html = html.replacingOccurrences(of: "<p>\(token)</p>", with: element)
            html = html.replacingOccurrences(of: token, with: element)
        }
        return html
    }
}
