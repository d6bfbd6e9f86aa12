// libFuzzer target for the data loaders: every input is tried as a (possibly gzipped) IDX images
// file, an IDX labels file, a CIFAR-10 batch and a CSV of digits (2×2 images, to keep lines short). Any outcome but a value or a DataError (a crash,
// a hang, a sanitizer report) is a finding. scripts/fuzz.sh builds and runs it; built normally it
// replays the files named on its command line (Fuzz/Driver).
import FuzzDriver
import Learning

@main
enum DataParsersFuzzer: FuzzTarget {
    static func exercise(_ input: [UInt8]) {
        guard let bytes = try? IDX.inflate(input, path: "fuzz-input", howToFix: "") else { return }
        _ = try? IDX.decodeImages(bytes, path: "fuzz-input", howToFix: "")
        _ = try? IDX.decodeLabels(bytes, classes: 10, path: "fuzz-input", howToFix: "")
        _ = try? CIFAR10.decodeBatch(bytes, path: "fuzz-input")
        _ = try? DigitsCSV.decode(bytes, height: 2, width: 2, path: "fuzz-input", howToFix: "")
    }
}
