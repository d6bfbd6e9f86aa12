// What happened in one cell of a run: everything the report shows for it, in the order it
// happened, and what a cache entry stores to replay it.
import Foundation

/// Text a cell wrote to standard output or standard error.
struct OutputText: Codable, Equatable, Sendable {
    /// Which stream the text went to.
    enum Stream: String, Codable, Sendable {
        case standardOutput, standardError
    }

    var stream: Stream
    /// The text, as a terminal would have left it (carriage-return redraws resolved, colour
    /// codes removed).
    var text: String
}

/// A figure a cell showed: its PNG beside the report.
struct ShownFigure: Codable, Equatable, Sendable {
    /// The figure's title (its caption).
    var title: String
    /// The PNG's path relative to the study's folder (`figures/load-the-data-1.png`).
    var file: String
    /// The displayed size in CSS pixels.
    var width: Double, height: Double
}

/// One thing a cell produced, in order: output, a figure, or a table.
enum CellItem: Codable, Equatable, Sendable {
    case output(OutputText)
    case figure(ShownFigure)
    case table(ResultsTable)
}

/// The record of one cell of a run.
struct CellRecord {
    /// Where the cell stands.
    enum Status: Equatable {
        /// Running now.
        case running
        /// Ran to the end in this run.
        case ran
        /// Replayed from the cache; it took `originalDuration` seconds when it ran.
        case replayed(originalDuration: Double, ranAt: Date)
        /// Threw `message`.
        case failed(message: String)
        /// Stopped by a signal (Ctrl-C) before it finished.
        case interrupted
    }

    var title: String
    /// Whether this records a cell, or code between cells that showed something (a figure
    /// drawn under a heading, outside any cell).
    var isCell = true
    /// The index of the cell in `NotebookSource.cells` it matched, if any.
    var sourceIndex: Int?
    /// The index of the section of `NotebookSource.sections` it is shown in, if known.
    var section: Int?
    var status: Status = .running
    var cached: Bool
    /// The cache key (also the key of its checkpoints), when its code was found in the source.
    var key: String?
    /// What the key hashes, when there is one.
    var ingredients: CellIngredients?
    /// Why the cell ran instead of replaying (empty while undecided, and for a replay).
    var whyRan: [RerunReason] = []
    /// The data files the cell read as it ran, or, for a replay, those its entry recorded.
    var dataFiles: Set<DataFileIdentity> = []
    /// Seconds spent in this run (a replay's is the time to load it).
    var duration: Double = 0
    var items: [CellItem] = []
    /// One-line remarks of the runtime (a cache entry ignored, a checkpoint resumed).
    var notes: [String] = []
    /// The headline the cell set, if any (kept in the cache so a replay sets it again).
    var headline: String?
    /// How many figures the cell has shown (for their file names).
    var figureCount = 0

    /// Appends `outputs`, merging text into the previous item when it went to the same stream.
    mutating func append(_ outputs: [OutputText]) {
        for output in outputs where !output.text.isEmpty {
            if case .output(var previous)? = items.last, previous.stream == output.stream {
                previous.text += output.text
                items[items.count - 1] = .output(previous)
            } else {
                items.append(.output(output))
            }
        }
    }
}
