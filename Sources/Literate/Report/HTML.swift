// Escaping for everything a run produced (output, titles, errors, table cells) before it goes
// into a report, and the anchors headings and cells are linked by.

/// HTML text helpers.
package enum HTML {
    /// `text` safe as HTML text or inside a double- or single-quoted attribute.
    ///
    /// It works on Unicode scalars, as a browser reads them, not on Swift's Characters: a
    /// combining mark after a quote (`"\u{301}`), or a prepended mark before a `<`, makes one
    /// Character that equals neither, yet the browser still sees the bare quote or bracket (the
    /// notebook-source fuzzer found this).
    package static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// A URL- and file-name-safe form of `text`: lowercase letters, digits and single hyphens
    /// ("Train the baseline (2 000 labels)" → "train-the-baseline-2-000-labels"); "cell" if
    /// nothing is left.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "cell" : String(slug.prefix(60))
    }

    /// `html` with its tags removed (the text of a heading, for its anchor).
    static func text(of html: String) -> String {
        var result = String.UnicodeScalarView()
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" {
                inTag = false
            } else if !inTag {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
