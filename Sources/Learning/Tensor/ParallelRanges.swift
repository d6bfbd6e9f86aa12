import Dispatch

/// Runs an element-wise kernel on as many threads as OpenBLAS uses, one contiguous range each.
///
/// The GEMMs already use every core; the kernels between them (optimizer steps, pooling,
/// im2col) should too, or they become the bottleneck. Tying the count to `BLASKernels.threads`
/// keeps one knob: a parallel trial that sets OpenBLAS to one thread runs these on one thread as
/// well. The split depends only on `count` and the thread count, so results are reproducible.
///
/// `body` must touch only memory that belongs to its range (ranges never overlap).
func parallelRanges(count: Int, minimumPerThread: Int, _ body: (Range<Int>) -> Void) {
    let workers = min(BLASKernels.threads, count / max(1, minimumPerThread))
    guard workers > 1 else {
        body(0..<count)
        return
    }
    withoutActuallyEscaping(body) { body in
        // Safe to share: the ranges are disjoint, and the call returns only when every range is done.
        let shared = unsafeBitCast(body, to: (@Sendable (Range<Int>) -> Void).self)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            shared((worker * count / workers)..<((worker + 1) * count / workers))
        }
    }
}
