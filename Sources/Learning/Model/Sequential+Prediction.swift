/// Using a trained model: class probabilities, loss and accuracy on a labelled set, and the
/// activations of any layer (the penultimate layer's are the features diversity sampling reads).
/// All of it runs in inference mode (dropout off, BatchNorm on running statistics), a batch at a
/// time, reading the images in place.
extension Sequential: Classifier {
    /// Class probabilities [N, classes] (rows sum to 1) for `images` [N] + inputShape, predicted
    /// 256 at a time.
    public func predict(_ images: Tensor) -> Tensor {
        predict(images, batchSize: 256)
    }

    /// Class probabilities [N, classes] for `images` [N] + inputShape, `batchSize` at a time.
    public func predict(_ images: Tensor, batchSize: Int) -> Tensor {
        requireImages(images, batchSize: batchSize)
        var probabilities = [Float](repeating: 0, count: images.rows * classCount)
        var unused = SeededGenerator(seed: 0)
        probabilities.withUnsafeMutableBufferPointer { out in
            forEachBatch(of: images, batchSize: batchSize) { input, rows in
                let logits = forward(input, batch: rows.count, layers: kernels.indices, mode: .inference, generator: &unused)
                SoftmaxCrossEntropy.softmax(
                    logits.baseAddress!, rows: rows.count, classes: classCount,
                    into: out.baseAddress! + rows.lowerBound * classCount)
            }
        }
        return Tensor(shape: [images.rows, classCount], scalars: probabilities)
    }

    /// The mean loss (cross-entropy plus the L2 terms, as Keras reports it) and the accuracy in
    /// [0, 1] on `images` [N] + inputShape with class indices `labels` [N]. Throws `ModelError`
    /// when the shapes or labels do not fit the model.
    public func evaluate(_ images: Tensor, labels: [Int], batchSize: Int = 256) throws(ModelError) -> Evaluation {
        try check(images, labels: labels)
        guard batchSize > 0 else { throw .invalidArgument(name: "batchSize", value: "\(batchSize)", expected: "> 0") }
        return evaluateChecked(images, labels: labels, batchSize: batchSize)
    }

    /// `evaluate` on a labelled set.
    public func evaluate(_ data: LabeledImages, batchSize: Int = 256) throws(ModelError) -> Evaluation {
        try evaluate(data.images, labels: data.labels, batchSize: batchSize)
    }

    /// The outputs of layer `index` ([N] + outputShapes[index]) for `images` [N] + inputShape,
    /// in inference mode.
    public func activations(of index: Int, for images: Tensor, batchSize: Int = 256) -> Tensor {
        precondition(layers.indices.contains(index), "layer \(index) outside 0..<\(layers.count)")
        requireImages(images, batchSize: batchSize)
        let width = outputShapes[index].reduce(1, *)
        var values = [Float](repeating: 0, count: images.rows * width)
        var unused = SeededGenerator(seed: 0)
        values.withUnsafeMutableBufferPointer { out in
            forEachBatch(of: images, batchSize: batchSize) { input, rows in
                let result = forward(input, batch: rows.count, layers: 0..<(index + 1), mode: .inference, generator: &unused)
                (out.baseAddress! + rows.lowerBound * width).update(from: result.baseAddress!, count: result.count)
            }
        }
        return Tensor(shape: [images.rows] + outputShapes[index], scalars: values)
    }

    /// The inputs of the last layer [N, features] for `images`: the learned representation the
    /// classifier reads (the CIFARUncertaintyShare study's diversity sampling clusters these).
    public func penultimateFeatures(_ images: Tensor, batchSize: Int = 256) -> Tensor {
        precondition(layers.count >= 2, "a one-layer model has no penultimate layer")
        let features = activations(of: layers.count - 2, for: images, batchSize: batchSize)
        return features.reshaped([images.rows, features.elementsPerRow])
    }

    /// Loss and accuracy for inputs `check` has accepted.
    func evaluateChecked(_ images: Tensor, labels: [Int], batchSize: Int) -> Evaluation {
        guard images.rows > 0 else { return Evaluation(loss: 0, accuracy: 0) }
        var (lossSum, correct) = (0.0, 0)
        var unused = SeededGenerator(seed: 0)
        labels.withUnsafeBufferPointer { labels in
            forEachBatch(of: images, batchSize: batchSize) { input, rows in
                let logits = forward(input, batch: rows.count, layers: kernels.indices, mode: .inference, generator: &unused)
                let result = SoftmaxCrossEntropy.loss(
                    logits.baseAddress!, labels: labels.baseAddress! + rows.lowerBound, rows: rows.count,
                    classes: classCount, gradient: nil)
                lossSum += result.loss
                correct += result.correct
            }
        }
        return Evaluation(
            loss: lossSum / Double(images.rows) + regularizationLoss, accuracy: Double(correct) / Double(images.rows))
    }

    /// Calls `body` with each run of `batchSize` images (the last may be shorter), read in place
    /// from `images`, and the rows it covers.
    func forEachBatch(of images: Tensor, batchSize: Int, _ body: (UnsafeBufferPointer<Float>, Range<Int>) -> Void) {
        let width = images.elementsPerRow
        images.scalars.withUnsafeBufferPointer { all in
            for start in stride(from: 0, to: images.rows, by: batchSize) {
                let rows = start..<min(images.rows, start + batchSize)
                body(UnsafeBufferPointer(rebasing: all[(rows.lowerBound * width)..<(rows.upperBound * width)]), rows)
            }
        }
    }

    /// Stops with the offending shape when `images` is not [N] + inputShape (a programmer's
    /// mistake here: `predict` cannot throw).
    func requireImages(_ images: Tensor, batchSize: Int) {
        precondition(batchSize > 0, "batch size must be positive, got \(batchSize)")
        precondition(images.rank == inputShape.count + 1 && Array(images.shape.dropFirst()) == inputShape,
                     "images of shape \(images.shape) do not fit a model of input shape \(inputShape)")
    }
}
