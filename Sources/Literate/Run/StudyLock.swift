// One run per study folder at a time. Two runs of the same notebook would overwrite each
// other's report, figures and checkpoints; the second one refuses to start instead, in one
// line naming the run that holds the folder. (Waiting would look like a hang, and two runs
// at once are nearly always a mistake; `--output` gives the second run a folder of its own.)
import Foundation

/// An exclusive `flock` on `<output>/<Study>/.lock`, held while a run writes the folder. The
/// kernel drops it when its descriptor closes, so a killed run never leaves a stale lock.
final class StudyLock {
    /// The lock file's name in the study folder.
    static let fileName = ".lock"

    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { release() }

    /// Why a lock could not be taken.
    enum Refusal: Error, Equatable {
        /// Another run holds it; `holder` is the process id it wrote, when readable.
        case held(holder: Int32?)
        /// The lock file cannot be opened or locked; `reason` is the system's.
        case failed(reason: String)
    }

    /// Takes the lock of `folder` (which must exist) without waiting, and writes this process's
    /// id into the lock file for the message a second run prints.
    static func acquire(in folder: URL) -> Result<StudyLock, Refusal> {
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(.failed(reason: String(cString: strerror(errno)))) }
        var status: Int32
        repeat { status = flock(descriptor, LOCK_EX | LOCK_NB) } while status != 0 && errno == EINTR
        guard status == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            let holder = busy ? holderID(descriptor) : nil
            close(descriptor)
            return .failure(busy ? .held(holder: holder) : .failed(reason: reason))
        }
        let id = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = id.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } }
        return .success(StudyLock(descriptor: descriptor))
    }

    /// Lets another run take the folder (a run that owns the process just exits instead).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// The process id written in the lock file open at `descriptor`, if it holds one.
    private static func holderID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
