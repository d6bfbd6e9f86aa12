// Speed of the core model library on this machine: training and inference images/s of every
// study's model at the studies' batch sizes, one MNISTBayesianDropout acquisition step (100 Monte
// Carlo dropout passes over 2 000 images) by the fast and the naive path, and raw sgemm GFLOP/s.
// Shapes, batch sizes and steps match PeerBenchmarks/tensorflow_bench.py, whose `result` lines it
// shares; each model is named by the study notebook it belongs to.
// Run: swift run -c release Benchmarks
//
// Modes for profiling (timings only, never asserted). MODEL is FashionMarginAugmentation,
// MNISTEntropySampling or MNISTBayesianDropout:
//   Benchmarks gemm               each GEMM of a FashionMarginAugmentation training step, by thread layout
//   Benchmarks train MODEL SECS   trains MODEL for about SECS seconds (for perf)
//   Benchmarks predict MODEL SECS predicts with MODEL at batch 256 for about SECS seconds
//   Benchmarks round-memory       one full-size FashionMarginAugmentation round (run under /usr/bin/time -v)
//   Benchmarks quick              a shorter run of those three models, to compare builds A/B/A/B
import CBLAS
import Foundation
import Learning

BLASKernels.selectFastest()
let idleSpin = ProcessInfo.processInfo.environment["OPENBLAS_THREAD_TIMEOUT"].map { "2^\($0) cycles" } ?? "OpenBLAS's default"
print("# \(BLASKernels.active), \(BLASKernels.threads) threads, idle threads spin \(idleSpin)")
print("# convolutions: \(DirectConvolution.active)")
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8).split(separator: " ").first {
    print("# load average \(load) before the run: other work on the machine slows every figure")
}

let mnistShape = [28, 28, 1]
var generator = SeededGenerator(seed: 2024)

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "gemm":
    compareGEMMThreading(fashionCNNShapes())
    exit(0)
case "train", "predict":
    let phase = arguments[0]
    let name = arguments.count > 1 ? arguments[1] : "FashionMarginAugmentation"
    let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 20 : 20
    let (model, batch): (Sequential, Int) = switch name {
    case "MNISTEntropySampling": (try StudyModels.mnistCNN(generator: &generator), 32)
    case "MNISTBayesianDropout": (try StudyModels.bayesianCNN(labelledCount: 1_000, generator: &generator), 128)
    default: (try StudyModels.fashionCNN(generator: &generator), 32)
    }
    let start = DispatchTime.now().uptimeNanoseconds
    var rates: [Double] = []
    while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
        rates.append(
            phase == "train"
                ? try trainingRate(model, shape: mnistShape, batchSize: batch, steps: 20, repeats: 1)
                : predictionRate(model, shape: mnistShape, batchSize: 256, count: 2_560, repeats: 1))
    }
    reportRate(name, phase, rates.max() ?? 0, of: model)
    exit(0)
case "quick":
    let fashionCNN = try StudyModels.fashionCNN(generator: &generator)
    reportRate("FashionMarginAugmentation", "train", try trainingRate(fashionCNN, shape: mnistShape, batchSize: 32, steps: 30, repeats: 2), of: fashionCNN)
    reportRate("FashionMarginAugmentation", "predict", predictionRate(fashionCNN, shape: mnistShape, batchSize: 256, count: 2_560, repeats: 2), of: fashionCNN)
    let mnistCNN = try StudyModels.mnistCNN(generator: &generator)
    reportRate("MNISTEntropySampling", "train", try trainingRate(mnistCNN, shape: mnistShape, batchSize: 32, steps: 50, repeats: 2), of: mnistCNN)
    let bayesianCNN = try StudyModels.bayesianCNN(labelledCount: 1_000, generator: &generator)
    reportRate("MNISTBayesianDropout", "train", try trainingRate(bayesianCNN, shape: mnistShape, batchSize: 128, steps: 20, repeats: 2), of: bayesianCNN)
    report("MNISTBayesianDropout", "acquire", acquisitionSeconds(bayesianCNN, path: .reuseDeterministicLayers, repeats: 1), "s")
    exit(0)
case "round-memory":
    try fashionRoundAtFullSize()
    exit(0)
default:
    break
}

let fashionCNN = try StudyModels.fashionCNN(generator: &generator)
reportRate("FashionMarginAugmentation", "train", try trainingRate(fashionCNN, shape: mnistShape, batchSize: 32, steps: 60, repeats: 3), of: fashionCNN)
reportRate("FashionMarginAugmentation", "predict", predictionRate(fashionCNN, shape: mnistShape, batchSize: 256, count: 10_000, repeats: 2), of: fashionCNN)

let mnistCNN = try StudyModels.mnistCNN(generator: &generator)
reportRate("MNISTEntropySampling", "train", try trainingRate(mnistCNN, shape: mnistShape, batchSize: 32, steps: 100, repeats: 3), of: mnistCNN)
reportRate("MNISTEntropySampling", "predict", predictionRate(mnistCNN, shape: mnistShape, batchSize: 256, count: 10_000, repeats: 2), of: mnistCNN)

let bayesianCNN = try StudyModels.bayesianCNN(labelledCount: 1_000, generator: &generator)
reportRate("MNISTBayesianDropout", "train", try trainingRate(bayesianCNN, shape: mnistShape, batchSize: 128, steps: 40, repeats: 3), of: bayesianCNN)
reportRate("MNISTBayesianDropout", "predict", predictionRate(bayesianCNN, shape: mnistShape, batchSize: 256, count: 10_000, repeats: 2), of: bayesianCNN)
report("MNISTBayesianDropout", "acquire", acquisitionSeconds(bayesianCNN, path: .reuseDeterministicLayers, repeats: 3), "s")
// The naive path costs the same for every pass: time 10 of the 100 and scale, to keep this short.
report("MNISTBayesianDropout", "acquire-naive", 10 * acquisitionSeconds(bayesianCNN, path: .fullPasses, passes: 10, repeats: 1), "s")

let cifarCNN = try StudyModels.cifarCNN(generator: &generator)
reportRate("CIFARUncertaintyShare", "train", try trainingRate(cifarCNN, shape: [32, 32, 3], batchSize: 32, steps: 60, repeats: 3), of: cifarCNN)
reportRate("CIFARUncertaintyShare", "predict", predictionRate(cifarCNN, shape: [32, 32, 3], batchSize: 256, count: 10_000, repeats: 2), of: cifarCNN)

let softmax = try StudyModels.softmaxRegression()
reportRate("softmax", "train", try trainingRate(softmax, shape: mnistShape, batchSize: 4_000, steps: 1, repeats: 5), of: softmax)
reportRate("softmax", "predict", predictionRate(softmax, shape: mnistShape, batchSize: 400, count: 400, repeats: 5), of: softmax)

for n in [512, 1024, 2048] {
    let a = [Float](repeating: 0.5, count: n * n), b = a
    var c = [Float](repeating: 0, count: n * n)
    let seconds = bestSeconds(repeats: 5) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n),
                    1, a, Int32(n), b, Int32(n), 0, &c, Int32(n))
    }
    report("sgemm", "n=\(n)", 2 * pow(Double(n), 3) / seconds / 1e9, "GFLOP/s")
}
