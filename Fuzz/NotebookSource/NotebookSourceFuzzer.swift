// libFuzzer target for the notebook source splitter: every input is read as a notebook's
// main.swift, split into title, sections and cells, and its prose rendered as the report would
// render it. Beyond "no crash, no hang", it checks what the runtime relies on: every byte is
// classified, cells lie in order inside the file, and a cell's written title finds its cell.
// scripts/fuzz.sh builds and runs it.
//
// Built normally (without -DFUZZING) it is a reproducer instead: it runs the same checks on the
// files named on its command line, so a crash file from the fuzzer replays under the debugger.
import Foundation

@testable import Literate

func exercise(_ input: [UInt8]) {
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

#if FUZZING
/// SwiftPM links an executable's entry point as `<module>_main`; under the fuzzer it hands over
/// to libFuzzer's driver, which parses the fuzzer's flags and calls `exercise` per input.
@_cdecl("FuzzNotebookSource_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        exercise(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
@main
struct NotebookSourceReproducer {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            exercise([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): no crash")
        }
    }
}
#endif
