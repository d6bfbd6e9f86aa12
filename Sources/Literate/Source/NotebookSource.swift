// A notebook's own source text split the way its report reads: a title and introduction, then
// sections of prose, code and (at most) one cell each.
import Foundation

/// A notebook's source, split into prose (`//:` lines), cells and the code around them.
///
/// The first markdown block, if it comes before any code that is a cell, is the title (its
/// `# ` heading) and the introduction. After that, every markdown block opens a section; the
/// code under it up to its cell, the cell, and the code after the cell up to the next markdown
/// block or cell form that section. A cell with no markdown above it opens a section of its own.
/// So a `try notebook.show(plot)` right after a cell is shown with that cell, and constants
/// written under a heading are shown with the cell that follows them.
package struct NotebookSource: Sendable {
    /// One part of the report: prose, then code, then the cell's results.
    package struct Section: Equatable, Sendable {
        /// The markdown above the section's code (may be empty).
        package var prose: String
        /// All the section's code: the lines before the cell, the cell, the lines after it.
        package var code: String
        /// The section's cell, if it has one.
        var cell: SourceCell?
        /// The 1-based lines from its first line of code to its last, if it has code.
        var lines: ClosedRange<Int>?

        /// Adds `code` spanning `lines` after the section's code.
        mutating func append(_ code: String, lines added: ClosedRange<Int>) {
            self.code = self.code.isEmpty ? code : self.code + "\n\n" + code
            lines = lines.map { min($0.lowerBound, added.lowerBound)...max($0.upperBound, added.upperBound) } ?? added
        }
    }

    /// The text of the first `# ` heading of the first markdown block ("" if there is none).
    var title: String
    /// The rest of the first markdown block.
    package var introduction: String
    /// The sections, in source order.
    package var sections: [Section]
    /// The cells, in source order.
    package var cells: [SourceCell] { sections.compactMap(\.cell) }

    /// Splits `text`, the source of a notebook's main.swift.
    package init(_ text: String) {
        let parts = SourceParts(text)
        var sections: [Section] = []
        var title = ""
        var introduction = ""
        var items = parts.items[...]
        if case .markdown(let block)? = items.first {
            let (top, rest) = Self.splitAtFirstSectionHeading(block)
            (title, introduction) = Self.titleAndIntroduction(top)
            items = items.dropFirst()
            if let rest { items.insert(.markdown(rest), at: items.startIndex) }
        }
        for item in items {
            switch item {
            case .markdown(let block):
                sections.append(Section(prose: block, code: ""))
            case .code(let code, let lines):
                if sections.isEmpty { sections.append(Section(prose: "", code: "")) }
                sections[sections.count - 1].append(code, lines: lines)
            case .cell(let cell):
                if sections.last == nil || sections.last?.cell != nil {
                    sections.append(Section(prose: "", code: ""))
                }
                sections[sections.count - 1].append(cell.code, lines: cell.lines)
                sections[sections.count - 1].cell = cell
            }
        }
        self.title = title
        self.introduction = introduction
        self.sections = sections
    }

    /// The index of the section holding `cells[index]`.
    func section(ofCell index: Int) -> Int? {
        let withCells = sections.indices.filter { sections[$0].cell != nil }
        return index < withCells.count ? withCells[index] : nil
    }

    /// The index of the section whose code spans the 1-based `line`, if any.
    func section(containing line: Int) -> Int? {
        sections.firstIndex { $0.lines?.contains(line) ?? false }
    }

    /// `block` cut before its first heading that is not a title (`## …`), if it has one: the
    /// title block of a notebook often runs straight on into its first section.
    private static func splitAtFirstSectionHeading(_ block: String) -> (String, String?) {
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("##") }) else { return (block, nil) }
        let top = lines[..<index].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (top, lines[index...].joined(separator: "\n"))
    }

    /// The first `# ` line of `block` as the title, and the remaining lines as the introduction.
    private static func titleAndIntroduction(_ block: String) -> (String, String) {
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("# ") }) else { return ("", block) }
        let title = lines.remove(at: index).dropFirst(2).trimmingCharacters(in: .whitespaces)
        let introduction = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (title, introduction)
    }
}
