import Testing
@testable import Learning

/// A unit of work gives the same bits on any node of a cluster: training and predicting with 1, 2
/// or 3 threads (`BLASKernels.threads`, the one knob every worker reads, set by `withThreads`) must end on identical
/// weights, optimizer state, losses and predictions, bit for bit.
///
/// The model holds every kind of layer and every convolution path this CPU runs: a 1-channel
/// convolution (direct on AVX-512, im2col elsewhere), one forced onto the portable Winograd path
/// (OpenBLAS GEMMs), a 16 → 32 one (the AVX-512 Winograd kernel where present, else im2col), an
/// im2col one (16 filters), BatchNorm, MaxPool, Dropout and Dense layers large enough that
/// OpenBLAS would split their products between threads.
@Suite(.serialized)
struct ThreadCountBitsTests {
    /// Everything a run leaves behind, as bit patterns.
    struct Outcome: Equatable {
        var weights: [[UInt32]]
        var optimizerState: [[UInt32]]
        var iterations: Int
        var losses: [UInt64]
        var predictions: [UInt32]
        var stochasticPredictions: [UInt32]
    }

    static let imageShape = [12, 12, 1]

    static func model() throws -> Sequential {
        var generator = SeededGenerator(seed: 19)
        let model = try Sequential(
            inputShape: imageShape,
            layers: [
                .conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu), .batchNorm(),
                .conv2D(filters: 16, kernelSize: 3, padding: .same, activation: .relu), .maxPool2D(poolSize: 2),
                .dropout(rate: 0.25),
                .conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu), .batchNorm(),
                .conv2D(filters: 16, kernelSize: 3, activation: .relu), .flatten,
                .dense(units: 128, activation: .relu, l2: 1e-3), .dropout(rate: 0.5), .dense(units: 10),
            ],
            optimizer: Adam(learningRate: 1e-3, decay: 1e-6), generator: &generator)
        // 32 → 16 channels by the portable Winograd transforms and OpenBLAS, whatever the CPU.
        (model.kernels[2] as! Conv2D).algorithm = .winograd
        return model
    }

    /// 40 synthetic images: a bright square whose place and size follow the label, plus noise.
    static func data() -> (images: Tensor, labels: [Int]) {
        var generator = SeededGenerator(seed: 7)
        let (count, side) = (40, imageShape[0])
        var pixels = [Float](repeating: 0, count: count * side * side)
        var labels: [Int] = []
        for n in 0..<count {
            let label = n % 10
            labels.append(label)
            let (top, left, size) = (label / 4 * 3, label % 4 * 2, 3 + label % 3)
            for y in 0..<side {
                for x in 0..<side {
                    let inside = y >= top && y < top + size && x >= left && x < left + size
                    let noise = Float(generator.next() >> 40) / Float(1 << 24) - 0.5
                    pixels[(n * side + y) * side + x] = (inside ? 1 : 0) + 0.3 * noise
                }
            }
        }
        return (Tensor(shape: [count] + imageShape, scalars: pixels), labels)
    }

    static func run(threads: Int) throws -> Outcome {
        try BLASKernels.withThreads(threads) { try train() }
    }

    static func train() throws -> Outcome {
        let model = try model()
        let (images, labels) = data()
        var generator = SeededGenerator(seed: 3)
        let history = try model.fit(images, labels: labels, epochs: 2, batchSize: 16, generator: &generator)
        let adam = try #require(model.optimizer as? Adam)
        let stochastic = model.predictStochastic(images, passes: 2, generator: &generator, batchSize: 24)
        return Outcome(
            weights: model.weights.map { $0.scalars.map(\.bitPattern) },
            optimizerState: adam.stateArrays.flatMap { $0 }.map { $0.map(\.bitPattern) },
            iterations: adam.iterations,
            losses: history.loss.map(\.bitPattern),
            predictions: model.predict(images, batchSize: 24).scalars.map(\.bitPattern),
            stochasticPredictions: stochastic.scalars.map(\.bitPattern))
    }

    @Test func trainingAndPredictionGiveTheSameBitsOnOneTwoAndThreeThreads() throws {
        let one = try Self.run(threads: 1)
        #expect(one.iterations == 6)
        #expect(one.optimizerState.count == 2 * (one.weights.count - 4))  // m and v per trainable array; the two BatchNorms' running statistics have none
        for threads in [2, 3] {
            let other = try Self.run(threads: threads)
            #expect(other.iterations == one.iterations)
            let arrays: [(String, [[UInt32]], [[UInt32]])] = [
                ("weight array", one.weights, other.weights), ("Adam state array", one.optimizerState, other.optimizerState),
                ("predictions", [one.predictions], [other.predictions]),
                ("Monte Carlo predictions", [one.stochasticPredictions], [other.stochasticPredictions]),
            ]
            for (name, ones, others) in arrays {
                #expect(ones.map(\.count) == others.map(\.count), "\(name) sizes")
                for (index, (a, b)) in zip(ones, others).enumerated() {
                    let differing = zip(a, b).filter { $0 != $1 }.count
                    #expect(differing == 0, "\(name) \(index): \(differing) of \(a.count) values differ on \(threads) threads")
                }
            }
            #expect(one.losses == other.losses, "epoch losses on \(threads) threads")
        }
    }

    /// Each convolution path alone, on a batch of 20 (chunks of 8, 8 and 4 images): outputs, input
    /// gradients and parameter gradients are the same bits on 1, 2 and 3 threads. 32 → 32
    /// channels take the AVX-512 kernels where the CPU has them; 32 → 16 the portable paths.
    @Test(arguments: [ConvolutionAlgorithm.direct, .winograd, .im2col], [16, 32])
    func eachConvolutionPathGivesTheSameBitsOnOneTwoAndThreeThreads(algorithm: ConvolutionAlgorithm, filters: Int) {
        guard algorithm != .direct || DirectConvolution.handles(outputChannels: filters) else { return }
        let batch = 20
        let layer = ConvolutionTwins.make([9, 8, 32], filters: filters, padding: .same, activation: .relu, l2: 0.01, seed: 5, algorithm: algorithm)
        let input = GradientCheck.randomValues(batch * layer.inputWidth, seed: 6)
        let dy = GradientCheck.randomValues(batch * layer.outputWidth, seed: 7)
        let runs = [1, 2, 3].map { threads in
            BLASKernels.withThreads(threads) {
                ConvolutionTwins.pass(layer, input: input, outputGradient: dy, batch: batch).mapValues { $0.map(\.bitPattern) }
            }
        }
        for name in runs[0].keys.sorted() {
            #expect(runs[1][name] == runs[0][name], "\(name) on 2 threads")
            #expect(runs[2][name] == runs[0][name], "\(name) on 3 threads")
        }
    }

    /// The training test is only as good as its model's reach: each convolution path it means to
    /// cover is the one it runs.
    @Test func theModelRunsEveryConvolutionPathTheCPUHas() throws {
        let convolutions = try Self.model().kernels.compactMap { $0 as? Conv2D }
        let algorithms = convolutions.map(\.algorithm)
        #expect(algorithms[1] == .winograd && algorithms[3] == .im2col)
        if DirectConvolution.isAvailable {
            #expect(algorithms[0] == .direct && algorithms[2] == .winograd)
        } else {
            #expect(algorithms[0] == .im2col && algorithms[2] == .im2col)
        }
    }
}
