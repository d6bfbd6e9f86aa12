// One `notebook.cell("Title") { … }` call as it stands in the source: its title (a pattern when
// the title interpolates values) and the code a report shows and a cache key hashes.

/// A cell call found in a notebook's source text.
package struct SourceCell: Equatable, Sendable {
    /// The title as written between the quotes, interpolations included (`Trial \(k)`).
    package var writtenTitle: String
    /// The literal pieces of the title between its interpolations: `["Trial ", ""]` for
    /// `"Trial \(k)"`, one piece for a title without interpolation.
    package var titlePieces: [String]
    /// The whole statement holding the call (`let data = try notebook.cell(…) { … }`), dedented.
    var code: String
    /// Every line of code from the top of the file to the end of this cell, markdown excluded,
    /// trailing spaces and blank lines dropped: what the cell's result can depend on.
    var codeThroughCell: String
    /// The 1-based line numbers the statement spans.
    package var lines: ClosedRange<Int>

    /// Whether a title given at run time is this cell's: equal to the written title, or, when
    /// the title interpolates, made of its literal pieces in order with anything between them.
    package func matches(_ title: String) -> Bool {
        guard titlePieces.count > 1 else { return titlePieces.first == title }
        var rest = Substring(title)
        for (index, piece) in titlePieces.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if index == titlePieces.count - 1 {
                return rest.hasSuffix(piece)
            } else {
                guard let found = rest.range(of: piece) else { return false }
                rest = rest[found.upperBound...]
            }
        }
        return true
    }
}
