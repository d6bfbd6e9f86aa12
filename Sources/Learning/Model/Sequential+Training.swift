import Foundation

/// `fit`: Keras's training loop — epochs of shuffled mini-batches, a validation split taken from
/// the end of the arrays, early stopping, and progress for a person watching. `fit` reads as the
/// loop over epochs; each piece does one thing: `trainingSplit` (arguments and validation split),
/// `trainEpoch` (one epoch's batches), `trainBatch` (one mini-batch step), `record` (an epoch's
/// metrics), `EarlyStoppingWatch` (when to stop, which weights to keep).
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
        let split = try trainingSplit(
            images, labels: labels, epochs: epochs, batchSize: batchSize, validationSplit: validationSplit,
            validationData: validationData, earlyStopping: earlyStopping)
        let clock = ContinuousClock(), started = clock.now
        let streams = SeededGenerator(seed: generator.next())
        var shuffling = streams.split("shuffle"), dropout = streams.split("dropout")
        var history = TrainingHistory()
        var watch = earlyStopping.map { EarlyStoppingWatch(rule: $0) }
        var batchLabels = [Int](repeating: 0, count: split.batchSize)
        var divergence: ModelError?
        progress?.begin("Epochs", total: epochs)
        images.scalars.withUnsafeBufferPointer { all in
            for epoch in 0..<epochs {
                let order = shuffle
                    ? drawWithoutReplacement(Array(0..<split.trainCount), count: split.trainCount, using: &shuffling)
                    : Array(0..<split.trainCount)
                let totals: (lossSum: Double, correct: Int)
                do throws(ModelError) {
                    totals = try trainEpoch(
                        all, labels: labels, order: order, gather: shuffle, epoch: epoch, of: epochs, split: split,
                        batchLabels: &batchLabels, dropout: &dropout, progress: progress)
                } catch {
                    divergence = error
                    break
                }
                record(totals, split: split, into: &history)
                progress?.update(completed: epoch + 1, detail: summary(of: history, epoch: epoch))
                if watch?.shouldStop(after: epoch, of: epochs, history: &history, currentWeights: { weights }) == true {
                    break
                }
            }
        }
        if let divergence {
            progress?.end(summary: "")
            throw divergence
        }
        if let bestWeights = watch?.bestWeights, let bestEpoch = history.bestEpoch, bestEpoch + 1 < history.epochs {
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

    /// Checks `fit`'s arguments and splits the arrays: the first `trainCount` images train, the
    /// rest validate (Keras's `validation_split`, taken before any shuffling), unless a separate
    /// `validationData` is given. The batch size is clamped to the training images.
    private func trainingSplit(
        _ images: Tensor, labels: [Int], epochs: Int, batchSize: Int, validationSplit: Double,
        validationData: LabeledImages?, earlyStopping: EarlyStopping?
    ) throws(ModelError) -> TrainingSplit {
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
        return TrainingSplit(
            trainCount: trainCount, batchSize: min(batchSize, trainCount), width: images.elementsPerRow,
            validation: validation)
    }

    /// One epoch: the mini-batches of the training rows in `order`, in turn, with a progress bar of
    /// its own for epochs of 10 batches or more. Returns the summed loss (L2 terms included, per
    /// image) and the number classified correctly; throws `.diverged` at the first batch whose
    /// loss is not finite, with the weights from before that batch.
    private func trainEpoch(
        _ all: UnsafeBufferPointer<Float>, labels: [Int], order: [Int], gather: Bool, epoch: Int, of epochs: Int,
        split: TrainingSplit, batchLabels: inout [Int], dropout: inout SeededGenerator, progress: (any ProgressObserver)?
    ) throws(ModelError) -> (lossSum: Double, correct: Int) {
        let (batchSize, batchCount) = (split.batchSize, split.batchCount)
        let reportEvery = batchCount >= 10 ? max(1, batchCount / 50) : 0
        if reportEvery > 0 { progress?.begin("Epoch \(epoch + 1)/\(epochs)", total: batchCount) }
        var (lossSum, correct) = (0.0, 0)
        for batch in 0..<batchCount {
            let rows = order[(batch * batchSize)..<min(split.trainCount, (batch + 1) * batchSize)]
            lossSum += regularizationLoss * Double(rows.count)
            let step: (loss: Double, correct: Int)
            do throws(ModelError) {
                step = try trainBatch(
                    all, labels: labels, rows: rows, gather: gather, width: split.width, batchLabels: &batchLabels,
                    dropout: &dropout, epoch: epoch, batch: batch)
            } catch {
                if reportEvery > 0 { progress?.end(summary: "") }
                throw error
            }
            lossSum += step.loss
            correct += step.correct
            if reportEvery > 0 && ((batch + 1) % reportEvery == 0 || batch + 1 == batchCount) {
                progress?.update(
                    completed: batch + 1, detail: "loss \(format(lossSum / Double(batch * batchSize + rows.count)))")
            }
        }
        if reportEvery > 0 { progress?.end(summary: "") }
        return (lossSum, correct)
    }

    /// One mini-batch step on the images `rows` of `all` [N, width]: copied together into the
    /// batch workspace when `gather` (a shuffled order), else read in place (consecutive rows).
    /// Returns the batch's summed loss and correct count; throws `.diverged`, naming epoch, batch
    /// and where the non-finite numbers first appear, when the loss is not finite.
    private func trainBatch(
        _ all: UnsafeBufferPointer<Float>, labels: [Int], rows: ArraySlice<Int>, gather: Bool, width: Int,
        batchLabels: inout [Int], dropout: inout SeededGenerator, epoch: Int, batch: Int
    ) throws(ModelError) -> (loss: Double, correct: Int) {
        let input: UnsafeBufferPointer<Float>
        if gather {
            let gathered = batchImages.prefix(rows.count * width)
            for (k, row) in rows.enumerated() {
                (gathered.baseAddress! + k * width).update(from: all.baseAddress! + row * width, count: width)
            }
            input = UnsafeBufferPointer(gathered)
        } else {
            input = UnsafeBufferPointer(rebasing: all[(rows.first! * width)..<((rows.last! + 1) * width)])
        }
        for (k, row) in rows.enumerated() { batchLabels[k] = labels[row] }
        let masks = dropout
        let step = batchLabels.withUnsafeBufferPointer {
            trainStep(input, labels: $0.baseAddress!, batch: rows.count, dropout: &dropout)
        }
        guard step.loss.isFinite else {
            let source = firstNonFiniteSource(input, batch: rows.count, dropout: masks)
            throw .diverged(epoch: epoch + 1, batch: batch + 1, loss: step.loss, source: source)
        }
        return (step.loss, step.correct)
    }

    /// Appends an epoch's mean training loss and accuracy to `history`, and its scores on the
    /// validation set if there is one.
    private func record(_ totals: (lossSum: Double, correct: Int), split: TrainingSplit, into history: inout TrainingHistory) {
        history.loss.append(totals.lossSum / Double(split.trainCount))
        history.accuracy.append(Double(totals.correct) / Double(split.trainCount))
        if let validation = split.validation {
            let scores = evaluateChecked(validation.images, labels: validation.labels, batchSize: max(split.batchSize, 256))
            history.validationLoss.append(scores.loss)
            history.validationAccuracy.append(scores.accuracy)
        }
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

/// What `fit` trains on: the first `trainCount` rows of the arrays in batches of `batchSize`
/// (already clamped to `trainCount`), each image `width` floats, and the validation set if any.
private struct TrainingSplit {
    let trainCount: Int
    let batchSize: Int
    let width: Int
    let validation: (images: Tensor, labels: [Int])?

    var batchCount: Int { (trainCount + batchSize - 1) / batchSize }
}

/// Early stopping as training runs (Keras's callback): the best value of the watched metric so
/// far, the weights of that epoch if they are to be restored, and the epochs since it.
private struct EarlyStoppingWatch {
    let rule: EarlyStopping
    var best: Double?
    var bestWeights: [Tensor]?
    var epochsWithoutImprovement = 0

    init(rule: EarlyStopping) { self.rule = rule }

    /// Reads `epoch`'s value of the metric from `history` (marking the best epoch there, and
    /// keeping `currentWeights()` when it improves); true when training should stop, `patience`
    /// epochs after the last improvement.
    mutating func shouldStop(
        after epoch: Int, of epochs: Int, history: inout TrainingHistory, currentWeights: () -> [Tensor]
    ) -> Bool {
        let value = history.values(of: rule.monitor)[epoch]
        if rule.improves(value, on: best) {
            (best, history.bestEpoch, epochsWithoutImprovement) = (value, epoch, 0)
            if rule.restoreBestWeights { bestWeights = currentWeights() }
            return false
        }
        epochsWithoutImprovement += 1
        guard epochsWithoutImprovement >= rule.patience else { return false }
        history.stoppedEarly = epoch + 1 < epochs
        return true
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
