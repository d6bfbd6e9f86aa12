// Timing, one clock pair for every study: wall seconds say how long a person waited, the calling
// thread's CPU seconds what the work itself cost (with OpenBLAS single-threaded, whatever else
// the shared machine is doing).
import Foundation

/// Measures wall-clock seconds and the calling thread's CPU seconds since it was started.
///
/// ```swift
/// let stopwatch = Stopwatch()
/// try model.fit(…)
/// print("\(stopwatch.wallSeconds) s, \(stopwatch.cpuSeconds) s CPU")
/// ```
/// Read `cpuSeconds` on the thread that started the stopwatch: it counts that thread only.
public struct Stopwatch: Sendable {
    private let startedWall: UInt64
    private let startedCPU: Double

    /// A stopwatch started now.
    public init() {
        startedWall = DispatchTime.now().uptimeNanoseconds
        startedCPU = Self.threadCPUSeconds()
    }

    /// Wall-clock seconds since the start (monotonic).
    public var wallSeconds: Double { Double(DispatchTime.now().uptimeNanoseconds - startedWall) * 1e-9 }

    /// CPU seconds the calling thread has used since the start.
    public var cpuSeconds: Double { Self.threadCPUSeconds() - startedCPU }

    /// CPU seconds the calling thread has used since it began.
    public static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Runs `body` and returns its result with the wall and CPU seconds it took.
    public static func time<Result>(_ body: () throws -> Result) rethrows -> (
        result: Result, wallSeconds: Double, cpuSeconds: Double
    ) {
        let stopwatch = Stopwatch()
        let result = try body()
        return (result, stopwatch.wallSeconds, stopwatch.cpuSeconds)
    }
}
