// A value shared between threads behind a lock: how the main-actor notebook tells code on
// other threads which cell is running.
import Foundation

/// A value read and written under a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    /// The value now.
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place under the lock.
    func withValue(_ change: (inout Value) -> Void) {
        lock.withLock { change(&stored) }
    }
}
