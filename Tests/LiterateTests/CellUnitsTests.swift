// A long cell's units: stored on their own under the cell's key without the trial count, so more
// trials compute only the new units; shared out between processes by --shard and merged by a
// plain run; and never computed twice while a live process holds one.
import Foundation
import Testing

@testable import Literate

@MainActor @Suite struct CellUnitsTests {
    static let source = """
        //: # Units
        //: ## Trials
        let scores = try notebook.cell("Run the trials", cached: true) { 0 }
        """

    /// Runs the cell with `trials` units ("trial 1" …, each returning 10 × its number), computing
    /// them as the units API hands them out; returns the status, the units computed here and the
    /// results.
    static func run(_ folder: ScratchFolder, trials: Int, _ arguments: [String] = [])
        -> (status: Int32, computed: [String], results: [Int])
    {
        var computed: [String] = []
        var results: [Int] = []
        let status = folder.run(source, ["--trials", "\(trials)"] + arguments) { notebook in
            results = try notebook.cell("Run the trials", cached: true) { () -> [Int] in
                let units = notebook.units((1...trials).map { "trial \($0)" }, of: Int.self)
                defer { units.releaseClaims() }
                let compute = { (index: Int) throws in
                    computed.append(units.names[index])
                    try units.store(10 * (index + 1), index, wallSeconds: 0.5, cpuSeconds: 0.25)
                }
                for index in units.toCompute() { try compute(index) }
                let results = try units.results(pollSeconds: 0.05, computing: compute)
                try notebook.show(units.table(title: "Where the trials ran"))
                return results
            }
        }
        return (status, computed, results)
    }

    @Test func moreTrialsComputeOnlyTheNewUnits() {
        let folder = ScratchFolder()
        #expect(Self.run(folder, trials: 2).computed == ["trial 1", "trial 2"])
        let more = Self.run(folder, trials: 3)
        #expect(more.status == 0)
        #expect(more.computed == ["trial 3"])
        #expect(more.results == [10, 20, 30])
        #expect(folder.report.contains("Where the trials ran"))
        #expect(Self.run(folder, trials: 3, ["--fresh"]).computed == ["trial 1", "trial 2", "trial 3"])
    }

    @Test func shardsComputeTheirShareAndAPlainRunMergesThem() {
        let folder = ScratchFolder()
        let first = Self.run(folder, trials: 5, ["--shard", "0/2"])
        #expect(first.status == 0)
        #expect(first.computed == ["trial 1", "trial 3", "trial 5"])
        #expect(folder.report.isEmpty, "a shard writes no report")
        #expect(Self.run(folder, trials: 5, ["--shard", "1/2"]).computed == ["trial 2", "trial 4"])
        let merged = Self.run(folder, trials: 5)
        #expect(merged.computed == [])
        #expect(merged.results == [10, 20, 30, 40, 50])
        #expect(folder.report.contains("shard 1/2"))
    }

    @Test func theLastShardToFinishACellGoesOnWithEveryUnitStored() {
        let folder = ScratchFolder()
        #expect(Self.run(folder, trials: 4, ["--shard", "1/2"]).results == [], "shard 1/2 stops: trials 1 and 3 are held by nobody")
        let last = Self.run(folder, trials: 4, ["--shard", "0/2"])
        #expect(last.status == 0)
        #expect(last.computed == ["trial 1", "trial 3"])
        #expect(last.results == [10, 20, 30, 40], "every unit stored: the shard goes on past the cell")
    }

    @Test func aMergeWithAUnitMissingFailsNamingItAndKeepsWhatIsStored() {
        let folder = ScratchFolder()
        _ = Self.run(folder, trials: 4, ["--shard", "1/2"])
        let merge = Self.run(folder, trials: 4, ["--merge"])
        #expect(merge.status == 1)
        #expect(merge.computed == [])
        #expect(folder.report.contains("2 of 4 units missing (“trial 1”, “trial 3”)"))
        #expect(folder.report.contains("run `Demo --output \(folder.url.path) --trials 4` to compute the rest"))
        // nothing stored was lost: a plain run computes only the two that were missing
        #expect(Self.run(folder, trials: 4).computed == ["trial 1", "trial 3"])
        #expect(Self.run(folder, trials: 4, ["--merge"]).status == 0)
    }

    @Test func aPlainRunComputesWhatTheShardsLeftMissing() {
        let folder = ScratchFolder()
        _ = Self.run(folder, trials: 4, ["--shard", "1/2"])
        let merged = Self.run(folder, trials: 4)
        #expect(merged.computed == ["trial 1", "trial 3"])
        #expect(merged.results == [10, 20, 30, 40])
    }

    @Test func aUnitHeldByALiveProcessIsNotComputedTwiceAndAStaleHoldIsTakenOver() throws {
        let folder = ScratchFolder()
        _ = Self.run(folder, trials: 1)  // learn where the cell's units live
        let unitsFolder = try #require(
            FileManager.default.subpathsOfDirectory(atPath: folder.url.appendingPathComponent("Demo/.cache/units").path)
                .first { !$0.contains("/") })
        let store = folder.url.appendingPathComponent("Demo/.cache/units/\(unitsFolder)")
        let units = CellUnits<Int>(
            names: ["trial 1", "trial 2", "trial 3"], folder: store, cell: "Run the trials", shard: nil,
            ignoresStored: false, interruption: nil)
        // trial 2 held by a live process of this host (this one's parent), trial 3 by a dead one
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        for (index, pid) in [(1, getppid()), (2, dead.processIdentifier)] {
            let owner = UnitLockOwner(host: ThisProcess.host, pid: pid, shard: nil, slurmJobID: nil, startedAt: 0)
            try JSONEncoder().encode(owner).write(to: try #require(units.fileURL(index, "lock")))
        }
        #expect(units.toCompute() == [2], "trial 1 is stored, trial 2 held by a live process, trial 3's holder is dead")
        try units.store(30, 2, wallSeconds: 0, cpuSeconds: 0)
        #expect(units.result(2) == 30)
        #expect(!FileManager.default.fileExists(atPath: try #require(units.fileURL(2, "lock")).path))
    }
}
