// The table a study ends with: its numbers beside the ones the original write-up reported, with
// the spread over trials where the original ran one.
import Figures
import Foundation

/// A table of results shown in a report: a title, column headers, rows of text and notes.
///
/// ```swift
/// var table = ResultsTable.comparison("Test accuracy")
/// table.append(["Baseline, 2 000 labels", "84.9 %", "85.2 %"])
/// try notebook.show(table)
/// ```
/// StudyKit adds the mean ± sd of trials (`compare(_:reported:thisRun:as:)`, `meanAndSpread`).
public struct ResultsTable: Codable, Equatable, Sendable {
    /// How a number is written in a cell.
    public enum Format: Codable, Equatable, Sendable {
        /// A fraction as a percentage with `decimals` digits: 0.8494 is "84.9 %" with 1.
        case percent(Int)
        /// A decimal with `decimals` digits after the point.
        case decimal(Int)
        /// A whole number, thousands separated by a narrow no-break space: "5 600".
        case count

        /// `value` in this format, written as the figures write numbers (Figures' `NumberStyle`);
        /// NaN and infinities as "n/a".
        public func string(_ value: Double) -> String {
            guard value.isFinite else { return "n/a" }
            switch self {
            case .percent(let decimals): return NumberStyle.percent.format(value, decimals: decimals)
            case .decimal(let decimals): return NumberStyle.plain.format(value, decimals: decimals)
            case .count: return NumberStyle.plain.format(value.rounded(), decimals: 0)
            }
        }
    }

    /// The caption above the table.
    public var title: String
    /// The column headers.
    public var columns: [String]
    /// The rows; each has as many cells as there are columns.
    public var rows: [[String]]
    /// Remarks printed under the table (how many trials, what differs from the original).
    public var notes: [String]

    /// A table with `columns` and, optionally, its rows and notes. Rows must have one cell per
    /// column.
    public init(_ title: String, columns: [String], rows: [[String]] = [], notes: [String] = []) {
        for row in rows { Self.checkWidth(row, columns) }
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// An empty comparison table: columns "", "Reported by the original", "This run".
    public static func comparison(_ title: String, notes: [String] = []) -> ResultsTable {
        ResultsTable(title, columns: ["", "Reported by the original", "This run"], notes: notes)
    }

    /// Appends a row of cells, one per column.
    public mutating func append(_ row: [String]) {
        Self.checkWidth(row, columns)
        rows.append(row)
    }

    private static func checkWidth(_ row: [String], _ columns: [String]) {
        precondition(
            row.count == columns.count,
            "a row of \(row.count) cells \(row) in a table of \(columns.count) columns \(columns)")
    }
}
