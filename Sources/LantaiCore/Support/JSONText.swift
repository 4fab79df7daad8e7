/// Small pieces of JSON written by hand where `JSONEncoder` is too slow for the index's volume.
enum JSONText {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped, and U+2028
    /// and U+2029, which old JavaScript engines refuse inside a script's string literal.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `quoted(text)`'s bytes appended to `bytes`.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20: bytes += Array("\\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))".utf8)
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                pending = [byte]
                if let second = utf8.next() {
                    pending.append(second)
                    if let third = utf8.next() {
                        pending.append(third)
                        if second == 0x80, third == 0xA8 || third == 0xA9 {
                            pending = Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                        }
                    }
                }
                bytes += pending
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
