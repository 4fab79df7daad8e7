/// Percent-encoding of link destinations as cmark-gfm writes them (`houdini_escape_href`).
///
/// Bytes a URL may hold as they are stay (letters, digits, `-_.~!#$%()*+,/:;=?@`, and `&` and `'`,
/// which the HTML escaping of the attribute takes care of); every other byte, a space, a
/// non-ASCII character's UTF-8 bytes, `\`, `` ` ``, `[`, `]`, `"`, `<`, `>`, `^`, `{`, `|`, `}`,
/// a control character, becomes `%XX`. `%` itself stays, so an encoded URL is not encoded twice.
public enum URLEscape {
    public static func href(_ url: String) -> String {
        var needsEscaping = false
        for byte in url.utf8 where !isKept(byte) {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return url }
        var result = [UInt8]()
        result.reserveCapacity(url.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if isKept(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.~!#$%()*+,/:;=?@&'".utf8.contains(byte)
        }
    }
}
