import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text of an imported file and the encoding it was written in.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    /// The encoding's name as recorded in front matter: UTF-8, UTF-8 (BOM), UTF-16LE, UTF-16BE, GB18030, Big5.
    public var encoding: String
}

/// Decodes the bytes of a file people saved on all kinds of machines. A byte-order mark decides
/// when there is one; otherwise strict UTF-8, then GB18030 (a superset of GBK and GB2312) or Big5
/// through the system's iconv, whichever reads as ordinary Chinese. Bytes no encoding accepts,
/// or that read as garbled, are an error, never replacement characters or silent mojibake.
public enum ImportDecoder {
    public static func decode(_ bytes: [UInt8], path: String) -> Result<DecodedText, Diagnostic> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), path: path, offset: 3).map { DecodedText(text: $0, encoding: "UTF-8 (BOM)") }
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes, littleEndian: true, path: path) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes, littleEndian: false, path: path) }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(.error(zh: "第 \(nul) 字节处有空字符（NUL）：这不是文本文件，或者是没有字节序标记的 UTF-16 文件；Word 文档请存成 .docx 再导入", en: "NUL byte at byte offset \(nul): not a text file, or UTF-16 without a byte-order mark", in: path))
        }
        switch utf8(bytes, path: path, offset: 0) {
        case .success(let text):
            return .success(DecodedText(text: text, encoding: "UTF-8"))
        case .failure(let utf8Failure):
            return legacyChinese(bytes, path: path, utf8Failure: utf8Failure)
        }
    }

    /// GB18030 or Big5, whichever reads as ordinary Chinese (`ChineseEncodingGuess`); a file
    /// that both decode with no clear winner, or that reads as garbled in the only one that
    /// decodes it, is refused with both readings shown, never decoded silently wrong.
    private static func legacyChinese(_ bytes: [UInt8], path: String, utf8Failure: Diagnostic) -> Result<DecodedText, Diagnostic> {
        let (candidates, gb18030Failure) = ChineseEncodingGuess.candidates(bytes)
        func start(_ candidate: ChineseEncodingGuess.Candidate) -> String {
            String(String.UnicodeScalarView(candidate.text.unicodeScalars.drop { $0.properties.isWhitespace || $0.value < 0x80 }.prefix(12)))
        }
        guard let best = candidates.first else {
            let offset = gb18030Failure.map { min($0.offset, bytes.count - 1) } ?? 0
            let byte = String(format: "0x%02X", bytes[offset])
            return .failure(.error(zh: "无法识别文件的编码：不是 UTF-8（\(utf8Failure.text.zh)），也不是 GB18030（第 \(offset) 字节 \(byte)）或 Big5；请用记事本等编辑器另存为 UTF-8 后再导入", en: "cannot decode: \(utf8Failure.message); not GB18030 (byte \(byte) at byte offset \(offset)) nor Big5 either", in: path))
        }
        let runnerUp = candidates.dropFirst().first
        if best.score > 0, best.score > (runnerUp?.score ?? Int.min) + 1 {
            return .success(DecodedText(text: best.text, encoding: best.encoding))
        }
        let readings = candidates.map { "\($0.encoding) gives '\(start($0))'" }.joined(separator: ", ")
        let readingsZH = candidates.map { "按 \($0.encoding) 读是“\(start($0))”" }.joined(separator: "，")
        let option = best.encoding == "Big5" ? "big5" : "gb18030"
        return .failure(.error(zh: "文件不是 UTF-8，按 GB18030 或 Big5 读出来都不像正常的中文（\(readingsZH)）：如果其中一种是对的，导入时加上 --encoding \(option)；否则用编辑器把文件另存为 UTF-8",
                               en: "not UTF-8, and it does not read as ordinary Chinese in GB18030 or Big5 (\(readings)); if one of them is right, import with --encoding \(option), else save the file as UTF-8", in: path))
    }

    /// The encodings `--encoding` names, lower case, and how each decodes.
    public static let forcible = ["utf-8", "utf-16le", "utf-16be", "gb18030", "big5"]

    /// Decodes with the encoding the user named (`lantai import --encoding`), strictly.
    public static func decode(_ bytes: [UInt8], path: String, as encoding: String) -> Result<DecodedText, Diagnostic> {
        switch encoding.lowercased() {
        case "utf-8":
            return utf8(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, path: path, offset: 0).map { DecodedText(text: $0, encoding: "UTF-8") }
        case "utf-16le", "utf-16be":
            let little = encoding.lowercased() == "utf-16le"
            let mark: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            return utf16(bytes.starts(with: mark) ? bytes : mark + bytes, littleEndian: little, path: path)
        case "gb18030", "big5":
            let named = ChineseEncodingGuess.encodings.first { $0.name.lowercased() == encoding.lowercased() } ?? ChineseEncodingGuess.encodings[0]
            return Iconv.convert(bytes, from: named.iconv).map { DecodedText(text: $0, encoding: named.name) }.mapError { failure in
                .error(zh: "文件不是 \(named.name) 编码（第 \(min(failure.offset, max(bytes.count - 1, 0))) 字节处）：换一个 --encoding，或者去掉它让 lantai 自己判断", en: "not \(named.name) (byte offset \(min(failure.offset, max(bytes.count - 1, 0)))); try another --encoding, or leave it out to let lantai tell", in: path)
            }
        default:
            return .failure(.error(zh: "不认识编码“\(encoding)”：可用的有 \(forcible.joined(separator: "、"))", en: "unknown encoding '\(encoding)'; use one of: \(forcible.joined(separator: ", "))", in: path))
        }
    }

    /// Strict UTF-8: the first invalid byte is reported with its offset in the file.
    private static func utf8(_ bytes: [UInt8], path: String, offset: Int) -> Result<String, Diagnostic> {
        strict(bytes, as: UTF8.self).mapError { failure in
            let position = failure.offset
            let byte = String(format: "0x%02X", bytes[position])
            return Diagnostic.error(zh: "不是 UTF-8（第 \(position + offset) 字节 \(byte)）", en: "not UTF-8 (byte \(byte) at byte offset \(position + offset))", in: path)
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
            return .failure(.error(zh: "\(name) 文件的字节数是奇数：最后一个字节（第 \(bytes.count - 1) 字节）只有半个字符，文件可能不完整", en: "\(name) file with an odd number of bytes: byte offset \(bytes.count - 1) is half a character", in: path))
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
            .mapError { Diagnostic.error(zh: "\(name) 编码有误（第 \(2 + $0.offset * 2) 字节处的代理项不成对），文件可能已损坏", en: "invalid \(name) (unpaired surrogate at byte offset \(2 + $0.offset * 2))", in: path) }
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
        transcode(bytes, from: encoding, to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
    }

    /// Converts UTF-8 bytes to `encoding`.
    static func encode(_ utf8: [UInt8], to encoding: String) -> Result<[UInt8], Failure> {
        transcode(utf8, from: "UTF-8", to: encoding)
    }

    private static func transcode(_ bytes: [UInt8], from source: String, to target: String) -> Result<[UInt8], Failure> {
        let descriptor = iconv_open(target, source)
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
                return .success(UnsafeRawBufferPointer(start: outputBuffer.baseAddress, count: written).map { $0 })
            }
        }
    }
}
