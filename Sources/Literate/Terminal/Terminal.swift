// The person's terminal: the standard output and error the process started with, kept open
// while a cell redirects file descriptors 1 and 2 into its capture. Echoed cell output, status
// lines and the progress bar all go through here, so they never draw over each other.
import Foundation

/// Serialised writing to the process's original standard output and standard error.
final class Terminal: @unchecked Sendable {
    /// Duplicates of the original descriptors 1 and 2.
    let outputDescriptor: Int32, errorDescriptor: Int32
    /// Whether standard error is a terminal, so a progress bar can redraw in place.
    let isInteractive: Bool
    /// The width a bar line may use: `$COLUMNS` if set, else 80.
    let width: Int

    private let lock = NSLock()
    /// The bar line drawn now at the bottom of the terminal ("" if none).
    private var bar = ""
    /// Whether the last echoed byte ended a line (a bar is only drawn on a fresh line).
    private var atLineStart = true

    init() {
        outputDescriptor = dup(1)
        errorDescriptor = dup(2)
        isInteractive = isatty(errorDescriptor) == 1
        width = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.map { max($0, 20) } ?? 80
    }

    deinit {
        close(outputDescriptor)
        close(errorDescriptor)
    }

    /// Writes `bytes` a cell printed to the stream it printed them to, lifting the bar out of
    /// the way and putting it back after.
    func echo(_ bytes: [UInt8], to stream: OutputText.Stream) {
        guard !bytes.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        eraseBar()
        put(bytes, stream == .standardOutput ? outputDescriptor : errorDescriptor)
        atLineStart = bytes.last == UInt8(ascii: "\n")
        drawBar()
    }

    /// Writes a line of the runtime's own (a cell starting, a note) to standard error.
    func say(_ line: String) {
        echo(Array((line + "\n").utf8), to: .standardError)
    }

    /// Shows `line` as the progress bar (interactive terminals only), or removes it when empty.
    func showBar(_ line: String) {
        guard isInteractive else { return }
        lock.lock()
        defer { lock.unlock() }
        eraseBar()
        bar = line
        drawBar()
    }

    private func eraseBar() {
        guard !bar.isEmpty, atLineStart else { return }
        put(Array("\r\u{1B}[K".utf8), errorDescriptor)
    }

    private func drawBar() {
        guard !bar.isEmpty, atLineStart else { return }
        put(Array(("\r" + bar).utf8), errorDescriptor)
    }

    private func put(_ bytes: [UInt8], _ descriptor: Int32) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
