// Every kind of mistake on a notebook's command line costs one line naming it and exit status
// 64, before anything is computed or written.
import Foundation
import Testing

@testable import Literate

@Suite struct BadFlagTests {
    static let cases: [([String], String)] = [
        (
            ["--profile", "nope"],
            "Demo: The value 'nope' is invalid for '--profile <profile>'. Please provide one of 'quick', 'standard' or 'paper'. (see --help)"
        ),
        (["--profile"], "Demo: Missing value for '--profile <profile>' (see --help)"),
        (["--trials", "0"], "Demo: --trials must be at least 1, not 0 (see --help)"),
        (["--trials", "-3"], "Demo: --trials must be at least 1, not -3 (see --help)"),
        (["--trials", "1e9"], "Demo: The value '1e9' is invalid for '--trials <trials>' (see --help)"),
        (
            ["--seed", "-1"],
            "Demo: The value '-1' is invalid for '--seed <seed>': a seed is a whole number from 0 to 18446744073709551615 (see --help)"
        ),
        (
            ["--seed", "18446744073709551616"],
            "Demo: The value '18446744073709551616' is invalid for '--seed <seed>': a seed is a whole number from 0 to 18446744073709551615 (see --help)"
        ),
        (["--data", "/nope"], "Demo: --data /nope: no such folder (see --help)"),
        (["--data", "/etc/hostname"], "Demo: --data /etc/hostname: a file, not a folder (see --help)"),
        (["--data", ""], "Demo: --data needs a folder, not an empty string (see --help)"),
        (["--bogus"], "Demo: Unknown option '--bogus' (see --help)"),
        (["--epochs", "5"], "Demo: Unknown option '--epochs' (see --help)"),
        (["quick"], "Demo: Unexpected argument 'quick' (see --help)"),
    ]

    @Test(arguments: cases)
    func aBadFlagIsOneLineAndStatus64(arguments: [String], message: String) {
        let folder = ScratchFolder()
        let made = NotebookSetup.make(
            study: "Demo", sourceText: "", sourcePath: nil, arguments: ["--output", folder.url.path] + arguments,
            packageRoot: nil)
        guard case .failure(let exit) = made else {
            Issue.record("\(arguments) was accepted")
            return
        }
        #expect(exit == NotebookExit(status: 64, message: message))
        #expect(folder.list("") == [], "nothing may be written before the flags are good")
    }

    /// `--output ''` once wrote the report into the current folder (found by scripts/bad-inputs.sh).
    @Test func anEmptyOutputFolderIsRefusedAndNothingIsWritten() {
        let before = try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        let made = NotebookSetup.make(
            study: "Demo", sourceText: "", sourcePath: nil, arguments: ["--output", ""], packageRoot: nil)
        guard case .failure(let exit) = made else {
            Issue.record("--output '' was accepted")
            return
        }
        #expect(exit == NotebookExit(status: 64, message: "Demo: --output needs a folder, not an empty string (see --help)"))
        let after = try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        #expect(after == before)
    }

    @MainActor @Test func aSeedOfZeroAndTheLargestSeedAreGood() {
        let folder = ScratchFolder()
        for seed in ["0", "18446744073709551615"] {
            var read: UInt64?
            let status = folder.run("", ["--seed", seed]) { read = $0.seed }
            #expect(status == 0)
            #expect(read.map(String.init) == seed)
        }
    }
}
