import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of an imported file and the encoding it was written in.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    /// The encoding's name as recorded in front matter: UTF-8, UTF-8 (BOM), UTF-16LE, UTF-16BE, GB18030.
    public var encoding: String
}

/// Decodes the bytes of a file people saved on all kinds of machines. A byte-order mark decides
/// when there is one; otherwise strict UTF-8, then GB18030 (a superset of GBK and GB2312) through
/// the system's iconv. Nothing is guessed beyond that: bytes neither encoding accepts are an error
/// that names the byte offset, never replacement characters.
public enum ImportDecoder {
    public static func decode(_ bytes: [UInt8], path: String) -> Result<DecodedText, Diagnostic> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), path: path, offset: 3).map { DecodedText(text: $0, encoding: "UTF-8 (BOM)") }
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes, littleEndian: true, path: path) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes, littleEndian: false, path: path) }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(.error("NUL byte at byte offset \(nul): not a text file, or UTF-16 without a byte-order mark", in: path))
        }
        switch utf8(bytes, path: path, offset: 0) {
        case .success(let text):
            return .success(DecodedText(text: text, encoding: "UTF-8"))
        case .failure(let utf8Failure):
            switch Iconv.convert(bytes, from: "GB18030") {
            case .success(let text):
                return .success(DecodedText(text: text, encoding: "GB18030"))
            case .failure(let failure):
                let offset = min(failure.offset, bytes.count - 1)
                let byte = String(format: "0x%02X", bytes[offset])
                return .failure(.error("cannot decode: \(utf8Failure.message); not GB18030 either (byte \(byte) at byte offset \(offset))", in: path))
            }
        }
    }

    /// Strict UTF-8: the first invalid byte is reported with its offset in the file.
    private static func utf8(_ bytes: [UInt8], path: String, offset: Int) -> Result<String, Diagnostic> {
        strict(bytes, as: UTF8.self).mapError { failure in
            let position = failure.offset
            let byte = String(format: "0x%02X", bytes[position])
            return Diagnostic.error("not UTF-8 (byte \(byte) at byte offset \(position + offset))", in: path)
        }
    }

    /// Decodes code units with no replacement character: fails with the offset, in code units,
    /// of the first unit that does not decode.
    private static func strict<Codec: UnicodeCodec>(_ units: [Codec.CodeUnit], as codec: Codec.Type) -> Result<String, UnitOffset> {
        var decoder = Codec()
        var iterator = units.makeIterator()
        var scalars = String.UnicodeScalarView()
        var position = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                Codec.encode(scalar) { _ in position += 1 }
            case .emptyInput:
                return .success(String(scalars))
            case .error:
                return .failure(UnitOffset(offset: position))
            }
        }
    }

    /// Where strict decoding stopped, in code units from the start.
    private struct UnitOffset: Error {
        var offset: Int
    }

    private static func utf16(_ bytes: [UInt8], littleEndian: Bool, path: String) -> Result<DecodedText, Diagnostic> {
        let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else {
            return .failure(.error("\(name) file with an odd number of bytes: byte offset \(bytes.count - 1) is half a character", in: path))
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let first = UInt16(body[index]), second = UInt16(body[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return strict(units, as: UTF16.self)
            .map { DecodedText(text: $0, encoding: name) }
            .mapError { Diagnostic.error("invalid \(name) (unpaired surrogate at byte offset \(2 + $0.offset * 2))", in: path) }
    }
}

/// The system's iconv, for the legacy Chinese encodings Foundation on Linux does not decode.
enum Iconv {
    /// The byte offset of the first sequence an encoding does not accept (an incomplete sequence
    /// at the end counts).
    struct Failure: Error {
        var offset: Int
    }

    /// Converts `bytes` to a String.
    static func convert(_ bytes: [UInt8], from encoding: String) -> Result<String, Failure> {
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return .failure(Failure(offset: 0)) }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let outputCapacity = output.count
        return input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
                var outLeft = outputCapacity
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft > 0 {
                    return .failure(Failure(offset: inputBuffer.count - inLeft))
                }
                let written = outputCapacity - outLeft
                let utf8 = UnsafeRawBufferPointer(start: outputBuffer.baseAddress, count: written)
                return .success(String(decoding: utf8, as: UTF8.self))
            }
        }
    }
}
