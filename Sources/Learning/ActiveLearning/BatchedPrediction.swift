// Predicting a large image set a slice at a time, so that scoring 60 000 pool images or a 10 000
// image test set never needs one huge activation tensor.

extension Classifier {
    /// Class probabilities `[N, C]` for `images: [N, H, W, C]`, predicted `batchSize` images at a
    /// time and stacked in order.
    public func predictInBatches(_ images: Tensor, batchSize: Int = 1000) -> Tensor {
        precondition(batchSize > 0, "batch size must be positive, got \(batchSize)")
        guard images.rows > batchSize else { return predict(images) }
        let parts = stride(from: 0, to: images.rows, by: batchSize).map { start in
            predict(images.slicing(rows: start..<min(start + batchSize, images.rows)))
        }
        return Tensor.concatenating(parts)
    }
}

extension StochasticClassifier {
    /// Monte Carlo dropout probabilities `[passes, N, C]` for `images: [N, H, W, C]`, sampled
    /// `batchSize` images at a time (every image still gets `passes` passes of its own masks).
    public func predictStochasticInBatches(
        _ images: Tensor, passes: Int, batchSize: Int = 1000, generator: inout SeededGenerator
    ) -> Tensor {
        precondition(batchSize > 0, "batch size must be positive, got \(batchSize)")
        guard images.rows > batchSize else {
            return predictStochastic(images, passes: passes, generator: &generator)
        }
        var parts: [Tensor] = []
        for start in stride(from: 0, to: images.rows, by: batchSize) {
            let batch = images.slicing(rows: start..<min(start + batchSize, images.rows))
            parts.append(predictStochastic(batch, passes: passes, generator: &generator))
        }
        return Self.stackAlongRows(parts, passes: passes)
    }

    /// Joins `[passes, n_i, C]` parts into `[passes, Σ n_i, C]`.
    private static func stackAlongRows(_ parts: [Tensor], passes: Int) -> Tensor {
        let classes = parts.first?.shape.last ?? 0
        let rows = parts.reduce(0) { $0 + $1.shape[1] }
        var scalars: [Float] = []
        scalars.reserveCapacity(passes * rows * classes)
        for pass in 0..<passes {
            for part in parts {
                let width = part.shape[1] * classes
                scalars += part.scalars[(pass * width)..<((pass + 1) * width)]
            }
        }
        return Tensor(shape: [passes, rows, classes], scalars: scalars)
    }
}
