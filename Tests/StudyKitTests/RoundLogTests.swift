// The log between a job's trainer and its per-round hook: a drain gives what was appended since
// the previous drain, in order, and nothing twice.
import Testing

@testable import StudyKit

@Suite struct RoundLogTests {
    @Test func aDrainGivesTheEntriesInOrderAndEmptiesTheLog() {
        let log = RoundLog<Int>()
        log.append(3)
        log.append(1)
        #expect(log.drain() == [3, 1])
        #expect(log.drain() == [])
    }

    @Test func eachRoundDrainsOnlyItsOwnEntries() {
        let log = RoundLog<String>()
        log.append("round 0 fit")
        let round0 = log.drain()
        log.append("round 1, previous model retrained")
        log.append("round 1 fit")
        #expect(round0 == ["round 0 fit"])
        #expect(log.drain() == ["round 1, previous model retrained", "round 1 fit"])
    }

    @Test func appendsFromParallelJobsAreAllKept() async {
        let log = RoundLog<Int>()
        await withTaskGroup(of: Void.self) { group in
            for job in 0..<8 { group.addTask { for k in 0..<100 { log.append(100 * job + k) } } }
        }
        #expect(log.drain().sorted() == Array(0..<800))
    }
}
