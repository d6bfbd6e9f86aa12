/// The errors a figure throws: a file that cannot be written, a Cairo failure, or data that
/// cannot be drawn. Each names what the user needs to find the problem (the path or the title).
import Foundation

/// Why a figure could not be drawn or written.
public enum FigureError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The file at `path` could not be written; `reason` says why (missing folder, permissions).
    case cannotWrite(path: String, reason: String)
    /// Cairo failed while drawing or encoding the figure meant for `path`.
    case cairoFailed(path: String, status: String)
    /// The data of the figure titled `figure` cannot be drawn, for example series whose x and y
    /// arrays differ in length; `problem` names the offending values.
    case invalidData(figure: String, problem: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "cannot write figure \(path): \(reason)"
        case .cairoFailed(let path, let status):
            return "Cairo failed drawing figure \(path): \(status)"
        case .invalidData(let figure, let problem):
            return "figure \"\(figure)\" cannot be drawn: \(problem)"
        }
    }

    public var errorDescription: String? { description }
}
