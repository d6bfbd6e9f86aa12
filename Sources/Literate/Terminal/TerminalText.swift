// What captured terminal output looks like once a terminal has interpreted it: the last redraw
// of each carriage-return line, without colour codes. This is the text a report shows.

/// Turns raw captured output into the text a terminal would have left on screen.
enum TerminalText {
    /// `raw` with ANSI escape sequences removed and each line reduced to what follows its last
    /// carriage return (so `10%\r20%\r30%\n` reads `30%\n`, and `\r\n` ends a line).
    static func settled(_ raw: String) -> String {
        let scalars = raw.unicodeScalars
        guard scalars.contains("\r") || scalars.contains("\u{1B}") else { return raw }
        var result = String.UnicodeScalarView()
        var line = String.UnicodeScalarView()
        var returned = false  // a \r was read: the next text overwrites the line, unless \n ends it
        var iterator = scalars.makeIterator()
        while let scalar = iterator.next() {
            if returned, scalar != "\n", scalar != "\r" { line.removeAll() }
            returned = scalar == "\r"
            switch scalar {
            case "\u{1B}":
                // CSI: ESC [ parameters… final byte in @…~; other escapes are two bytes long.
                guard let next = iterator.next(), next == "[" else { continue }
                while let byte = iterator.next(), !(0x40...0x7E).contains(byte.value) {}
            case "\r":
                continue
            case "\n":
                result.append(contentsOf: line)
                result.append(scalar)
                line.removeAll()
            default:
                line.append(scalar)
            }
        }
        result.append(contentsOf: line)
        return String(result)
    }
}
