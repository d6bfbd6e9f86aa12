/// A model as data: its input shape, its layers, its optimizer (with the optimizer's state) and
/// its weights, so that a notebook can cache a trained model and get back one that predicts and
/// trains on exactly as before.
extension Sequential: Codable {
    private enum CodingKeys: String, CodingKey { case inputShape, layers, optimizer, weights }

    public convenience init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var unused = SeededGenerator(seed: 0)
        try self.init(
            inputShape: try container.decode([Int].self, forKey: .inputShape),
            layers: try container.decode([Layer].self, forKey: .layers),
            optimizer: try container.decode(OptimizerCoding.self, forKey: .optimizer).optimizer,
            generator: &unused)
        let stored = try container.decode([Tensor].self, forKey: .weights)
        let expected = weights.map(\.shape)
        guard stored.map(\.shape) == expected else {
            throw DecodingError.dataCorruptedError(
                forKey: .weights, in: container,
                debugDescription: "weight shapes \(stored.map(\.shape)) do not match the layers' \(expected)")
        }
        weights = stored
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputShape, forKey: .inputShape)
        try container.encode(layers, forKey: .layers)
        try container.encode(OptimizerCoding(optimizer), forKey: .optimizer)
        try container.encode(weights, forKey: .weights)
    }
}
