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
}
