// `--slurm-status` reads a unit store as the units runtime lays it out: a manifest per long
// cell, a result file per finished unit, a lock per unit at work. Here a scratch store with one
// unit of each kind (done, running here, running elsewhere, stale, missing) and the text printed.
import Foundation
import Testing

@testable import Literate

@Suite struct SlurmStatusTests {
    private func write(_ json: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: url)
    }

    @Test func theStatusSaysWhichUnitsAreDoneRunningAndMissing() throws {
        let scratch = ScratchFolder()
        let study = scratch.url.appendingPathComponent("Demo/quick")
        let cell = ".cache/units/3f2a"
        try write(
            #"{"cell": "Compare strategies", "units": ["random-0", "random-1", "margin-0", "margin-1", "entropy-0", "entropy-1"], "writtenAt": 1700000000}"#,
            "\(cell)/manifest.json", in: study)
        try write(
            #"{"name": "random-0", "host": "node1", "pid": 11, "shard": "0/2", "slurmJobID": "57_0", "wallSeconds": 12.25, "cpuSeconds": 23.5, "finishedAt": 1700000100}"#,
            "\(cell)/random-0.json", in: study)
        try write(
            #"{"name": "random-1", "host": "here", "pid": 12, "wallSeconds": 75, "cpuSeconds": 140, "finishedAt": 1700000200, "slurmJobID": "58"}"#,
            "\(cell)/random-1.json", in: study)
        try write(#"{"host": "here", "pid": 100, "shard": "1/2", "slurmJobID": "57_1", "startedAt": 1700000300}"#, "\(cell)/\(UnitFiles.stem(of: "margin-0")).lock", in: study)
        try write(#"{"host": "node2", "pid": 101, "shard": "0/2", "startedAt": 1700000310}"#, "\(cell)/\(UnitFiles.stem(of: "margin-1")).lock", in: study)
        try write(#"{"host": "here", "pid": 102, "startedAt": 1700000000}"#, "\(cell)/\(UnitFiles.stem(of: "entropy-0")).lock", in: study)
        try write(#"{"host": "here", "pid": 103, "startedAt": 1700000000}"#, "\(cell)/old-unit.lock", in: study)
        try write("{torn", "\(cell)/entropy-1.json", in: study)

        let snapshot = UnitStoreSnapshot.read(studyFolder: study, host: "here", isAlive: { $0 == 100 })
        #expect(snapshot.cells.count == 1)
        #expect(snapshot.cells.first?.units.map(\.name) == ["random-0", "random-1", "margin-0", "margin-1", "entropy-0", "entropy-1"])

        let jobs = SlurmJob.parse(
            scontrol: """
                JobId=57 ArrayJobId=57 ArrayTaskId=1 JobName=Demo-quick UserId=root(0) JobState=RUNNING Reason=None ExitCode=0:0 RunTime=00:00:20
                JobId=59 JobName=Demo-quick-merge JobState=PENDING Reason=Dependency ExitCode=0:0 RunTime=00:00:00
                JobId=60 JobName=other JobState=RUNNING Reason=None
                """
        ).filter { $0.name.hasPrefix("Demo") }
        let text = SlurmStatusText.make(study: "Demo", snapshot: snapshot, jobs: jobs, now: 1700000330)
        #expect(
            text == """
                Compare strategies: 2 of 6 units done, 2 running, 2 missing
                  done     random-0: host node1, shard 0/2, Slurm job 57_0, 12.2 s wall, 23.5 s CPU
                  done     random-1: host here, Slurm job 58, 1.2 min wall, 2.3 min CPU
                  running  margin-0: host here, pid 100, shard 1/2, Slurm job 57_1, for 30.0 s
                  running  margin-1: host node2, pid 101, shard 0/2, for 20.0 s (on another host: not checked from here)
                  missing  entropy-0: stale lock of host here, pid 102, which is no longer running; the next run takes it over
                  missing  entropy-1
                  lock     old-unit.lock, of no listed unit: host here, pid 103
                unreadable: \(study.path)/\(cell)/entropy-1.json
                Slurm jobs:
                  57_1 Demo-quick RUNNING, run time 00:00:20
                  59 Demo-quick-merge PENDING, run time 00:00:00, reason Dependency

                """)
    }

    @Test func anEmptyStoreAndNoSlurmAreSaidPlainly() {
        let scratch = ScratchFolder()
        let snapshot = UnitStoreSnapshot.read(studyFolder: scratch.url)
        #expect(
            SlurmStatusText.make(study: "Demo", snapshot: snapshot, jobs: nil, now: 0) == """
                Demo: no units stored under \(scratch.url.path)/.cache/units yet (no long cell has started, or this notebook has none)
                Slurm: scontrol and squeue are not installed or the controller does not answer

                """)
    }

    @Test func pendingArrayTasksAndSqueueLinesAreRead() {
        #expect(
            SlurmJob.parse(scontrol: "JobId=70 ArrayJobId=70 ArrayTaskId=0-3 JobName=T-quick JobState=PENDING Reason=Priority")
                == [SlurmJob(id: "70_[0-3]", name: "T-quick", state: "PENDING", reason: "Priority", runTime: nil, exitCode: nil)])
        #expect(
            SlurmJob.parse(squeue: "71_2|T-quick|RUNNING|0:05|None\nnot a line")
                == [SlurmJob(id: "71_2", name: "T-quick", state: "RUNNING", reason: "None", runTime: "0:05", exitCode: nil)])
    }
}
