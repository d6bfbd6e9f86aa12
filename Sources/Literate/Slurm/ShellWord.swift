// Words written into a shell script or an sbatch directive so that they come back as they were:
// paths with spaces, quotes and `#` included. The two parsers differ (bash's, and sbatch's own
// reading of `#SBATCH` lines), so each has its quoting.

/// Quoting for the two readers of an sbatch script.
enum ShellWord {
    /// `word` as one bash word: bare when it holds only characters bash leaves alone, else in
    /// single quotes (a quote inside written `'\''`).
    static func quoted(_ word: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,+@%-")
        if !word.isEmpty, word.allSatisfy({ plain.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `value` as sbatch reads it after `#SBATCH --option=`: sbatch splits a directive at blanks
    /// outside double quotes, takes `\` as an escape and an unescaped `#` as the start of a
    /// comment, even inside quotes. So a value with any of these is written in double quotes with
    /// `\`, `"` and `#` escaped.
    static func directiveValue(_ value: String) -> String {
        let special: Set<Character> = [" ", "\t", "\"", "\\", "#"]
        guard value.contains(where: { special.contains($0) }) else { return value }
        var out = "\""
        for character in value {
            if character == "\\" || character == "\"" || character == "#" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
