// Where a learner run keeps each job's progress between processes: the running cell's
// checkpoints in a notebook, memory in a test.
import Foundation

/// What a learner job saves after every round: the learner's state, the wall seconds every
/// process spent on the job so far, and the hook's notes.
public struct LearnerJobProgress<Notes: Codable>: Codable {
    /// The learner after its last completed round.
    public var state: ActiveLearnerState
    /// Wall-clock seconds spent on the job, summed over every process that worked on it.
    public var seconds: Double
    /// What the per-round hook noted.
    public var notes: Notes

    public init(state: ActiveLearnerState, seconds: Double, notes: Notes) {
        self.state = state
        self.seconds = seconds
        self.notes = notes
    }
}

extension LearnerJobProgress: Equatable where Notes: Equatable {}

/// Saved progress of the jobs of a learner run, one entry per job index. `save` is called from
/// the job's own thread (several jobs at once in a parallel run), `restore` before any job runs.
public protocol LearnerCheckpoints<Notes>: Sendable {
    associatedtype Notes: Codable & Sendable
    /// Job `job`'s progress saved by an earlier process, or nil.
    func restore(job: Int) -> LearnerJobProgress<Notes>?
    /// Saves job `job`'s progress, replacing what was there. May throw to stop the run (a
    /// notebook's Ctrl-C), after saving.
    func save(_ progress: LearnerJobProgress<Notes>, job: Int) throws
}

/// The running cell's checkpoints, one per job (each job's unit's, `CellUnits.checkpoint`): a
/// killed cell resumes every job at the round it reached, in whichever process computes it next.
public final class NotebookCheckpoints<Notes: Codable & Sendable>: LearnerCheckpoints, @unchecked Sendable {
    // `Checkpoint` is not Sendable; each one is saved only from its own job's thread and writes its
    // own file atomically.
    private let checkpoints: [Checkpoint<LearnerJobProgress<Notes>>]

    /// The checkpoints of the jobs, in job order.
    public init(checkpoints: [Checkpoint<LearnerJobProgress<Notes>>]) {
        self.checkpoints = checkpoints
    }

    public func restore(job: Int) -> LearnerJobProgress<Notes>? { checkpoints[job].restore() }

    public func save(_ progress: LearnerJobProgress<Notes>, job: Int) throws { try checkpoints[job].save(progress) }
}

/// Checkpoints kept in memory, encoded as a notebook encodes them: for tests, and for runs that
/// need no resumption. `stopAfterSaves` simulates a killed process: the save that reaches it
/// stores its progress, then throws `Stopped`.
public final class MemoryCheckpoints<Notes: Codable & Sendable>: LearnerCheckpoints, @unchecked Sendable {
    /// What the save that reached `stopAfterSaves` throws.
    public struct Stopped: Error, Equatable {}

    private let lock = NSLock()
    private var saved: [Int: Data] = [:]
    private var saves = 0
    /// Stop the run at this many saves in all (nil: never).
    public var stopAfterSaves: Int?

    public init(stopAfterSaves: Int? = nil) { self.stopAfterSaves = stopAfterSaves }

    public func restore(job: Int) -> LearnerJobProgress<Notes>? {
        lock.withLock { saved[job] }.flatMap { try? JSONDecoder().decode(LearnerJobProgress<Notes>.self, from: $0) }
    }

    public func save(_ progress: LearnerJobProgress<Notes>, job: Int) throws {
        let data = try JSONEncoder().encode(progress)
        let stop = lock.withLock {
            saved[job] = data
            saves += 1
            return stopAfterSaves.map { saves >= $0 } ?? false
        }
        if stop { throw Stopped() }
    }
}
