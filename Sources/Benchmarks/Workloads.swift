import Learning

/// Random images in [0, 1) and random labels of the given shape: speed does not depend on the
/// pixels, and random data keeps the benchmark free of data files.
func randomData(count: Int, shape: [Int], classes: Int = 10, seed: UInt64) -> (images: Tensor, labels: [Int]) {
    var generator = SeededGenerator(seed: seed)
    let size = shape.reduce(1, *)
    let images = Tensor(shape: [count] + shape, scalars: (0..<(count * size)).map { _ in generator.nextUnitFloat() })
    return (images, (0..<count).map { _ in Int(generator.next() % UInt64(classes)) })
}

/// Training speed in images/s: one epoch of `steps` batches of `batchSize`, in order.
func trainingRate(_ model: Sequential, shape: [Int], batchSize: Int, steps: Int, repeats: Int) throws -> Double {
    let data = randomData(count: batchSize * steps, shape: shape, seed: 1)
    var generator = SeededGenerator(seed: 2)
    let seconds = try bestSeconds(repeats: repeats) {
        try model.fit(data.images, labels: data.labels, epochs: 1, batchSize: batchSize, shuffle: false, generator: &generator)
    }
    return Double(batchSize * steps) / seconds
}

/// Inference speed in images/s: `predict` on `count` images, `batchSize` at a time.
func predictionRate(_ model: Sequential, shape: [Int], batchSize: Int, count: Int, repeats: Int) -> Double {
    let images = randomData(count: count, shape: shape, seed: 3).images
    let seconds = bestSeconds(repeats: repeats) { _ = model.predict(images, batchSize: batchSize) }
    return Double(count) / seconds
}

/// Seconds of one MNISTBayesianDropout acquisition step: `passes` Monte Carlo dropout passes over `count`
/// images.
func acquisitionSeconds(
    _ model: Sequential, path: Sequential.MonteCarloPath, passes: Int = 100, count: Int = 2_000, repeats: Int
) -> Double {
    let images = randomData(count: count, shape: [28, 28, 1], seed: 4).images
    var generator = SeededGenerator(seed: 5)
    return bestSeconds(repeats: repeats) {
        _ = model.predictStochastic(images, passes: passes, generator: &generator, batchSize: 256, path: path)
    }
}
