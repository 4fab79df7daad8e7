/// HTML escaping for text and attribute values written by our own renderer.
public enum HTMLEscape {
    public static func text(_ string: String) -> String {
        // Most text has nothing to escape; the check runs over the contiguous UTF-8 bytes
        // (`withUTF8` copies only a string that is not native, which builds do not make).
        var contiguous = string
        let needsEscaping = contiguous.withUTF8 { bytes in
            bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard needsEscaping else { return string }
        var result = ""
        result.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Attribute values are escaped the same way; the quote characters are covered.
    public static func attribute(_ string: String) -> String { text(string) }
}
