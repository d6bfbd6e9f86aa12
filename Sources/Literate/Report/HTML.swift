// Escaping for everything a run produced (output, titles, errors, table cells) before it goes
// into a report, and the anchors headings and cells are linked by.

/// HTML text helpers.
enum HTML {
    /// `text` safe as HTML text or inside a double- or single-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
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
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                result.append(character)
            }
        }
        return result
    }
}
