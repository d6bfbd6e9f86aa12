// Who read which data file. The notebook runtime keys its cache on the code of a cell and of the
// cells before it; a cell that loads MNIST computes from the data file too, so the runtime also
// records the identity (path, size, modification time) of every file the cell read, and reruns
// the cell and the ones after it when one of those files changed. The loaders cannot know which
// cell is running, so they tell whoever listens here; the runtime takes the identity itself.
import Foundation

/// Tells observers about every data file the library's loaders read (IDX, CIFAR-10, CSV
/// digits: everything that goes through `DataFile.read`), once per file read, with the file's
/// path as the loader was given it.
///
///     let observation = DataReads.observe { path in reads.append(path) }
///     defer { DataReads.stopObserving(observation) }
///     let data = try MNIST.load()
///
/// Observers are called on the reading thread, outside any lock (an observer may itself observe
/// or stop observing), and must be quick and thread-safe: loaders may read on several threads
/// at once, and every observer hears every read in the process, its own or not. A file is
/// reported once its bytes are read, and only if they were.
public enum DataReads {
    /// A registration; pass it to `stopObserving` to end it.
    public struct Observation: Hashable, Sendable {
        let id: UInt64
    }

    /// Calls `observer` with the path of every data file read from now until
    /// `stopObserving` is given the returned observation.
    @discardableResult
    public static func observe(_ observer: @escaping @Sendable (String) -> Void) -> Observation {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        observers[nextID] = observer
        return Observation(id: nextID)
    }

    /// Stops calling the observer `observation` registered; nothing happens if it already stopped.
    /// A read already under way on another thread may still reach it once.
    public static func stopObserving(_ observation: Observation) {
        lock.lock()
        defer { lock.unlock() }
        observers[observation.id] = nil
    }

    /// Tells every observer that the file at `path` was read.
    static func report(_ path: String) {
        lock.lock()
        let current = observers.sorted { $0.key < $1.key }.map(\.value)
        lock.unlock()
        for observer in current { observer(path) }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var observers: [UInt64: @Sendable (String) -> Void] = [:]
    nonisolated(unsafe) private static var nextID: UInt64 = 0
}
