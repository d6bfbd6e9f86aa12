import CZlib
import Foundation

/// Reads a data file whole, inflating it when it is gzip-compressed (detected by its first two
/// bytes, so `train-images-idx3-ubyte` and `train-images-idx3-ubyte.gz` read alike).
enum DataFile {
    /// The file's bytes, decompressed if gzipped. `fix` is the command that restores the file.
    static func read(_ path: String, fix: String) throws(DataError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw .missingFile(path: path, fix: fix) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)", fix: fix)
        }
        return try decode([UInt8](data), path: path, fix: fix)
    }

    /// `bytes` as they are, or inflated when they start with gzip's magic number. `path` and
    /// `fix` only name the source in errors.
    static func decode(_ bytes: [UInt8], path: String, fix: String) throws(DataError) -> [UInt8] {
        guard bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b else { return bytes }
        return try gunzip(bytes, path: path, fix: fix)
    }

    /// The decompressed content of a gzip stream; throws on damage or a stream cut short.
    static func gunzip(_ compressed: [UInt8], path: String, fix: String) throws(DataError) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer (CRC and length are checked).
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw .corruptGzip(path: path, detail: "zlib could not start", fix: fix) }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        output.reserveCapacity(compressed.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        var input = compressed
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: chunkBuffer[0..<(chunkBuffer.count - Int(stream.avail_out))])
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
        }
        switch status {
        case Z_STREAM_END:
            return output
        case Z_BUF_ERROR, Z_OK:
            throw .corruptGzip(path: path, detail: "the stream ends early after \(output.count) bytes", fix: fix)
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptGzip(path: path, detail: message, fix: fix)
        }
    }
}
