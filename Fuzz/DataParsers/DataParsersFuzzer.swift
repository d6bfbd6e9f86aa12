// libFuzzer target for the data loaders: every input is tried as a (possibly gzipped) IDX images
// file, an IDX labels file and a CIFAR-10 batch. Any outcome but a value or a DataError (a crash,
// a hang, a sanitizer report) is a finding. scripts/fuzz.sh builds and runs it.
//
// Built normally (without -DFUZZING) it is a reproducer instead: it runs the same checks on the
// files named on its command line, so a crash file from the fuzzer replays under the debugger.
import Foundation
import Learning

func exercise(_ input: [UInt8]) {
    guard let bytes = try? IDX.inflate(input, path: "fuzz-input", fix: "") else { return }
    _ = try? IDX.decodeImages(bytes, path: "fuzz-input", fix: "")
    _ = try? IDX.decodeLabels(bytes, classes: 10, path: "fuzz-input", fix: "")
    _ = try? CIFAR10.decodeBatch(bytes, path: "fuzz-input")
}

#if FUZZING
/// SwiftPM links an executable's entry point as `<module>_main`; under the fuzzer it hands over
/// to libFuzzer's driver, which parses the fuzzer's flags and calls `exercise` per input.
@_cdecl("FuzzDataParsers_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        exercise(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#else
@main
struct DataParsersReproducer {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            exercise([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            print("\(path): no crash")
        }
    }
}
#endif
