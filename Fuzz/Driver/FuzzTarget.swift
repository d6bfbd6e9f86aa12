// The one entry point every fuzz target shares, so a Fuzz/ folder holds only what it checks.
// Under -DFUZZING (scripts/fuzz.sh) it hands the process to libFuzzer's driver; built normally it
// replays the files named on the command line, so a crash file from the fuzzer reruns under the
// debugger: `swift run FuzzDataParsers output/fuzz/FuzzDataParsers/crash-…`.
import Foundation

/// A fuzz target: a type with the checks to run on one input, marked `@main`.
///
/// `exercise` must return normally for every input it is given; a crash, a hang, a failed
/// precondition or a sanitizer report is a finding.
public protocol FuzzTarget {
    /// Runs the target's checks on one input (any bytes, any length).
    static func exercise(_ input: [UInt8])
}

extension FuzzTarget {
    /// The process's entry point: libFuzzer's driver, or the reproducer (see the file header).
    public static func main() throws {
        #if FUZZING
        exercised = exercise
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data, let exercised else { return 0 }
            exercised(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            exercise([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): no crash")
        }
        #endif
    }
}

#if FUZZING
/// The running target's `exercise`: libFuzzer's callback is a C function and cannot capture it.
/// Set once, before the driver starts, and only read after.
nonisolated(unsafe) private var exercised: (([UInt8]) -> Void)?

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
