import Learning

/// One FashionMarginAugmentation round at full size, for `/usr/bin/time -v` to read the peak memory of: Fashion-MNIST
/// (60 000 training images), 2 000 initial labels, a model trained on them, then the round itself —
/// the remaining 58 000-image pool predicted and ranked by margin, 2 000 more labelled, and a fresh
/// model trained on the 4 000 (one epoch each: memory does not grow with epochs).
func fashionRoundAtFullSize() throws {
    let fashion = try FashionMNIST.load()
    var pool = LabelingPool(oracle: fashion.train)
    var generator = SeededGenerator(seed: 7)
    _ = try pool.labelStratified(perClass: 200, using: &generator)
    var learner = ActiveLearner(
        pool: pool, test: fashion.test, strategy: MarginSampling(),
        configuration: ActiveLearner.Configuration(queriesPerRound: 2_000), generator: generator
    ) { set, generator in
        let model = try StudyModels.fashionCNN(generator: &generator)
        try model.fit(set, epochs: 1, batchSize: 32, generator: &generator)
        return model
    }
    for _ in 0..<2 {
        let record = try learner.step()
        print("round \(record.round): trained on \(record.trainingSetSize) images, \(record.labelsSpent) labels spent")
    }
}
