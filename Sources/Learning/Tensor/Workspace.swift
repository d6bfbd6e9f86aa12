/// Scratch memory that a layer reuses from batch to batch.
///
/// Training calls every layer thousands of times with batches of the same size. Each layer keeps
/// its outputs, gradients and caches in workspaces that grow only when a larger batch arrives, so
/// the hot path allocates nothing and the pointers stay valid until the next call to `prefix(_:)`.
final class Workspace {
    private var storage: UnsafeMutableBufferPointer<Float>

    /// An empty workspace; the first `prefix(_:)` allocates.
    init() {
        storage = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    deinit {
        storage.deallocate()
    }

    /// The first `count` elements, growing the storage (zero-filled) if it is smaller. The contents
    /// are whatever the previous user left unless the storage grew.
    func prefix(_ count: Int) -> UnsafeMutableBufferPointer<Float> {
        precondition(count >= 0, "workspace size \(count) is negative")
        if count > storage.count {
            storage.deallocate()
            storage = .allocate(capacity: count)
            storage.initialize(repeating: 0)
        }
        return UnsafeMutableBufferPointer(rebasing: storage[0..<count])
    }
}
