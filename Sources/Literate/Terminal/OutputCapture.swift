// Catching everything a cell prints. File descriptors 1 and 2 themselves are pointed into pipes
// (dup2), so Swift's print, C's printf and any library writing to stderr are all caught; a
// thread per pipe drains it into memory and echoes it to the terminal as it comes.
import Foundation

/// A running capture of standard output and standard error.
final class OutputCapture {
    /// Descriptors 1 and 2 belong to the whole process: a capture waits for the one before it
    /// (on another thread: notebooks run in parallel tests) to stop.
    private static let gate = DispatchSemaphore(value: 1)

    private let savedOutput: Int32, savedError: Int32
    private let collected = Collected()
    private let finished = DispatchSemaphore(value: 0)
    private let readers: [Int32]

    /// Starts capturing. Text is echoed to `terminal` as it arrives unless `terminal` is nil.
    /// Throws `NotebookError.cannotWrite` when the pipes cannot be made (out of descriptors).
    init(echoingTo terminal: Terminal?) throws {
        Self.gate.wait()
        fflush(nil)  // all C streams: Swift's print buffers in stdout
        var outputPipe: [Int32] = [0, 0]
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw Self.failure() }
        guard pipe(&errorPipe) == 0 else {
            close(outputPipe[0])
            close(outputPipe[1])
            throw Self.failure()
        }
        savedOutput = dup(1)
        savedError = dup(2)
        dup2(outputPipe[1], 1)
        dup2(errorPipe[1], 2)
        close(outputPipe[1])
        close(errorPipe[1])
        readers = [outputPipe[0], errorPipe[0]]
        for (descriptor, stream) in zip(readers, [OutputText.Stream.standardOutput, .standardError]) {
            let collected = collected
            let finished = finished
            let thread = Thread {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = read(descriptor, &buffer, buffer.count)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { break }
                    collected.append(buffer[0..<count], from: stream)
                    terminal?.echo(Array(buffer[0..<count]), to: stream)
                }
                finished.signal()
            }
            thread.start()
        }
    }

    /// Stops capturing, puts descriptors 1 and 2 back, and returns what was printed, in order,
    /// as a terminal would show it. Waits at most two seconds for the pipes to drain (longer
    /// only if a child process the cell started still holds them).
    func stop() -> [OutputText] {
        fflush(nil)  // all C streams: Swift's print buffers in stdout
        dup2(savedOutput, 1)
        dup2(savedError, 2)
        close(savedOutput)
        close(savedError)
        var drained = true
        for _ in readers where finished.wait(timeout: .now() + 2) == .timedOut { drained = false }
        if drained { for reader in readers { close(reader) } }
        Self.gate.signal()
        return collected.texts()
    }

    private static func failure() -> NotebookError {
        gate.signal()
        return .cannotWrite(path: "a pipe for the cell's output", reason: String(cString: strerror(errno)))
    }

    /// The bytes read so far, by stream, in arrival order.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [(stream: OutputText.Stream, bytes: [UInt8])] = []

        func append(_ bytes: ArraySlice<UInt8>, from stream: OutputText.Stream) {
            lock.lock()
            defer { lock.unlock() }
            if let last = chunks.last, last.stream == stream {
                chunks[chunks.count - 1].bytes += bytes
            } else {
                chunks.append((stream, Array(bytes)))
            }
        }

        func texts() -> [OutputText] {
            lock.lock()
            defer { lock.unlock() }
            return chunks.map {
                OutputText(stream: $0.stream, text: TerminalText.settled(String(decoding: $0.bytes, as: UTF8.self)))
            }
        }
    }
}
