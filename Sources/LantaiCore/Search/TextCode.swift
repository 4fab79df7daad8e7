/// The dense spelling of the text in the search index's text pieces (`search/text/*`).
///
/// Chinese text in UTF-8 takes three bytes a character, and the snippet text is about a third of
/// the index. Here every character of a fixed table (`TextCode+Table.swift`: common punctuation
/// and characters, ASCII, GB 2312 level 1) is written as one or two *symbols*, the printable
/// ASCII characters a JSON string holds unescaped (space to `~`, less `"` and `\`): the table's
/// first `oneSymbol` characters as one symbol, the others as a lead symbol and a second symbol.
/// A character outside the table, never ASCII, stands for itself. Chinese text takes about 1.8
/// bytes a character so. The table is fixed rather than drawn from the site's text, so a piece
/// reads the same in every later build and an edit rewrites only its own pieces.
public enum TextCode {
    /// PostingCode's symbols, in order.
    static let symbols: [UInt8] = (0..<(PostingCode.endDigits + PostingCode.innerBase)).map(PostingCode.character(of:))
    static let oneSymbol = 37

    /// The table as `search/code.js` holds it: `{frequent, common}`, the one-symbol characters as
    /// a string and the characters after ASCII as the differences of their code points
    /// (`PostingCode`, from 0) — a third of the bytes of the characters themselves, which every
    /// first query with results fetches.
    static var json: String {
        var previous: UInt32 = 0
        var deltas: [UInt8] = []
        for scalar in common.unicodeScalars {
            PostingCode.append(Int(scalar.value - previous), to: &deltas)
            previous = scalar.value
        }
        return "{\"common\":\"" + String(decoding: deltas, as: UTF8.self) + "\",\"frequent\":" + JSONText.quoted(frequent) + "}"
    }

    /// The table, in code order.
    public static let table: [Unicode.Scalar] =
        Array(frequent.unicodeScalars) + (0..<128).map { Unicode.Scalar(UInt8($0)) } + Array(common.unicodeScalars)

    /// The code of each character of the Basic Multilingual Plane (where the table lies), -1 for none.
    private static let codes: [Int16] = {
        var codes = [Int16](repeating: -1, count: 0x10000)
        for (code, scalar) in table.enumerated().reversed() { codes[Int(scalar.value)] = Int16(code) }
        return codes
    }()

    /// `text` in symbols and characters outside the table.
    public static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        // The tables read once, not through their lazy initialisers' checks per character.
        let (codes, symbols) = (Self.codes, Self.symbols)
        for scalar in text.unicodeScalars {
            let code = scalar.value < 0x10000 ? Int(codes[Int(scalar.value)]) : -1
            guard code >= 0 else {
                bytes += String(scalar).utf8
                continue
            }
            if code < oneSymbol {
                bytes.append(symbols[code])
            } else {
                let rest = code - oneSymbol
                bytes.append(symbols[oneSymbol + rest / symbols.count])
                bytes.append(symbols[rest % symbols.count])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text `encode` was given; nil when `coded` is not such a spelling.
    public static func decode(_ coded: String) -> String? {
        var text = String.UnicodeScalarView()
        var scalars = coded.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar.isASCII else {
                text.append(scalar)
                continue
            }
            let lead = PostingCode.value(of: UInt8(scalar.value))
            guard lead >= 0 else { return nil }
            if lead < oneSymbol {
                text.append(table[lead])
                continue
            }
            guard let next = scalars.next(), next.isASCII else { return nil }
            let second = PostingCode.value(of: UInt8(next.value))
            let code = oneSymbol + (lead - oneSymbol) * symbols.count + second
            guard second >= 0, code < table.count else { return nil }
            text.append(table[code])
        }
        return String(text)
    }
}
