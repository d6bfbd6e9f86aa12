// A long cell's jobs are units with checkpoints of their own: a run that dies inside a job resumes
// it at its last checkpointed round, in whichever process runs the cell next, and ends where an
// uninterrupted run ends.
import Foundation
import Testing

@testable import Literate
@testable import StudyKit

/// Rounds trained so far, and the round after which training fails (a killed process), if any.
fileprivate final class Trainings: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var failAfter: Int?
    struct Killed: Error {}
    func next() throws {
        try lock.withLock {
            if let failAfter, count >= failAfter { throw Killed() }
            count += 1
        }
    }
    var value: Int { lock.withLock { count } }
}

@MainActor @Suite struct UnitResumeTests {
    static let source = #"let curves = try notebook.cell("Run the jobs", cached: true) { 0 }"#

    /// 2 jobs × 4 rounds on a tiny synthetic problem, as units of a notebook cell in `folder`.
    fileprivate static func run(_ folder: URL, _ trainings: Trainings) -> (Int32, [LearningCurve]) {
        var curves: [LearningCurve] = []
        let status = Notebook.run(source: source, study: "Demo", arguments: ["--output", folder.path]) { notebook in
            curves = try notebook.cell("Run the jobs", cached: true) { () -> [LearningCurve] in
                var generator = SeededGenerator(seed: 5)
                let pixels = (0..<(40 * 16)).map { _ in generator.nextUnitFloat() }
                let images = LabeledImages(
                    images: Tensor(shape: [40, 4, 4, 1], scalars: pixels), labels: (0..<40).map { $0 % 2 },
                    classNames: ["a", "b"])
                let jobs = ["margin", "random"].map { name in
                    LearnerJob(
                        name: name, rounds: 4, pool: LabelingPool(oracle: images.prefix(32)),
                        initialLabels: { pool in
                            var draw = SeededGenerator(seed: 9)
                            pool.labelRandomly(4, using: &draw)
                        },
                        test: images.subset(32..<40),
                        strategy: name == "margin" ? MarginSampling() as any QueryStrategy : RandomSampling(),
                        configuration: .init(queriesPerRound: 4), generator: SeededGenerator(seed: 3),
                        train: { progress in
                            { set, generator in
                                try trainings.next()
                                let model = try Sequential(
                                    inputShape: [4, 4, 1], layers: [.flatten, .dense(units: 2)], generator: &generator)
                                try model.fit(set, epochs: 3, batchSize: 4, generator: &generator, progress: progress)
                                return model
                            }
                        })
                }
                return try LearnerRun("Jobs", jobs: jobs, modelSaving: .always).run(in: notebook).map(\.state.curve)
            }
        }
        return (status, curves)
    }

    @Test func aRunKilledInsideAJobResumesItAtItsLastRound() {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("unit-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let killed = Trainings()
        killed.failAfter = 6  // job 1 done (4 rounds), job 2 after 2 of its rounds
        #expect(Self.run(scratch.appendingPathComponent("a"), killed).0 == 1)
        let resumed = Trainings()
        // the same output folder: the second run finds the first's stored unit and checkpoint
        let (status, curves) = Self.run(scratch.appendingPathComponent("a"), resumed)
        #expect(status == 0)
        #expect(resumed.value == 2, "only job 2's last two rounds trained again")
        let whole = Self.run(scratch.appendingPathComponent("c"), Trainings()).1
        #expect(curves == whole)
    }
}
