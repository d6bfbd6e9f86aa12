// KaTeX and highlight.js for the reports, copied once from Debian's libjs-katex and
// libjs-highlight.js into <output>/assets/ so a report opens offline. Without them the report
// shows raw TeX and plain code, and still reads well.
import Foundation

/// The scripts and styles a report can use.
struct ReportAssets: Equatable {
    /// Whether KaTeX is in `<output>/assets/katex/`.
    var katex: Bool
    /// Whether highlight.js is in `<output>/assets/highlight/`.
    var highlight: Bool

    /// Neither: plain code, raw TeX.
    static let none = ReportAssets(katex: false, highlight: false)

    /// The KaTeX files a report loads (its fonts are copied beside them).
    private static let katexFiles = ["katex.min.js", "katex.min.css"]
    private static let katexFolder = "/usr/share/javascript/katex"
    private static let highlightFolder = "/usr/share/javascript/highlight.js"

    /// Copies what is missing from Debian's folders into `<output>/assets/` and says what is
    /// there. Failures only make the report plainer.
    static func install(into output: URL) -> ReportAssets {
        let assets = output.appendingPathComponent("assets")
        var copies: [(String, String)] = katexFiles.map { ("\(katexFolder)/\($0)", "katex/\($0)") }
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: "\(katexFolder)/fonts")) ?? []
        copies += fonts.filter { $0.hasSuffix(".woff2") }.map { ("\(katexFolder)/fonts/\($0)", "katex/fonts/\($0)") }
        let katex = copies.allSatisfy { copy($0.0, to: assets.appendingPathComponent($0.1)) }
        let highlight = [
            ("\(highlightFolder)/highlight.min.js", "highlight/highlight.min.js"),
            ("\(highlightFolder)/styles/github.css", "highlight/github.css"),
        ].allSatisfy { copy($0.0, to: assets.appendingPathComponent($0.1)) }
        return ReportAssets(katex: katex, highlight: highlight)
    }

    /// Copies `source` to `target` unless a file of the same size is there; whether `target` is
    /// in place.
    private static func copy(_ source: String, to target: URL) -> Bool {
        let manager = FileManager.default
        let sourceSize = (try? manager.attributesOfItem(atPath: source))?[.size] as? Int
        guard let sourceSize else { return false }
        if let targetSize = (try? manager.attributesOfItem(atPath: target.path))?[.size] as? Int,
            targetSize == sourceSize
        {
            return true
        }
        guard let data = manager.contents(atPath: source) else { return false }
        return (try? AtomicFile.write(data, to: target, durable: false)) != nil
    }
}
