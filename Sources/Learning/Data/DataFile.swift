// Reading one data file whole, for the loaders: a regular file of sane size, inflated when it is
// gzipped. Anything else (a folder, a FIFO that would block for ever, a file far larger than any
// data set, a gzip stream that inflates without end) is a DataError naming the file, never a hang
// or a crash. Every read is reported to `DataReads`, so a notebook cache can tell which files a
// cell's result depends on.
import CZlib
import Foundation

/// Reads a data file whole, inflating it when it is gzip-compressed (detected by its first two
/// bytes, so `train-images-idx3-ubyte` and `train-images-idx3-ubyte.gz` read alike).
enum DataFile {
    /// The most bytes a data file may hold, before or after inflating: 1 GiB. The largest real
    /// file, MNIST's training images, holds 47 MB; anything beyond this is a wrong file or a
    /// gzip bomb, and reading it would exhaust memory.
    static let maximumSize = 1 << 30

    /// The file's bytes, decompressed if gzipped. `howToFix` is the command that restores the file.
    /// Once the bytes are read, `DataReads` hears of the file's path. Throws `missingFile` when nothing is there, `unreadable` when it is not
    /// a regular file, is too large, or cannot be read, and what `decode` throws.
    static func read(_ path: String, howToFix: String) throws(DataError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missingFile(path: path, howToFix: howToFix) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)), howToFix: howToFix)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder, expected a file", howToFix: howToFix)
        default: throw .unreadable(path: path, reason: "not a regular file (a device, pipe or socket)", howToFix: howToFix)
        }
        guard Int(status.st_size) <= maximumSize else {
            throw .unreadable(
                path: path, reason: "\(status.st_size) bytes, more than any data set file (at most \(maximumSize))",
                howToFix: howToFix)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)", howToFix: howToFix)
        }
        DataReads.report(path)
        return try decode([UInt8](data), path: path, howToFix: howToFix)
    }

    /// `bytes` as they are, or inflated when they start with gzip's magic number. `path` and
    /// `howToFix` only name the source in errors.
    static func decode(_ bytes: [UInt8], path: String, howToFix: String) throws(DataError) -> [UInt8] {
        guard bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b else { return bytes }
        return try gunzip(bytes, path: path, howToFix: howToFix)
    }

    /// The decompressed content of a gzip stream; throws `corruptGzip` on damage, on a stream cut
    /// short, or when it inflates to more than `limit` bytes.
    static func gunzip(_ compressed: [UInt8], path: String, howToFix: String, limit: Int = maximumSize) throws(DataError)
        -> [UInt8]
    {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer (CRC and length are checked).
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw .corruptGzip(path: path, detail: "zlib could not start", howToFix: howToFix) }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        output.reserveCapacity(min(compressed.count * 4, limit))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        var tooLarge = false
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
                if output.count > limit {
                    tooLarge = true
                    break
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
        }
        if tooLarge {
            throw .corruptGzip(
                path: path, detail: "it inflates to more than \(limit) bytes, more than any data set file", howToFix: howToFix)
        }
        switch status {
        case Z_STREAM_END:
            return output
        case Z_BUF_ERROR, Z_OK:
            throw .corruptGzip(path: path, detail: "the stream ends early after \(output.count) bytes", howToFix: howToFix)
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptGzip(path: path, detail: message, howToFix: howToFix)
        }
    }
}
