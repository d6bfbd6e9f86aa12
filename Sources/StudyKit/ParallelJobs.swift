// Independent jobs side by side, one per core: a trial's GEMMs are too small to keep two threads
// busy, so whole trials run in parallel with OpenBLAS single-threaded inside each.
import Dispatch
import Foundation

/// Runs independent jobs at once over the cores and returns their outputs in job order.
public enum ParallelJobs {
    /// Runs `job(0)`, …, `job(count - 1)` over the cores (`DispatchQueue.concurrentPerform`)
    /// with OpenBLAS on one thread inside them (each job already has a core) and its thread count
    /// restored after. Each output lands in its job's slot, so the order never depends on timing;
    /// a job that draws randomness must take it from its own stream (`generator.split(index)`).
    /// Throws the error of the first failed job in job order, after every job has ended.
    public static func run<Output>(_ count: Int, _ job: @Sendable (Int) throws -> Output) throws -> [Output] {
        let saved = BLASKernels.threads
        BLASKernels.threads = 1
        defer { BLASKernels.threads = saved }
        let slots = Slots<Output>(count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(Result { try job(index) }, at: index)
        }
        return try slots.results.map { try $0.get() }
    }

    /// One slot per job for its result, written from the job's thread.
    private final class Slots<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<Output, any Error>?]

        init(_ count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ result: Result<Output, any Error>, at index: Int) {
            lock.withLock { slots[index] = result }
        }

        var results: [Result<Output, any Error>] {
            lock.withLock {
                slots.enumerated().map { index, slot in
                    guard let slot else { preconditionFailure("parallel job \(index) of \(slots.count) stored no result") }
                    return slot
                }
            }
        }
    }
}
