import CBLAS
import Foundation

/// Chooses OpenBLAS's fastest kernels for this CPU and reports which ran.
///
/// OpenBLAS picks its kernels once, when the library loads, from `OPENBLAS_CORETYPE` or its own
/// CPU detection. Some environments (this project's machines among them) pin it to `Haswell`, which
/// halves sgemm on CPUs with AVX-512. A process therefore calls `selectFastest()` first thing: if
/// the variable is not what it should be, the process re-executes itself once with it set.
/// Set `ACTIVE_LEARNING_BLAS_CORETYPE` to choose the kernels yourself (`Haswell`, `SkylakeX`, …,
/// or `auto` for OpenBLAS's own detection).
///
/// The same re-execution sets `OPENBLAS_THREAD_TIMEOUT` (unless already set): how long an idle
/// OpenBLAS thread spins, calling `sched_yield`, before it sleeps. OpenBLAS's default is 2^28
/// cycles, some 60 ms, and the convolutions run their own single-threaded GEMMs on every core
/// between OpenBLAS's threaded ones, so the spinning threads took cores from them (10 % of the samples
/// of a training step of the MNISTBayesianDropout study's network were `sched_yield`).
public enum BLASKernels {
    static let overrideVariable = "ACTIVE_LEARNING_BLAS_CORETYPE"
    static let reexecMarker = "ACTIVE_LEARNING_BLAS_REEXEC"
    /// OpenBLAS's idle spin before sleeping, as log2 of CPU cycles: 2^12 cycles, about 1 µs.
    static let threadTimeout = "12"

    /// The core type this process should use: the user's override, else `SkylakeX` where the CPU
    /// has AVX-512F, else `nil` (let OpenBLAS detect).
    public static var preferredCoreType: String? {
        preferredCoreType(environment: ProcessInfo.processInfo.environment, cpuHasAVX512: cpuHasAVX512)
    }

    static func preferredCoreType(environment: [String: String], cpuHasAVX512: Bool) -> String? {
        if let chosen = environment[overrideVariable], !chosen.isEmpty {
            return chosen.lowercased() == "auto" ? nil : chosen
        }
        return cpuHasAVX512 ? "SkylakeX" : nil
    }

    /// The OpenBLAS variables to change before it loads, given this process's `environment`: each
    /// name with its new value, or nil to remove it. Empty when nothing needs to change, or when
    /// the process has already re-executed itself once.
    static func environmentChanges(_ environment: [String: String], cpuHasAVX512: Bool) -> [String: String?] {
        guard environment[reexecMarker] == nil else { return [:] }
        var changes: [String: String?] = [:]
        let wanted = preferredCoreType(environment: environment, cpuHasAVX512: cpuHasAVX512)
        if environment["OPENBLAS_CORETYPE"] != wanted { changes["OPENBLAS_CORETYPE"] = .some(wanted) }
        if environment["OPENBLAS_THREAD_TIMEOUT"] == nil { changes["OPENBLAS_THREAD_TIMEOUT"] = threadTimeout }
        return changes
    }

    /// Whether /proc/cpuinfo lists the `avx512f` flag.
    public static var cpuHasAVX512: Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
        return info.split(separator: "\n").contains { line in
            line.hasPrefix("flags") && line.split(separator: " ").contains("avx512f")
        }
    }

    /// Re-executes this process once, with `OPENBLAS_CORETYPE` set to `preferredCoreType` and
    /// `OPENBLAS_THREAD_TIMEOUT` set, unless they already are. Call it before any BLAS work; it
    /// returns when nothing needs to change.
    public static func selectFastest() {
        let changes = environmentChanges(ProcessInfo.processInfo.environment, cpuHasAVX512: cpuHasAVX512)
        guard !changes.isEmpty else { return }
        for (name, value) in changes {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        setenv(reexecMarker, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // execv returns only on failure: carry on with the kernels already loaded.
    }

    /// The kernels OpenBLAS loaded (for example `SkylakeX` or `Haswell`) and its build.
    public static var active: String {
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        let config = openblas_get_config().map { String(cString: $0) } ?? ""
        return "OpenBLAS \(core) kernels (\(config.trimmingCharacters(in: .whitespaces)))"
    }

    /// The number of threads a GEMM, and the element-wise kernels between GEMMs, may use: the
    /// one knob (a parallel trial sets it to 1). Starts at OpenBLAS's own count.
    public static var threads: Int {
        get { threadLock.withLock { chosenThreads } }
        set {
            threadLock.withLock {
                chosenThreads = max(1, newValue)
                openblas_set_num_threads(Int32(chosenThreads))
            }
        }
    }

    /// Runs `body` with OpenBLAS held to one thread (for work that runs its own GEMMs side by side
    /// on `threads` threads), then gives OpenBLAS `threads` again. One such stretch at a time:
    /// another thread waits for it, so the count is always restored (the lock is recursive, so a
    /// stretch nested by mistake costs speed, not a deadlock). `threads` reads the knob meanwhile,
    /// not OpenBLAS's count of one.
    static func withSingleThreadedGEMMs(_ body: () -> Void) {
        regionLock.lock()
        defer { regionLock.unlock() }
        openblas_set_num_threads(1)
        defer { threadLock.withLock { openblas_set_num_threads(Int32(chosenThreads)) } }
        body()
    }

    /// Runs `body` with `threads` set to `count`, then sets it back. One such stretch at a time in
    /// the process (a recursive lock), so that tests comparing thread counts never change the
    /// count under one another.
    static func withThreads<T>(_ count: Int, _ body: () throws -> T) rethrows -> T {
        knobLock.lock()
        defer { knobLock.unlock() }
        let saved = threads
        threads = count
        defer { threads = saved }
        return try body()
    }

    private static let knobLock = NSRecursiveLock()
    private static let threadLock = NSLock()
    private static let regionLock = NSRecursiveLock()
    nonisolated(unsafe) private static var chosenThreads = Int(openblas_get_num_threads())
}
