// Float arrays as they are written into caches and checkpoints: the base64 of their float32
// bytes, little-endian. Written as JSON numbers, a FashionMarginAugmentation network with its
// Adam moments was 105 MB and took 5.7 s to encode and as long to decode after every round;
// packed, a third of the size, exact (NaN and infinities included), and fast. Tensors and the
// optimizers' state arrays are written this way; arrays of numbers written before still read.
import Foundation

/// The packing of `[Float]` into base64 text and back.
enum FloatPacking {
    /// The base64 of `values`' float32 bytes, little-endian.
    static func pack(_ values: [Float]) -> String {
        values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    /// The floats `text` packs, or nil when it is not the base64 of whole float32 values.
    static func unpack(_ text: String) -> [Float]? {
        guard let bytes = Data(base64Encoded: text), bytes.count % MemoryLayout<Float>.size == 0 else { return nil }
        return bytes.withUnsafeBytes { raw in
            raw.bindMemory(to: UInt32.self).map { Float(bitPattern: UInt32(littleEndian: $0)) }
        }
    }
}

/// An optimizer's state arrays (one per parameter array), coded packed: `@PackedFloats var m`.
@propertyWrapper
struct PackedFloats: Codable, Equatable, Sendable {
    var wrappedValue: [[Float]]

    init(wrappedValue: [[Float]]) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let packed = try? container.decode([String].self) {
            wrappedValue = try packed.map { text in
                guard let values = FloatPacking.unpack(text) else {
                    throw DecodingError.dataCorruptedError(
                        in: container, debugDescription: "not the base64 of float32 values")
                }
                return values
            }
        } else {
            wrappedValue = try container.decode([[Float]].self)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.map(FloatPacking.pack))
    }
}
