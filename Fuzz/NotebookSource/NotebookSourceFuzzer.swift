// libFuzzer target for the notebook source splitter: every input is read as a notebook's
// main.swift, split into title, sections and cells, and its prose rendered as the report would
// render it. Beyond "no crash, no hang", it checks what the runtime relies on: every byte is
// classified, cells lie in order inside the file, and a cell's written title finds its cell.
// scripts/fuzz.sh builds and runs it; built normally it replays the files named on its command
// line (Fuzz/Driver). It reaches the splitter through Literate's `package` declarations.
import FuzzDriver
import Literate

@main
enum NotebookSourceFuzzer: FuzzTarget {
    static func exercise(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        let map = SwiftLexicalMap(text)
        precondition(map.kinds.count == map.bytes.count, "\(map.kinds.count) kinds for \(map.bytes.count) bytes")
        let source = NotebookSource(text)
        let lines = input.filter { $0 == UInt8(ascii: "\n") }.count + 1  // bytes: "\r\n" is one Character
        var previous = 1
        for cell in source.cells {
            precondition(
                cell.lines.lowerBound >= previous && cell.lines.upperBound <= lines,
                "cell \"\(cell.writtenTitle)\" at lines \(cell.lines) after line \(previous) of \(lines)")
            previous = cell.lines.upperBound
            if cell.titlePieces.count == 1 {
                precondition(cell.matches(cell.titlePieces[0]), "\"\(cell.writtenTitle)\" does not match its own title")
            }
        }
        var markdown = MarkdownRenderer()
        _ = markdown.render(source.introduction)
        for section in source.sections {
            _ = markdown.render(section.prose)
            let escaped = HTML.escape(section.code).unicodeScalars
            precondition(!escaped.contains { "<>\"'".unicodeScalars.contains($0) }, "escaped code still holds markup")
        }
    }
}
