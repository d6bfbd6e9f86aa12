// Square brackets that cannot open a link, escaped before Ink reads them. Ink 0.6 tries every `[`
// as a link and, when the link fails, rewinds and reads what was inside again, so a run of n
// unmatched brackets costs 2^n: 17 in one line of prose took 17 s, 25 would take hours (the
// notebook-source fuzzer's find, timeout-2df64348…).
/// Escaping of the `[` that open no link, so that Ink never backtracks over them.
enum LinkBrackets {
    /// `line` (one paragraph's text, not code) with a backslash before every `[` that neither
    /// opens a link (`[text](url)`, `[text][ref]`, `[ref]: url`) nor is a reference's second
    /// bracket. Brackets inside code spans and already escaped ones are left as they are; Ink
    /// drops the backslash, so the reader sees the bracket unchanged.
    static func escapingUnlinked(_ line: String) -> String {
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
                i = endOfCodeSpan(characters, at: i)
                continue
            case "[":
                isOpener[i] = true
                open.append(i)
            case "]":
                guard let opener = open.popLast() else { break }
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                if next == "(" || next == "[" || next == ":" { opensLink[opener] = true }
                if next == "[" { opensLink[i + 1] = true }
            default: break
            }
            i += 1
        }
        guard isOpener.contains(true) else { return line }
        var result = ""
        result.reserveCapacity(line.utf8.count + 8)
        for (index, character) in characters.enumerated() {
            if isOpener[index] && !opensLink[index] { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The index after the code span whose opening backticks start at `start` (a run of n
    /// backticks closes at the next run of exactly n), or after the run when nothing closes it.
    private static func endOfCodeSpan(_ characters: [Character], at start: Int) -> Int {
        func run(at index: Int) -> Int {
            var end = index
            while end < characters.count && characters[end] == "`" { end += 1 }
            return end - index
        }
        let length = run(at: start)
        var i = start + length
        while i < characters.count {
            if characters[i] == "`" {
                let found = run(at: i)
                if found == length { return i + found }
                i += found
            } else {
                i += 1
            }
        }
        return start + length
    }
}
