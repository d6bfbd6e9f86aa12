// The mistakes and failures the runtime reports to a notebook's author in words.
import Foundation

/// An error of the notebook runtime.
public enum NotebookError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A file of the report or the cache could not be written; `reason` is the system's.
    case cannotWrite(path: String, reason: String)
    /// `show` was called before any cell ran: there is no cell to show it in.
    case showBeforeFirstCell(what: String)
    /// A cell's value could not be stored in the cache (it is still returned; the cell runs
    /// again next time).
    case cannotCache(cell: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .showBeforeFirstCell(let what):
            return "cannot show \(what) before the first cell: call show inside a cell or after one"
        case .cannotCache(let cell, let reason):
            return "the result of cell \"\(cell)\" cannot be cached: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
