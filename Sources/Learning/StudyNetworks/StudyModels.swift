// The studies' networks (the Model folder holds what they are built from: Sequential, training,
// prediction). One builder per study notebook, named after its data and architecture.

/// The five studies' models, by name, as shared/STUDIES.md specifies them: each builder returns a
/// fresh `Sequential` with its study's optimizer, weights drawn from the generator passed in.
/// Pass another optimizer to vary an experiment (the MNISTEntropySampling study's extra run
/// at learning rate 1.0).
public enum StudyModels {
    /// FashionMarginAugmentation (Fashion-MNIST): three blocks of Conv 3×3 'same' relu → BatchNorm → MaxPool 2 →
    /// Dropout .25 with 64, 128 and 256 filters, then Dense 1024 relu → Dropout .25 → Dense 512
    /// relu → Dropout .25 → Dense classes. Adam, learning rate 1e-3, legacy decay 1e-6.
    public static func fashionCNN(
        imageShape: [Int] = [28, 28, 1], classes: Int = 10,
        optimizer: any Optimizer = Adam(learningRate: 1e-3, decay: 1e-6), generator: inout SeededGenerator
    ) throws(ModelError) -> Sequential {
        let block = { (filters: Int) -> [Layer] in
            [.conv2D(filters: filters, kernelSize: 3, padding: .same, activation: .relu), .batchNorm(),
             .maxPool2D(poolSize: 2), .dropout(rate: 0.25)]
        }
        let head: [Layer] = [
            .flatten, .dense(units: 1024, activation: .relu), .dropout(rate: 0.25),
            .dense(units: 512, activation: .relu), .dropout(rate: 0.25), .dense(units: classes),
        ]
        return try Sequential(
            inputShape: imageShape, layers: block(64) + block(128) + block(256) + head, optimizer: optimizer,
            generator: &generator)
    }

    /// MNISTEntropySampling (MNIST, Keras's mnist_cnn example): Conv 32 3×3 valid relu → Conv 64 3×3 valid relu
    /// → MaxPool 2 → Dropout .25 → Flatten → Dense 128 relu → Dense classes. Adadelta with Keras 2's
    /// defaults (learning rate 0.001, ρ .95, ε 1e-7).
    public static func mnistCNN(
        imageShape: [Int] = [28, 28, 1], classes: Int = 10, optimizer: any Optimizer = Adadelta(),
        generator: inout SeededGenerator
    ) throws(ModelError) -> Sequential {
        try Sequential(
            inputShape: imageShape,
            layers: [
                .conv2D(filters: 32, kernelSize: 3, activation: .relu), .conv2D(filters: 64, kernelSize: 3, activation: .relu),
                .maxPool2D(poolSize: 2), .dropout(rate: 0.25), .flatten, .dense(units: 128, activation: .relu),
                .dense(units: classes),
            ],
            optimizer: optimizer, generator: &generator)
    }

    /// MNISTBayesianDropout (MNIST, Bayesian active learning): Conv 32 3×3 valid relu → Conv 32 3×3 valid relu
    /// → MaxPool 5 → Dropout .25 → Flatten → Dense 128 relu with L2 3.5 / `labelledCount` →
    /// Dropout .5 → Dense classes. Adam with Keras's defaults.
    public static func bayesianCNN(
        labelledCount: Int, imageShape: [Int] = [28, 28, 1], classes: Int = 10, optimizer: any Optimizer = Adam(),
        generator: inout SeededGenerator
    ) throws(ModelError) -> Sequential {
        guard labelledCount > 0 else {
            throw .invalidArgument(name: "labelledCount", value: "\(labelledCount)", expected: "> 0 (it sets the L2 weight 3.5 / N)")
        }
        return try Sequential(
            inputShape: imageShape,
            layers: [
                .conv2D(filters: 32, kernelSize: 3, activation: .relu), .conv2D(filters: 32, kernelSize: 3, activation: .relu),
                .maxPool2D(poolSize: 5), .dropout(rate: 0.25), .flatten,
                .dense(units: 128, activation: .relu, l2: 3.5 / Float(labelledCount)), .dropout(rate: 0.5),
                .dense(units: classes),
            ],
            optimizer: optimizer, generator: &generator)
    }

    /// CIFARUncertaintyShare (CIFAR-10, or Fashion-MNIST as the fallback): Conv 32 3×3 valid relu → Conv 64 3×3
    /// valid relu → MaxPool 2 → Flatten → Dense 128 relu → Dense classes. Adam with Keras's
    /// defaults. The filter counts are ours (the original did not state them); the penultimate
    /// layer's 128 features feed diversity sampling.
    public static func cifarCNN(
        imageShape: [Int] = [32, 32, 3], classes: Int = 10, optimizer: any Optimizer = Adam(),
        generator: inout SeededGenerator
    ) throws(ModelError) -> Sequential {
        try Sequential(
            inputShape: imageShape,
            layers: [
                .conv2D(filters: 32, kernelSize: 3, activation: .relu), .conv2D(filters: 64, kernelSize: 3, activation: .relu),
                .maxPool2D(poolSize: 2), .flatten, .dense(units: 128, activation: .relu), .dense(units: classes),
            ],
            optimizer: optimizer, generator: &generator)
    }

    /// MNISTSoftmaxLabelling (MNIST): softmax regression, Flatten → Dense classes with zero-initialised weights
    /// and biases, so that training is deterministic. Adam at `learningRate` (0.1), β .9/.999,
    /// ε 1e-8.
    public static func softmaxRegression(
        imageShape: [Int] = [28, 28, 1], classes: Int = 10, learningRate: Float = 0.1
    ) throws(ModelError) -> Sequential {
        var unused = SeededGenerator(seed: 0)
        return try Sequential(
            inputShape: imageShape, layers: [.flatten, .dense(units: classes, initializer: .zeros)],
            optimizer: Adam(learningRate: learningRate, epsilon: 1e-8), generator: &unused)
    }
}
