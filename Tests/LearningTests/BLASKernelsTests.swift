// What a process changes about OpenBLAS before it loads: the kernels for this CPU, idle threads
// that sleep instead of spinning, the user's own choices kept, and never a second re-execution.
import Testing

@testable import Learning

@Suite struct BLASKernelsTests {
    @Test func aHaswellPinnedEnvironmentOnAnAVX512MachineGetsSkylakeXAndASleepingIdleThread() {
        let changes = BLASKernels.environmentChanges(["OPENBLAS_CORETYPE": "Haswell"], cpuHasAVX512: true)
        #expect(changes == ["OPENBLAS_CORETYPE": "SkylakeX", "OPENBLAS_THREAD_TIMEOUT": "12"])
    }

    @Test func theUsersThreadTimeoutAndCoreTypeAreKept() {
        let environment = ["OPENBLAS_THREAD_TIMEOUT": "28", "ACTIVE_LEARNING_BLAS_CORETYPE": "Haswell", "OPENBLAS_CORETYPE": "Haswell"]
        #expect(BLASKernels.environmentChanges(environment, cpuHasAVX512: true).isEmpty)
    }

    @Test func autoLetsOpenBLASDetectByRemovingThePin() {
        let environment = ["ACTIVE_LEARNING_BLAS_CORETYPE": "auto", "OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_THREAD_TIMEOUT": "12"]
        let changes = BLASKernels.environmentChanges(environment, cpuHasAVX512: true)
        #expect(changes.count == 1)
        #expect(changes["OPENBLAS_CORETYPE"] == .some(nil))
    }

    @Test func withoutAVX512OnlyTheTimeoutIsSet() {
        #expect(BLASKernels.environmentChanges([:], cpuHasAVX512: false) == ["OPENBLAS_THREAD_TIMEOUT": "12"])
    }

    @Test func aReexecutedProcessNeverChangesAnythingAgain() {
        let environment = ["ACTIVE_LEARNING_BLAS_REEXEC": "1", "OPENBLAS_CORETYPE": "Haswell"]
        #expect(BLASKernels.environmentChanges(environment, cpuHasAVX512: true).isEmpty)
    }
}
