/// Which input shapes each layer accepts and the shape it gives, checked when a model is built so
/// that an architecture mistake is a readable error rather than a crash inside a kernel.
extension Layer {
    /// The output shape of one example for inputs of `inputShape` (without the batch axis).
    /// Throws `ModelError.layerDoesNotFit` (with `index` for the message) when the layer cannot
    /// take such inputs.
    func outputShape(for inputShape: [Int], index: Int) throws(ModelError) -> [Int] {
        func reject(_ reason: String) -> ModelError {
            .layerDoesNotFit(index: index, layer: self, inputShape: inputShape, reason: reason)
        }
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }) else { throw reject("empty input") }
        switch self {
        case .conv2D(let filters, let kernelSize, let padding, _, let l2):
            guard inputShape.count == 3 else { throw reject("Conv2D needs images [H, W, C]") }
            guard filters > 0, kernelSize > 0, l2 >= 0 else { throw reject("filters and kernelSize must be positive, l2 ≥ 0") }
            if padding == .same {
                guard kernelSize % 2 == 1 else { throw reject("'same' padding needs an odd kernel size") }
                return [inputShape[0], inputShape[1], filters]
            }
            guard kernelSize <= min(inputShape[0], inputShape[1]) else { throw reject("the kernel is larger than the image") }
            return [inputShape[0] - kernelSize + 1, inputShape[1] - kernelSize + 1, filters]
        case .dense(let units, _, let l2, _):
            guard inputShape.count == 1 else { throw reject("Dense needs flat inputs: put .flatten before it") }
            guard units > 0, l2 >= 0 else { throw reject("units must be positive, l2 ≥ 0") }
            return [units]
        case .maxPool2D(let poolSize):
            guard inputShape.count == 3 else { throw reject("MaxPool2D needs images [H, W, C]") }
            guard poolSize > 0, poolSize <= min(inputShape[0], inputShape[1]) else {
                throw reject("pool size must be in 1...\(min(inputShape[0], inputShape[1]))")
            }
            return [inputShape[0] / poolSize, inputShape[1] / poolSize, inputShape[2]]
        case .dropout(let rate):
            guard rate >= 0 && rate < 1 else { throw reject("the rate must be in [0, 1)") }
            return inputShape
        case .batchNorm(let momentum, let epsilon):
            guard momentum >= 0 && momentum <= 1, epsilon > 0 else { throw reject("momentum must be in [0, 1], epsilon > 0") }
            return inputShape
        case .relu:
            return inputShape
        case .flatten:
            return [inputShape.reduce(1, *)]
        }
    }
}
