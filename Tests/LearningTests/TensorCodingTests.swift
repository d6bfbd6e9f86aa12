// A tensor written to a checkpoint comes back bit for bit, NaN and infinities included; tensors
// written as arrays of numbers by earlier versions still read; a damaged one is an error.
import Foundation
import Testing

@testable import Learning

struct TensorCodingTests {
    @Test func everyBitComesBack() throws {
        let values: [Float] = [0, -0, 1.5, -2.25e-38, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        let tensor = Tensor(shape: [3, 3], scalars: values)
        let json = try JSONEncoder().encode(tensor)
        let back = try JSONDecoder().decode(Tensor.self, from: json)
        #expect(back.shape == [3, 3])
        #expect(back.scalars.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(String(decoding: json, as: UTF8.self).contains("\"float32\""))
    }

    @Test func theBytesAreLittleEndianFloat32() throws {
        // 1.0 is 0x3F800000: bytes 00 00 80 3F, base64 "AACAPw=="
        let json = try JSONEncoder().encode(Tensor(shape: [1], scalars: [1]))
        #expect(String(decoding: json, as: UTF8.self).contains("AACAPw=="))
    }

    @Test func anArrayOfNumbersFromEarlierVersionsStillReads() throws {
        let old = Data(#"{"shape":[2],"scalars":[0.5,-3]}"#.utf8)
        #expect(try JSONDecoder().decode(Tensor.self, from: old) == Tensor(shape: [2], scalars: [0.5, -3]))
    }

    @Test(arguments: [
        #"{"shape":[3],"float32":"AACAPw=="}"#,  // one element for a shape of three
        #"{"shape":[1],"float32":"AACA"}"#,  // three bytes
        #"{"shape":[1],"float32":"not base64!"}"#,
        #"{"shape":[-1],"scalars":[]}"#,
    ])
    func aDamagedTensorIsAnErrorNotACrash(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Tensor.self, from: Data(json.utf8)) }
    }
}

/// The optimizers' state arrays are packed like tensors, and state written as arrays of
/// numbers by earlier versions still reads.
struct OptimizerStateCodingTests {
    @Test func adamsMomentsArePackedAndOldNumbersStillRead() throws {
        var adam = Adam()
        var weights: [Float] = [0.5, -1]
        let gradient: [Float] = [0.25, 0.125]
        weights.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { g in adam.step(parameters: [w], gradients: [g]) }
        }
        let json = String(decoding: try JSONEncoder().encode(adam), as: UTF8.self)
        #expect(!json.contains("[["), "moments written as arrays of numbers: \(json)")
        #expect(try JSONDecoder().decode(Adam.self, from: Data(json.utf8)) == adam)
        // the same state as an earlier version wrote it
        let old = json.replacingOccurrences(
            of: #""m":\["[^"]*"\]"#, with: #""m":[[0.025,0.0125]]"#, options: .regularExpression
        ).replacingOccurrences(
            of: #""v":\["[^"]*"\]"#, with: #""v":[[6.25e-05,1.5625e-05]]"#, options: .regularExpression)
        #expect(old.contains("[[0.025"))
        let decoded = try JSONDecoder().decode(Adam.self, from: Data(old.utf8))
        #expect(decoded.stateArrays == [[[0.025, 0.0125]], [[6.25e-05, 1.5625e-05]]])
    }
}
