// How a tensor is written into a cache entry or a checkpoint: its shape, and its elements packed
// as the base64 of their float32 bytes (`FloatPacking`, where the reasons are). Tensors written
// as arrays of numbers by earlier versions still decode.
import Foundation

extension Tensor {
    private enum CodingKeys: String, CodingKey {
        case shape
        /// Base64 of the elements' float32 bytes, little-endian.
        case float32
        /// The elements as an array of numbers (how earlier versions wrote them).
        case scalars
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode([Int].self, forKey: .shape)
        let scalars: [Float]
        if let packed = try container.decodeIfPresent(String.self, forKey: .float32) {
            guard let values = FloatPacking.unpack(packed) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .float32, in: container, debugDescription: "not the base64 of float32 values")
            }
            scalars = values
        } else {
            scalars = try container.decode([Float].self, forKey: .scalars)
        }
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .shape, in: container,
                debugDescription: "shape \(shape) does not hold \(scalars.count) elements")
        }
        self.init(shape: shape, scalars: scalars)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shape, forKey: .shape)
        try container.encode(FloatPacking.pack(scalars), forKey: .float32)
    }
}
