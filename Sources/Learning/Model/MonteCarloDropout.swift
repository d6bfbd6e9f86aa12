/// Monte Carlo dropout (Gal & Ghahramani 2016): many forward passes with dropout left on, each a
/// sample of the model's predictive distribution, which the Bayesian acquisition functions read.
///
/// The layers before the first Dropout draw nothing, so every pass computes the same values there.
/// The fast path runs that deterministic trunk once per batch of images and only the layers from
/// the first Dropout on `passes` times; the naive path reruns the whole model every pass. Both
/// visit (batch, pass) in the same order and draw the masks in the same order, so for the same
/// generator they give the same numbers.
extension Sequential: StochasticClassifier {
    /// How `predictStochastic` runs its passes.
    public enum MonteCarloPath: String, Codable, Sendable {
        /// The deterministic layers once per batch, the rest once per pass.
        case reuseDeterministicLayers
        /// Every layer every pass: the obvious reference.
        case fullPasses
    }

    /// Class probabilities [passes, N, classes] for `images` [N] + inputShape: `passes` forward
    /// passes with dropout on (BatchNorm on its running statistics), masks drawn from `generator`.
    public func predictStochastic(_ images: Tensor, passes: Int, generator: inout SeededGenerator) -> Tensor {
        predictStochastic(images, passes: passes, generator: &generator, batchSize: 256)
    }

    /// `predictStochastic` with a choice of batch size, path and a progress observer told about
    /// each batch of images (all of its passes done).
    public func predictStochastic(
        _ images: Tensor, passes: Int, generator: inout SeededGenerator, batchSize: Int,
        path: MonteCarloPath = .reuseDeterministicLayers, progress: (any ProgressObserver)? = nil
    ) -> Tensor {
        precondition(passes >= 1, "Monte Carlo dropout needs at least one pass, got \(passes)")
        requireImages(images, batchSize: batchSize)
        let (count, classes) = (images.rows, classCount)
        let trunkEnd = path == .reuseDeterministicLayers ? (firstStochasticLayer ?? kernels.count) : 0
        var probabilities = [Float](repeating: 0, count: passes * count * classes)
        var unused = SeededGenerator(seed: 0)
        progress?.begin("Monte Carlo dropout, \(passes) passes", total: count)
        probabilities.withUnsafeMutableBufferPointer { out in
            forEachBatch(of: images, batchSize: batchSize) { input, rows in
                let trunk = forward(input, batch: rows.count, layers: 0..<trunkEnd, mode: .inference, generator: &unused)
                for pass in 0..<passes {
                    let logits = forward(
                        trunk, batch: rows.count, layers: trunkEnd..<kernels.count, mode: .monteCarlo, generator: &generator)
                    SoftmaxCrossEntropy.softmax(
                        logits.baseAddress!, rows: rows.count, classes: classes,
                        into: out.baseAddress! + (pass * count + rows.lowerBound) * classes)
                }
                progress?.update(completed: rows.upperBound, detail: "")
            }
        }
        progress?.end(summary: "")
        return Tensor(shape: [passes, count, classes], scalars: probabilities)
    }
}
