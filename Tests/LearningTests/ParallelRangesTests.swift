import Testing
@testable import Learning

struct ParallelRangesTests {
    @Test(arguments: [(0, 1), (1, 1), (7, 1), (1000, 10), (1001, 300), (50, 100)])
    func everyIndexIsVisitedExactlyOnce(count: Int, minimum: Int) {
        var visits = [Int32](repeating: 0, count: count)
        visits.withUnsafeMutableBufferPointer { visits in
            parallelRanges(count: count, minimumPerThread: minimum) { range in
                for i in range { visits[i] += 1 }
            }
        }
        #expect(visits.allSatisfy { $0 == 1 })
    }

    /// Chunks are fixed by the count and the chunk size, whatever the thread count: each index
    /// is visited once, by the chunk `index / chunkSize`.
    @Test(arguments: [(0, 4), (1, 4), (7, 4), (32, 4), (33, 8), (1000, 7)])
    func chunksAreTheSameOnOneTwoAndThreeThreads(count: Int, chunkSize: Int) {
        for threads in [1, 2, 3] {
            var chunkOf = [Int](repeating: -1, count: count)
            var visits = [Int32](repeating: 0, count: count)
            chunkOf.withUnsafeMutableBufferPointer { chunkOf in
                visits.withUnsafeMutableBufferPointer { visits in
                    BLASKernels.withThreads(threads) {
                        parallelChunks(count: count, chunkSize: chunkSize) { worker, chunk, range in
                            precondition(worker < threads)
                            for i in range {
                                visits[i] += 1
                                chunkOf[i] = chunk
                            }
                        }
                    }
                }
            }
            #expect(visits.allSatisfy { $0 == 1 }, "\(threads) threads")
            #expect(chunkOf == (0..<count).map { $0 / chunkSize }, "\(threads) threads")
        }
    }
}
