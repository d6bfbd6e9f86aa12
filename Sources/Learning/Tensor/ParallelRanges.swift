import Dispatch

/// Runs an element-wise kernel on as many threads as OpenBLAS uses, one contiguous range each.
///
/// The GEMMs already use every core; the kernels between them (optimizer steps, pooling,
/// im2col) should too, or they become the bottleneck. Tying the count to `BLASKernels.threads`
/// keeps one knob: a parallel trial that sets OpenBLAS to one thread runs these on one thread as
/// well. The split depends on the thread count, so `body` must compute each item the same way
/// whichever range holds it: element-wise work, or sums along another axis (BatchNorm's channels,
/// a bias gradient's columns) that each range does whole. Sums across items go through
/// `parallelChunks`, whose chunks do not depend on the thread count.
///
/// `body` must touch only memory that belongs to its range (ranges never overlap).
func parallelRanges(count: Int, minimumPerThread: Int, _ body: (Range<Int>) -> Void) {
    parallelWorkers(count: count, minimumPerThread: minimumPerThread) { _, range in body(range) }
}

/// Runs `body(worker, chunk, range)` on each chunk of `chunkSize` consecutive items of
/// 0..<count (chunk i is i·chunkSize ..< min(count, (i + 1)·chunkSize), the last one shorter), for
/// work that makes its own GEMMs or sums: the chunks are the same whatever the thread count, and
/// the workers (at most `BLASKernels.threads`, 0, 1, …) take contiguous runs of them, in order.
/// OpenBLAS is held to one thread meanwhile, also when a single worker runs every chunk, because
/// OpenBLAS's answer depends on how many threads split a product (its kernels sum the product's
/// edges and the threads' shares in other orders): a chunk computed on its own by a
/// single-threaded GEMM gives the same bits wherever it runs. `worker` picks the worker's own
/// scratch memory; `chunk` picks where a chunk's partial sums go, so that the caller can add them
/// in chunk order. `body` must call only serial code besides its GEMMs (no `parallelRanges`).
///
/// Small GEMMs split by OpenBLAS spend much of their time in the join (a worker that the
/// machine's other processes delay holds up the rest); whole chunks per worker — im2col, GEMM
/// and bias together — keep each core busy with its own data in its own cache.
func parallelChunks(
    count: Int, chunkSize: Int, _ body: (_ worker: Int, _ chunk: Int, _ range: Range<Int>) -> Void
) {
    precondition(chunkSize > 0, "chunk size \(chunkSize) must be positive")
    let chunks = (count + chunkSize - 1) / chunkSize
    let threads = BLASKernels.threads
    func run() {
        parallelWorkers(count: chunks, minimumPerThread: 1, threads: threads) { worker, chunkRange in
            for chunk in chunkRange {
                body(worker, chunk, (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize))
            }
        }
    }
    if threads > 1 { BLASKernels.withSingleThreadedGEMMs(run) } else { run() }
}

/// The number of workers `parallelChunks` uses for `count` items in chunks of `chunkSize`: what a
/// kernel sizes its per-worker scratch by.
func chunkWorkerCount(count: Int, chunkSize: Int) -> Int {
    max(1, min(BLASKernels.threads, (count + chunkSize - 1) / max(1, chunkSize)))
}

/// Splits 0..<count into at most `threads` contiguous ranges of at least `minimumPerThread`
/// items and runs `body(worker, range)` on each at once.
private func parallelWorkers(
    count: Int, minimumPerThread: Int, threads: Int = BLASKernels.threads,
    _ body: (_ worker: Int, _ range: Range<Int>) -> Void
) {
    let workers = min(threads, count / max(1, minimumPerThread))
    guard workers > 1 else {
        body(0, 0..<count)
        return
    }
    withoutActuallyEscaping(body) { body in
        // Safe to share: the ranges are disjoint, and the call returns only when every range is done.
        let shared = unsafeBitCast(body, to: (@Sendable (Int, Range<Int>) -> Void).self)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            shared(worker, (worker * count / workers)..<((worker + 1) * count / workers))
        }
    }
}
