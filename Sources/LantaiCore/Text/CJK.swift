/// Character classes of Chinese text that several stages need.
public enum CJK {
    /// Whether a scalar is a Han ideograph (CJK Unified Ideographs, extensions and compatibility).
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// Whether a scalar is full-width or CJK punctuation (。，、；：？！“”‘’（）《》【】…).
    public static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x00B7:
            return true
        default:
            return false
        }
    }

    /// Ideographs and CJK punctuation: the characters after which a soft line break or an
    /// autolink ends, because Chinese text puts no spaces there.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        isIdeograph(scalar) || isPunctuation(scalar)
    }

    /// Whether a scalar always starts a character of its own (it never joins the scalar before
    /// it, as a combining mark, a joiner or the LF of CR LF does): printable ASCII, ideographs,
    /// CJK and full-width punctuation (without the combining tone marks U+302A–F), general
    /// punctuation from U+2010. In a run of such scalars, characters and scalars are the same.
    static func isLoneScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xB7, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// `text` cut to its first `characters` characters with `mark` added, or `text` itself when
    /// it is no longer, counted on scalars without grapheme breaking; nil when a scalar within
    /// reach is not a lone one (the caller counts `Character`s then).
    static func prefixOfLoneScalars(_ text: String, characters limit: Int, mark: String) -> String? {
        var count = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            guard isLoneScalar(scalars[index].value) else { return nil }
            if count == limit { return String(scalars[..<index]) + mark }
            count += 1
            index = scalars.index(after: index)
        }
        return text
    }
}
