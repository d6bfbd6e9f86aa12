import Foundation

/// `fit`: Keras's training loop — epochs of shuffled mini-batches, a validation split taken from
/// the end of the arrays, early stopping, and progress for a person watching.
extension Sequential {
    /// Trains the model in place on `images` [N] + inputShape with class indices `labels` [N] and
    /// returns the per-epoch metrics.
    ///
    /// - `validationSplit`: the fraction in [0, 1) of the images held out for validation, taken
    ///   from the end of the arrays before any shuffling (as Keras's `validation_split`); or
    ///   `validationData`, a separate set (not both).
    /// - `earlyStopping`: stop when its metric stops improving, by default with the best epoch's
    ///   weights restored.
    /// - `shuffle`: draw a new order of the training images every epoch. Without it the batches
    ///   are read in place, in order (the MNISTSoftmaxLabelling study's full-batch steps).
    /// - `generator`: one draw from it seeds the shuffling and the dropout masks.
    /// - `progress`: told about epochs and, for epochs of 10 batches or more, batches.
    ///
    /// Each call continues from the current weights and optimizer state. A `batchSize` larger
    /// than the training images is all of them, one batch per epoch (as in Keras). Throws
    /// `ModelError` for images of the wrong shape, labels that do not match, or arguments out of
    /// range, and `.diverged` (naming the epoch, the batch and the layer) as soon as a batch's
    /// loss is NaN or infinite, keeping the weights from before that batch.
    @discardableResult
    public func fit(
        _ images: Tensor, labels: [Int], epochs: Int, batchSize: Int = 32, validationSplit: Double = 0,
        validationData: LabeledImages? = nil, earlyStopping: EarlyStopping? = nil, shuffle: Bool = true,
        generator: inout SeededGenerator, progress: (any ProgressObserver)? = nil
    ) throws(ModelError) -> TrainingHistory {
        try check(images, labels: labels)
        guard epochs >= 0 else { throw .invalidArgument(name: "epochs", value: "\(epochs)", expected: "≥ 0") }
        guard batchSize > 0 else { throw .invalidArgument(name: "batchSize", value: "\(batchSize)", expected: "> 0") }
        guard validationSplit >= 0 && validationSplit < 1 else {
            throw .invalidArgument(name: "validationSplit", value: "\(validationSplit)", expected: "in [0, 1)")
        }
        if validationData != nil && validationSplit > 0 {
            throw .invalidArgument(name: "validationSplit", value: "\(validationSplit)", expected: "0 when validationData is given")
        }
        let trainCount = Int(Double(images.rows) * (1 - validationSplit))
        guard trainCount > 0 else {
            throw .invalidArgument(name: "training images", value: "\(trainCount)", expected: "at least 1 after the validation split")
        }
        let batchSize = min(batchSize, trainCount)
        var validation: (images: Tensor, labels: [Int])?
        if let validationData {
            try check(validationData.images, labels: validationData.labels)
            validation = (validationData.images, validationData.labels)
        } else if trainCount < images.rows {
            validation = (images.slicing(rows: trainCount..<images.rows), Array(labels[trainCount...]))
        }
        if let earlyStopping {
            guard earlyStopping.patience >= 1 else {
                throw .invalidArgument(name: "patience", value: "\(earlyStopping.patience)", expected: "≥ 1")
            }
            if earlyStopping.monitor.needsValidation && validation == nil {
                throw .noValidationData(monitor: earlyStopping.monitor)
            }
        }

        let clock = ContinuousClock(), started = clock.now
        let streams = SeededGenerator(seed: generator.next())
        var shuffling = streams.split("shuffle"), dropout = streams.split("dropout")
        var history = TrainingHistory()
        var (best, bestWeights, epochsWithoutImprovement): (Double?, [Tensor]?, Int) = (nil, nil, 0)
        let batchCount = (trainCount + batchSize - 1) / batchSize
        let width = images.elementsPerRow
        var batchLabels = [Int](repeating: 0, count: batchSize)
        var divergence: ModelError?
        progress?.begin("Epochs", total: epochs)
        images.scalars.withUnsafeBufferPointer { all in
            training: for epoch in 0..<epochs {
                let order = shuffle
                    ? drawWithoutReplacement(Array(0..<trainCount), count: trainCount, using: &shuffling) : Array(0..<trainCount)
                let reportEvery = batchCount >= 10 ? max(1, batchCount / 50) : 0
                if reportEvery > 0 { progress?.begin("Epoch \(epoch + 1)/\(epochs)", total: batchCount) }
                var (lossSum, correct) = (0.0, 0)
                for batch in 0..<batchCount {
                    let rows = order[(batch * batchSize)..<min(trainCount, (batch + 1) * batchSize)]
                    let input: UnsafeBufferPointer<Float>
                    if shuffle {
                        let gathered = batchImages.prefix(rows.count * width)
                        for (k, row) in rows.enumerated() {
                            (gathered.baseAddress! + k * width).update(from: all.baseAddress! + row * width, count: width)
                        }
                        input = UnsafeBufferPointer(gathered)
                    } else {
                        input = UnsafeBufferPointer(rebasing: all[(rows.first! * width)..<((rows.last! + 1) * width)])
                    }
                    for (k, row) in rows.enumerated() { batchLabels[k] = labels[row] }
                    lossSum += regularizationLoss * Double(rows.count)
                    let masks = dropout
                    let step = batchLabels.withUnsafeBufferPointer {
                        trainStep(input, labels: $0.baseAddress!, batch: rows.count, dropout: &dropout)
                    }
                    guard step.loss.isFinite else {
                        let source = firstNonFiniteSource(input, batch: rows.count, dropout: masks)
                        divergence = .diverged(epoch: epoch + 1, batch: batch + 1, loss: step.loss, source: source)
                        if reportEvery > 0 { progress?.end(summary: "") }
                        break training
                    }
                    lossSum += step.loss
                    correct += step.correct
                    if reportEvery > 0 && ((batch + 1) % reportEvery == 0 || batch + 1 == batchCount) {
                        progress?.update(
                            completed: batch + 1,
                            detail: "loss \(format(lossSum / Double(batch * batchSize + rows.count)))")
                    }
                }
                if reportEvery > 0 { progress?.end(summary: "") }
                history.loss.append(lossSum / Double(trainCount))
                history.accuracy.append(Double(correct) / Double(trainCount))
                if let validation {
                    let scores = evaluateChecked(validation.images, labels: validation.labels, batchSize: max(batchSize, 256))
                    history.validationLoss.append(scores.loss)
                    history.validationAccuracy.append(scores.accuracy)
                }
                progress?.update(completed: epoch + 1, detail: summary(of: history, epoch: epoch))
                guard let earlyStopping else { continue }
                let value = history.values(of: earlyStopping.monitor)[epoch]
                if earlyStopping.improves(value, on: best) {
                    (best, history.bestEpoch, epochsWithoutImprovement) = (value, epoch, 0)
                    if earlyStopping.restoreBestWeights { bestWeights = weights }
                } else {
                    epochsWithoutImprovement += 1
                    if epochsWithoutImprovement >= earlyStopping.patience {
                        history.stoppedEarly = epoch + 1 < epochs
                        break
                    }
                }
            }
        }
        if let divergence {
            progress?.end(summary: "")
            throw divergence
        }
        if let bestWeights, let bestEpoch = history.bestEpoch, bestEpoch + 1 < history.epochs {
            weights = bestWeights
            history.restoredBestWeights = true
        }
        history.seconds = (clock.now - started).seconds
        progress?.end(summary: history.epochs > 0 ? "\(history.epochs) epochs, " + summary(of: history, epoch: history.epochs - 1) : "")
        return history
    }

    /// Trains on a labelled set: `fit(data.images, labels: data.labels, …)`.
    @discardableResult
    public func fit(
        _ data: LabeledImages, epochs: Int, batchSize: Int = 32, validationSplit: Double = 0,
        validationData: LabeledImages? = nil, earlyStopping: EarlyStopping? = nil, shuffle: Bool = true,
        generator: inout SeededGenerator, progress: (any ProgressObserver)? = nil
    ) throws(ModelError) -> TrainingHistory {
        try fit(
            data.images, labels: data.labels, epochs: epochs, batchSize: batchSize, validationSplit: validationSplit,
            validationData: validationData, earlyStopping: earlyStopping, shuffle: shuffle, generator: &generator,
            progress: progress)
    }

    /// Where the non-finite numbers of a diverged batch first appear, for its error: "the
    /// batch's images", "layer 3, Dense(10, linear)" (the first whose output holds NaN or ±∞,
    /// rerun with the batch's dropout masks), or "the loss" when every layer's output is finite.
    private func firstNonFiniteSource(_ input: UnsafeBufferPointer<Float>, batch: Int, dropout: SeededGenerator)
        -> String
    {
        if input.contains(where: { !$0.isFinite }) { return "the batch's images" }
        var generator = dropout
        var activations = input
        for index in kernels.indices {
            activations = forward(activations, batch: batch, layers: index..<(index + 1), mode: .training, generator: &generator)
            if activations.contains(where: { !$0.isFinite }) { return "layer \(index), \(layers[index])" }
        }
        return "the loss"
    }

    private func summary(of history: TrainingHistory, epoch: Int) -> String {
        var text = "loss \(format(history.loss[epoch])), acc \(format(history.accuracy[epoch]))"
        if epoch < history.validationLoss.count {
            text += ", val loss \(format(history.validationLoss[epoch])), val acc \(format(history.validationAccuracy[epoch]))"
        }
        return text
    }

    private func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
