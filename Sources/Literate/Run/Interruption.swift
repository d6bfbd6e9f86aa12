// Ctrl-C during a run. The first SIGINT (or SIGTERM, as a scheduler's time limit or `kill PID`
// sends) asks the notebook to stop at its next safe point: between cells, right after a
// checkpoint is saved, or at a progress update of the running cell. It then writes a report
// marked "interrupted" and exits with 128 + the signal's number (130 for Ctrl-C). A second
// signal stops the process at once, as the default action would; the cache and checkpoints are
// written atomically, so even then only the cell in progress is lost.
import Foundation

/// A request to stop the run early, from a signal or (in tests) from `request(_:)`.
final class Interruption: Sendable {
    private let requested = Locked<Int32?>(nil)

    /// The signal that asked the run to stop, if one did.
    var signal: Int32? { requested.value ?? (StopSignal.received == 0 ? nil : StopSignal.received) }

    /// The exit status of a run stopped by `signal`: 128 + its number, as a shell reports a
    /// process the signal ended (130 for SIGINT, 143 for SIGTERM).
    var exitStatus: Int32 { 128 + (signal ?? SIGINT) }

    /// Asks the run to stop at its next safe point, as if `signal` had arrived.
    func request(_ signal: Int32) {
        if requested.value == nil { requested.value = signal }
    }

    /// Catches SIGINT and SIGTERM for the whole process from now on. The first one prints
    /// `announcement` on `descriptor` (the terminal) and is read by `signal`; a second one ends
    /// the process with the signal's default action.
    static func catchSignals(announcing announcement: String, on descriptor: Int32) {
        StopSignal.prepare(announcement, descriptor)
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number) { number in StopSignal.handle(number) }
        }
    }
}

/// The process-wide state a signal handler may touch: set up before the handlers are installed,
/// so that the handler only reads and writes plain words and calls async-signal-safe functions.
private enum StopSignal {
    nonisolated(unsafe) static var received: Int32 = 0
    nonisolated(unsafe) static var descriptor: Int32 = -1
    nonisolated(unsafe) static var message: UnsafeMutableBufferPointer<UInt8>?

    static func prepare(_ announcement: String, _ terminal: Int32) {
        let bytes = Array(announcement.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        message = buffer
        descriptor = terminal
        received = 0
    }

    static func handle(_ number: Int32) {
        guard received == 0 else {
            Foundation.signal(number, SIG_DFL)
            raise(number)
            return
        }
        received = number
        if let message { _ = write(descriptor, message.baseAddress, message.count) }
    }
}
