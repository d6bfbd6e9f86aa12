// Markdown that sends Ink 0.6 into endless work, rewritten before Ink reads it and put back in
// its HTML, so that it reads the same. Both were found by the notebook-source fuzzer:
// - Ink tries every `[` as a link and, when the link fails, rewinds and reads what was inside
//   again, so a run of n unmatched brackets costs 2^n: 17 in a line of prose took 17 s, 25 would
//   take hours (timeout-2df64348…, timeout-d9e06709…).
// - A paragraph ends before `<p`, and a `<p` that no `>` follows cannot be read as HTML either,
//   so Ink reads an empty paragraph there forever (timeout-f022e9d4…: the prose `<P`).
// The characters Ink must not see are swapped for private-use ones it reads as plain text, and
// swapped back in its output: no guess at what Ink will read as code is needed (Ink's lists, for
// one, read a line of ``` as text; timeout-32774213…), and code shows them unchanged.

/// Rewrites of the markdown Ink 0.6 cannot finish reading, and their undoing in its HTML.
enum InkGuard {
    /// Stands for a `[` that opens no link.
    static let bracket: Unicode.Scalar = "\u{E000}"
    /// Stands for the `<` of a `<p` that nothing closes; it comes back as `&lt;`.
    static let angle: Unicode.Scalar = "\u{E001}"

    /// `markdown` ready for Ink: every line through `escapingUnlinkedBrackets`, then the whole
    /// through `escapingUnclosedParagraphTags`.
    static func prepare(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        return escapingUnclosedParagraphTags(lines.map { escapingUnlinkedBrackets(String($0)) }.joined(separator: "\n"))
    }

    /// Ink's `html` with the stand-ins of `prepare` turned back: `[` and `&lt;`.
    static func restore(_ html: String) -> String {
        guard html.unicodeScalars.contains(where: { $0 == bracket || $0 == angle }) else { return html }
        var result = String.UnicodeScalarView()
        for scalar in html.unicodeScalars {
            switch scalar {
            case bracket: result.append("[")
            case angle: result.append(contentsOf: "&lt;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// `line` with `bracket` for every `[` that neither opens a link Ink can read (`[text](url)`
    /// with its `)`, `[text][ref]` with its `]`, both on the same line; `[ref]: url` at the
    /// start) nor is a reference's second bracket. It pairs brackets as Ink would: skipping code
    /// spans (a backtick to the next one, not across a line break) and escaped characters.
    static func escapingUnlinkedBrackets(_ line: String) -> String {
        let characters = Array(line)
        var isOpener = [Bool](repeating: false, count: characters.count)
        var opensLink = [Bool](repeating: false, count: characters.count)
        var open: [Int] = []
        var i = 0
        while i < characters.count {
            switch characters[i] {
            case "\\":
                i += 2
                continue
            case "`":
                // a code span runs to the next backtick on the line; without one it is text
                if let close = index(of: "`", in: characters, from: i + 1) {
                    i = close + 1
                    continue
                }
            case "[":
                isOpener[i] = true
                open.append(i)
            case "]":
                guard let opener = open.popLast() else { break }
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                let readable =
                    switch next {
                    case "(": index(of: ")", in: characters, from: i + 2, balancing: "(") != nil
                    case "[": index(of: "]", in: characters, from: i + 2) != nil
                    case ":": opener == 0
                    default: false
                    }
                if readable {
                    opensLink[opener] = true
                    if next == "[" { opensLink[i + 1] = true }
                }
            case let character where character.isNewline:
                open.removeAll()  // Ink may end the paragraph here: no link spans it
            default: break
            }
            i += 1
        }
        guard isOpener.contains(true) else { return line }
        var result = ""
        result.reserveCapacity(line.utf8.count + 8)
        for (index, character) in characters.enumerated() {
            if isOpener[index] && !opensLink[index] {
                result.unicodeScalars.append(bracket)
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `markdown` with `angle` for the `<` of every `<p` or `<P` after its last `>`: there Ink
    /// can read it neither as HTML nor as the text of a paragraph, and would stop forever.
    static func escapingUnclosedParagraphTags(_ markdown: String) -> String {
        let tail = markdown.lastIndex(of: ">").map { markdown.index(after: $0) } ?? markdown.startIndex
        guard markdown[tail...].contains("<") else { return markdown }
        var result = String(markdown[..<tail])
        var characters = markdown[tail...].makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "<" && (pending == "p" || pending == "P") {
                result.unicodeScalars.append(angle)
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The index of the first `target` at or after `start` before the line ends (any newline
    /// character), skipping, with `balancing`, nested pairs of it and `target`: where Ink's
    /// reader would find it (it knows no backslash escapes there).
    private static func index(
        of target: Character, in characters: [Character], from start: Int, balancing opener: Character? = nil
    ) -> Int? {
        var depth = 0
        var i = start
        while i < characters.count, !characters[i].isNewline {
            let character = characters[i]
            if character == target {
                if depth == 0 { return i }
                depth -= 1
            } else if character == opener {
                depth += 1
            }
            i += 1
        }
        return nil
    }
}
