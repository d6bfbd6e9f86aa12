import Dispatch

/// The fastest of `repeats` runs of `work`, in seconds, after one untimed warm-up run (first
/// allocations, page faults, OpenBLAS thread start-up).
func bestSeconds(repeats: Int, _ work: () throws -> Void) rethrows -> Double {
    try work()
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

/// Prints one measurement as `result <model> <phase> <value> <unit>`, the format of
/// PeerBenchmarks/tensorflow_bench.py, so the two can be set side by side.
func report(_ model: String, _ phase: String, _ value: Double, _ unit: String) {
    let digits = value >= 100 ? 0 : value >= 10 ? 1 : 3
    print("result \(model) \(phase) \(String(format: "%.\(digits)f", value)) \(unit)")
}
