// The learner run on a tiny synthetic problem: the same states whether jobs run one after another
// or side by side, and a run stopped after k rounds resumes at round k and ends where an
// uninterrupted run ends.
import Foundation
import Testing

@testable import StudyKit

/// 48 images of 4×4 pixels, two classes: class 1 is brighter in its top half; noise everywhere.
/// The first 32 form the pool, the last 16 the test set.
private let images: LabeledImages = {
    var generator = SeededGenerator(seed: 7)
    var pixels: [Float] = []
    var labels: [Int] = []
    for index in 0..<48 {
        let label = index % 2
        labels.append(label)
        for pixel in 0..<16 {
            let signal: Float = label == 1 && pixel < 8 ? 0.6 : 0.2
            pixels.append(signal + 0.3 * generator.nextUnitFloat())
        }
    }
    return LabeledImages(images: Tensor(shape: [48, 4, 4, 1], scalars: pixels), labels: labels, classNames: ["dim", "bright"])
}()
private let pool = images.prefix(32)
private let test = images.subset(32..<48)

/// What the per-round hook notes: the accuracy of every round it saw, and how many rounds.
private struct Seen: Codable, Equatable, Sendable {
    var accuracies: [Double] = []
}

/// Counts the models trained, from any thread.
private final class TrainingCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// Two strategies × two experiments, 4 rounds each (round 0 and 3 queries of 4 labels); every
/// model trained is counted in `trainings`.
private func jobs(counting trainings: TrainingCount = TrainingCount()) -> [LearnerJob<Seen>] {
    [(0, "margin", MarginSampling() as any QueryStrategy), (0, "random", RandomSampling()), (1, "margin", MarginSampling()), (1, "random", RandomSampling())].map {
        experiment, name, strategy in
        LearnerJob(
            name: "experiment \(experiment + 1), \(name)", rounds: 4, pool: LabelingPool(oracle: pool),
            initialLabels: { pool in
                var generator = SeededGenerator(seed: 11).split(UInt64(experiment))
                pool.labelRandomly(4, using: &generator)
            },
            test: test, strategy: strategy, configuration: .init(queriesPerRound: 4),
            generator: SeededGenerator(seed: 3).split(UInt64(experiment)),
            train: { progress in
                { set, generator in
                    trainings.add()
                    let model = try Sequential(
                        inputShape: [4, 4, 1], layers: [.flatten, .dense(units: 6, activation: .relu), .dense(units: 2)],
                        generator: &generator)
                    try model.fit(set, epochs: 5, batchSize: 4, generator: &generator, progress: progress)
                    return model
                }
            },
            notes: Seen(),
            afterRound: { round, notes in notes.accuracies.append(round.record.accuracy) })
    }
}

/// The state with every round's wall seconds zeroed and without its saved model (whether a
/// checkpoint keeps the model depends on how long saving took): everything else must match
/// exactly.
private func timeless(_ state: ActiveLearnerState) -> ActiveLearnerState {
    var state = state
    for index in state.rounds.indices { state.rounds[index].seconds = 0 }
    state.model = nil
    return state
}

/// Records what the run tells the bar.
private final class Recorder: ProgressObserver, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var events: [String] = []
    func begin(_ label: String, total: Int) { lock.withLock { events.append("begin \(label) \(total)") } }
    func update(completed: Int, detail: String) { lock.withLock { events.append("update \(completed)") } }
    func end(summary: String) { lock.withLock { events.append("end \(summary)") } }
    func resume(completed: Int) { lock.withLock { events.append("resume \(completed)") } }
}

@Suite(.serialized) struct LearnerRunTests {
    @Test func sequentialAndParallelRunsGiveTheSameStates() throws {
        let sequential = try LearnerRun("Runs", jobs: jobs()).run(checkpoints: MemoryCheckpoints<Seen>(), progress: Recorder())
        let parallel = try LearnerRun("Runs", jobs: jobs(), inParallel: true)
            .run(checkpoints: MemoryCheckpoints<Seen>(), progress: Recorder())
        #expect(sequential.map(\.name) == parallel.map(\.name))
        #expect(sequential.map { timeless($0.state) } == parallel.map { timeless($0.state) })
        #expect(sequential.map(\.notes) == parallel.map(\.notes))
        #expect(sequential.allSatisfy { $0.state.round == 4 && $0.state.curve.points.map(\.labels) == [4, 8, 12, 16] })
        #expect(sequential.allSatisfy { $0.notes.accuracies == $0.state.curve.points.map(\.accuracy) })
        // the experiments differ, and the strategies within one
        #expect(timeless(sequential[0].state) != timeless(sequential[2].state))
        #expect(sequential[0].state.rounds[1].queried != sequential[1].state.rounds[1].queried)
    }

    @Test(arguments: [false, true])
    func aStoppedRunResumesAtTheRoundItReachedAndEndsTheSame(inParallel: Bool) throws {
        let whole = try LearnerRun("Runs", jobs: jobs(), inParallel: inParallel)
            .run(checkpoints: MemoryCheckpoints<Seen>(), progress: Recorder())
        // killed at the 6th save: sequentially, job 0 done (4 rounds) and job 1 at round 2
        let checkpoints = MemoryCheckpoints<Seen>(stopAfterSaves: 6)
        #expect(throws: MemoryCheckpoints<Seen>.Stopped.self) {
            try LearnerRun("Runs", jobs: jobs(), inParallel: inParallel).run(checkpoints: checkpoints, progress: Recorder())
        }
        let reached = (0..<4).map { checkpoints.restore(job: $0)?.state.round ?? 0 }
        #expect(reached.reduce(0, +) >= 6)
        if !inParallel { #expect(reached == [4, 2, 0, 0]) }
        checkpoints.stopAfterSaves = nil
        let recorder = Recorder()
        let resumed = try LearnerRun("Runs", jobs: jobs(), inParallel: inParallel).run(checkpoints: checkpoints, progress: recorder)
        #expect(resumed.map { timeless($0.state) } == whole.map { timeless($0.state) })
        #expect(resumed.map(\.notes) == whole.map(\.notes))
        // seconds add up over both processes: at least the rounds' own wall seconds
        for (job, finished) in resumed.enumerated() {
            #expect(finished.seconds >= finished.state.rounds.map(\.seconds).reduce(0, +) * 0.99, "job \(job)")
        }
        // the bar counted the restored rounds as done by an earlier process
        if inParallel {
            #expect(recorder.events.prefix(2) == ["begin Runs 16", "resume \(reached.reduce(0, +))"])
        } else {
            #expect(recorder.events.contains("resume 2"))
            #expect(recorder.events.filter { $0.hasPrefix("begin experiment") }.count == 4)
        }
    }

    @Test func aResumedRunNeverTrainsTheModelOfARoundItRestored() throws {
        let trainings = TrainingCount()
        let checkpoints = MemoryCheckpoints<Seen>(stopAfterSaves: 6)
        #expect(throws: MemoryCheckpoints<Seen>.Stopped.self) {
            try LearnerRun("Runs", jobs: jobs(counting: trainings), modelSaving: .always)
                .run(checkpoints: checkpoints, progress: Recorder())
        }
        #expect(trainings.value == 6)  // job 1 stopped after its round 1, its model saved with the state
        checkpoints.stopAfterSaves = nil
        let resumed = try LearnerRun("Runs", jobs: jobs(counting: trainings), modelSaving: .always)
            .run(checkpoints: checkpoints, progress: Recorder())
        #expect(trainings.value == 16, "4 jobs × 4 rounds, none trained twice")
        // the restored models go on to the same bits as a run that was never stopped
        let whole = try LearnerRun("Runs", jobs: jobs(), modelSaving: .always)
            .run(checkpoints: MemoryCheckpoints<Seen>(), progress: Recorder())
        #expect(resumed.map(\.state.model) == whole.map(\.state.model))
        #expect(resumed.allSatisfy { $0.state.model != nil })
    }

    @Test func aFinishedJobIsNotRunAgain() throws {
        let checkpoints = MemoryCheckpoints<Seen>()
        let first = try LearnerRun("Runs", jobs: jobs()).run(checkpoints: checkpoints, progress: Recorder())
        let recorder = Recorder()
        let again = try LearnerRun("Runs", jobs: jobs()).run(checkpoints: checkpoints, progress: recorder)
        #expect(again.map { timeless($0.state) } == first.map { timeless($0.state) })
        #expect(again.map(\.seconds) == first.map(\.seconds))
        #expect(!recorder.events.contains { $0.hasPrefix("begin Round") || $0.hasPrefix("begin Epochs") })
    }

    @Test func theHookSeesEachRoundsThreadCPUSeconds() throws {
        var job = jobs()[0]
        // the notes' list holds each round's CPU seconds here
        job.afterRound = { round, notes in notes.accuracies.append(round.cpuSeconds) }
        let finished = try LearnerRun("Runs", jobs: [job]).run(checkpoints: MemoryCheckpoints<Seen>(), progress: Recorder())
        let cpu = finished[0].notes.accuracies
        #expect(cpu.count == 4)
        for (seconds, round) in zip(cpu, finished[0].state.rounds) {
            #expect(seconds > 0 && seconds <= round.seconds + 0.01, "round \(round.round): \(seconds) s CPU, \(round.seconds) s wall")
        }
    }

    @Test func theBarOnlyWrapperDropsSummariesButKeepsTheBar() {
        let recorder = Recorder()
        let quiet = recorder.barOnly
        quiet.begin("Epochs", total: 3)
        quiet.update(completed: 1, detail: "loss 0.3")
        quiet.resume(completed: 2)
        quiet.end(summary: "trained 3 epochs")
        #expect(recorder.events == ["begin Epochs 3", "update 1", "resume 2", "end "])
    }

    @Test func theStopwatchCountsWallAndThreadCPUSeconds() {
        let stopwatch = Stopwatch()
        var sum = 0.0
        for index in 0..<3_000_000 { sum += Double(index).squareRoot() }
        #expect(sum > 0)
        #expect(stopwatch.cpuSeconds > 0 && stopwatch.wallSeconds > 0)
        #expect(stopwatch.cpuSeconds <= stopwatch.wallSeconds + 0.01)
    }
}
