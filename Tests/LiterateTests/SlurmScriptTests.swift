// The sbatch scripts `--slurm N` writes, compared with literal scripts: the defaults, a site's
// partition, time limit and extra options, and paths with spaces and quotes; and the flags the
// jobs pass on.
import Testing

@testable import Literate

@Suite struct SlurmScriptTests {
    static let tour = SlurmJobs(
        study: "Tour", profile: .quick, executable: "/work/p/.build/release/Tour",
        arguments: ["--profile", "quick", "--slurm", "2", "--output", "/data/out"], output: "/data/out",
        studyFolder: "/data/out/Tour/quick", shards: 2)

    @Test func defaultsGiveTwoCPUsPerTaskAndTheShardCountWrittenOut() {
        let jobs = Self.tour
        #expect(jobs.arrayScriptPath == "/data/out/Tour/quick/slurm/Tour-quick.sbatch")
        #expect(jobs.mergeScriptPath == "/data/out/Tour/quick/slurm/Tour-quick-merge.sbatch")
        #expect(
            jobs.arrayScript == """
                #!/bin/bash
                # Tour, profile quick: array task i computes shard i of 2 of the long cells' units.
                # Submitted by `Tour --slurm 2` with its merge job; to rerun task i alone:
                #   sbatch --array=i /data/out/Tour/quick/slurm/Tour-quick.sbatch
                #SBATCH --job-name=Tour-quick
                #SBATCH --array=0-1
                #SBATCH --cpus-per-task=2
                #SBATCH --output=/data/out/Tour/quick/slurm/Tour-quick-%A_%a.out
                #SBATCH --error=/data/out/Tour/quick/slurm/Tour-quick-%A_%a.err
                # Each node chooses its own BLAS kernels (not the submitting machine's), and BLAS uses the CPUs Slurm gave.
                unset ACTIVE_LEARNING_BLAS_REEXEC
                export OPENBLAS_NUM_THREADS="${SLURM_CPUS_PER_TASK:-2}"
                exec /work/p/.build/release/Tour --profile quick --output /data/out --shard "${SLURM_ARRAY_TASK_ID}/2"

                """)
        #expect(
            jobs.mergeScript == """
                #!/bin/bash
                # Tour, profile quick: the merge after the 2 array tasks of Tour-quick.sbatch.
                # Submitted with --dependency=afterok:<array job id>; run alone, it computes what is missing.
                #SBATCH --job-name=Tour-quick-merge
                #SBATCH --kill-on-invalid-dep=yes
                #SBATCH --cpus-per-task=2
                #SBATCH --output=/data/out/Tour/quick/slurm/Tour-quick-merge-%j.out
                #SBATCH --error=/data/out/Tour/quick/slurm/Tour-quick-merge-%j.err
                # Each node chooses its own BLAS kernels (not the submitting machine's), and BLAS uses the CPUs Slurm gave.
                unset ACTIVE_LEARNING_BLAS_REEXEC
                export OPENBLAS_NUM_THREADS="${SLURM_CPUS_PER_TASK:-2}"
                exec /work/p/.build/release/Tour --profile quick --output /data/out

                """)
    }

    @Test func aSitesPartitionTimeCPUsAndOptionsBecomeDirectives() {
        var jobs = Self.tour
        jobs.arguments = [
            "--profile", "quick", "--slurm=16", "--slurm-partition", "main", "--slurm-time", "1:00:00",
            "--slurm-option=--account=lab", "--slurm-option", "--qos=long", "--slurm-cpus", "8", "--seed", "7",
        ]
        jobs.shards = 16
        jobs.cpus = 8
        jobs.partition = "main"
        jobs.time = "1:00:00"
        jobs.extraOptions = ["--account=lab", "--qos=long"]
        #expect(
            jobs.arrayScript == """
                #!/bin/bash
                # Tour, profile quick: array task i computes shard i of 16 of the long cells' units.
                # Submitted by `Tour --slurm 16` with its merge job; to rerun task i alone:
                #   sbatch --array=i /data/out/Tour/quick/slurm/Tour-quick.sbatch
                #SBATCH --job-name=Tour-quick
                #SBATCH --array=0-15
                #SBATCH --cpus-per-task=8
                #SBATCH --partition=main
                #SBATCH --time=1:00:00
                #SBATCH --account=lab
                #SBATCH --qos=long
                #SBATCH --output=/data/out/Tour/quick/slurm/Tour-quick-%A_%a.out
                #SBATCH --error=/data/out/Tour/quick/slurm/Tour-quick-%A_%a.err
                # Each node chooses its own BLAS kernels (not the submitting machine's), and BLAS uses the CPUs Slurm gave.
                unset ACTIVE_LEARNING_BLAS_REEXEC
                export OPENBLAS_NUM_THREADS="${SLURM_CPUS_PER_TASK:-8}"
                exec /work/p/.build/release/Tour --profile quick --seed 7 --output /data/out --shard "${SLURM_ARRAY_TASK_ID}/16"

                """)
    }

    @Test func pathsWithSpacesQuotesAndHashesAreQuotedForBashAndForSbatch() {
        var jobs = Self.tour
        jobs.executable = "/home/ann/my study/.build/release/Tour"
        jobs.output = "/shared/it's #1/out"
        jobs.studyFolder = "/shared/it's #1/out/Tour/quick"
        jobs.arguments = ["--profile", "quick", "--data", "/shared/data sets", "--slurm", "2", "--fresh"]
        #expect(
            jobs.arrayScript == ##"""
                #!/bin/bash
                # Tour, profile quick: array task i computes shard i of 2 of the long cells' units.
                # Submitted by `Tour --slurm 2` with its merge job; to rerun task i alone:
                #   sbatch --array=i '/shared/it'\''s #1/out/Tour/quick/slurm/Tour-quick.sbatch'
                #SBATCH --job-name=Tour-quick
                #SBATCH --array=0-1
                #SBATCH --cpus-per-task=2
                #SBATCH --output="/shared/it's \#1/out/Tour/quick/slurm/Tour-quick-%A_%a.out"
                #SBATCH --error="/shared/it's \#1/out/Tour/quick/slurm/Tour-quick-%A_%a.err"
                # Each node chooses its own BLAS kernels (not the submitting machine's), and BLAS uses the CPUs Slurm gave.
                unset ACTIVE_LEARNING_BLAS_REEXEC
                export OPENBLAS_NUM_THREADS="${SLURM_CPUS_PER_TASK:-2}"
                exec '/home/ann/my study/.build/release/Tour' --profile quick --data '/shared/data sets' --fresh --output '/shared/it'\''s #1/out' --shard "${SLURM_ARRAY_TASK_ID}/2"

                """##)
        // The merge keeps every flag but --fresh, which would recompute what the tasks stored.
        #expect(
            jobs.mergeScript.hasSuffix(
                #"exec '/home/ann/my study/.build/release/Tour' --profile quick --data '/shared/data sets' --output '/shared/it'\''s #1/out'"#
                    + "\n"))
    }

    @Test func passedOnFlagsDropEverySubmissionFlagInBothSpellings() {
        let cases: [(arguments: [String], merge: Bool, expected: [String])] = [
            ([], false, ["--output", "/o"]),
            (["--slurm", "4", "--seed", "3"], false, ["--seed", "3", "--output", "/o"]),
            (["--slurm=4", "--output=/x", "--trials", "2"], false, ["--trials", "2", "--output", "/o"]),
            (["--slurm-option", "--account=lab", "--slurm-status", "--fresh"], false, ["--fresh", "--output", "/o"]),
            (["--fresh", "--slurm-cpus=4", "--slurm-time", "2:00", "--slurm-partition=p"], true, ["--output", "/o"]),
        ]
        for (arguments, merge, expected) in cases {
            #expect(SlurmArguments.passedOn(arguments, output: "/o", merge: merge) == expected, "\(arguments)")
        }
    }

    @Test func scriptsNeedAShardAndAbsolutePaths() {
        var jobs = Self.tour
        jobs.shards = 0
        #expect(throws: SlurmJobs.Problem.noShards(0)) { try jobs.check() }
        jobs = Self.tour
        jobs.output = "out"
        #expect(throws: SlurmJobs.Problem.relativePath(flag: "--output", path: "out")) { try jobs.check() }
        #expect(throws: Never.self) { try Self.tour.check() }
    }
}
