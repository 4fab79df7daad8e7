/// Tells GB18030 from Big5 (Windows' CP950) for a file that is not UTF-8. Most byte strings
/// decode without error in both, so the choice is by which decoding reads as ordinary Chinese:
/// common characters (GB2312's first level, 3,755 characters, or Big5's common level, 5,401)
/// and Chinese punctuation count for it; what ordinary text never holds (private-use
/// characters, kana, Hangul, Bopomofo, rare extension ideographs, box drawing, Greek and
/// Cyrillic letters) counts three times against it. Big5 text read as GB18030 turns its
/// punctuation into private-use characters (`，` is A1 41 in Big5), and GB text read as Big5
/// into rare characters or no decoding at all, so the two are far apart on any real paragraph.
enum ChineseEncodingGuess {
    struct Candidate {
        var encoding: String
        var text: String
        var score: Int
    }

    /// At most this many characters are scored: enough to tell, cheap for any file.
    static let sample = 4_000

    static func score(_ text: String) -> Int {
        var score = 0
        var common: [Unicode.Scalar: Bool] = [:]
        for scalar in text.unicodeScalars.prefix(sample) {
            let value = scalar.value
            if punctuation.contains(scalar) {
                score += 1
            } else if (0x4E00...0x9FFF).contains(value) {
                if common[scalar] == nil { common[scalar] = isCommon(scalar) }
                if common[scalar] == true { score += 1 }
            } else if isUnusual(value) {
                score -= 3
            }
        }
        return score
    }

    static let punctuation: Set<Unicode.Scalar> = Set("，。、；：？！“”‘’《》（）—…「」『』".unicodeScalars)

    static func isUnusual(_ value: UInt32) -> Bool {
        switch value {
        case 0xE000...0xF8FF, 0x3040...0x30FF, 0xAC00...0xD7AF, 0x3100...0x312F, 0x3400...0x4DBF,
             0x2500...0x257F, 0x0370...0x04FF, 0xF900...0xFAFF, 0xFF61...0xFFDC:
            return true
        default:
            return false
        }
    }

    /// Whether a character is among the common ones of GB2312 (bytes B0A1–D7F9) or of Big5
    /// (A440–C67E), found by encoding it with the system's iconv.
    static func isCommon(_ scalar: Unicode.Scalar) -> Bool {
        let utf8 = Array(String(scalar).utf8)
        if case .success(let bytes) = Iconv.encode(utf8, to: "GB2312"), bytes.count == 2,
           (0xB0...0xD7).contains(bytes[0]), bytes[0] < 0xD7 || bytes[1] <= 0xF9 {
            return true
        }
        if case .success(let bytes) = Iconv.encode(utf8, to: "BIG5"), bytes.count == 2 {
            let code = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            return (0xA440...0xC67E).contains(code)
        }
        return false
    }

    /// The legacy encodings told apart: the name recorded in front matter and iconv's name.
    static let encodings = [(name: "GB18030", iconv: "GB18030"), (name: "Big5", iconv: "CP950")]

    /// The decodings, best first (GB18030 and Big5 when both decode), and where GB18030 stopped
    /// when it did not decode.
    static func candidates(_ bytes: [UInt8]) -> (candidates: [Candidate], gb18030Failure: Iconv.Failure?) {
        var candidates: [Candidate] = []
        var gb18030Failure: Iconv.Failure?
        for encoding in encodings {
            switch Iconv.convert(bytes, from: encoding.iconv) {
            case .success(let text): candidates.append(Candidate(encoding: encoding.name, text: text, score: score(text)))
            case .failure(let failure): if encoding.name == "GB18030" { gb18030Failure = failure }
            }
        }
        return (candidates.sorted { $0.score > $1.score }, gb18030Failure)
    }
}
