// What the end-to-end tests share: a scratch output folder, a tiny figure, and a way to run a
// notebook in this process and read back its report.
import Foundation

@testable import Literate

/// A scratch folder under the system's temporary folder, one per test, deleted after it.
final class ScratchFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("literate-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The text of the file at `path` under the folder ("" if there is none).
    func read(_ path: String) -> String {
        (try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The names of the files in the folder `path`, sorted.
    func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(path).path)) ?? []).sorted()
    }

    /// Runs a notebook of study "Demo" with `source` as its text and `body` as its code, writing
    /// under this folder; returns the exit status.
    @MainActor func run(
        _ source: String, _ arguments: [String] = [], host: NotebookHost = NotebookHost(),
        _ body: @MainActor (Notebook) throws -> Void
    ) -> Int32 {
        Notebook.run(source: source, study: "Demo", arguments: ["--output", url.path] + arguments, host: host, body)
    }

    /// The report of the last run.
    var report: String { read("Demo/index.html") }
}

/// A figure that writes a fixed, valid 1×1 PNG.
struct DotFigure: Figure {
    var title = "A dot"
    var size: (width: Double, height: Double) = (100, 80)

    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    func writePNG(to path: String) throws {
        try Self.png.write(to: URL(fileURLWithPath: path))
    }
}

/// The error a failing test cell throws.
struct Boom: Error, CustomStringConvertible {
    var description: String { "boom <img src=x onerror=alert(2)>" }
}
