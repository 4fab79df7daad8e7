import Foundation

/// The one text normalisation that search and topic matching share, implemented identically in
/// `theme/static/js/search.js` (shared test vectors keep the two in step).
///
/// It works code point by code point, so that every output character can be traced back to the
/// input position it came from (for highlighting):
/// 1. Unicode NFKC of the code point (full-width ASCII becomes ASCII, compatibility ideographs
///    become unified ones), then lower case;
/// 2. traditional → simplified folding through OpenCC's character table (`T2STable`);
/// 3. letters and numbers are kept; combining marks are dropped; anything else (punctuation,
///    spaces, symbols) separates: it leaves one space between two non-CJK letters or digits
///    (`5g app`) and nothing next to a Chinese character, so `服务，意识` and `服务意识` and
///    `服務 意識` all read `服务意识`.
public enum SearchNormalizer {
    /// Traditional → simplified, built once from the committed table.
    public static let foldingTable: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        table.reserveCapacity(T2STable.pairCount)
        var iterator = T2STable.pairs.unicodeScalars.makeIterator()
        while let source = iterator.next(), let target = iterator.next() {
            table[source] = target
        }
        return table
    }()

    /// The folding table as a flat array over the planes it covers, for the hot path (a
    /// dictionary lookup per character was a tenth of a build). 0 means unchanged.
    private static let foldingArray: [UInt32] = {
        var array = Array(repeating: UInt32(0), count: 0x10000)
        for (source, target) in foldingTable where source.value < 0x10000 { array[Int(source.value)] = target.value }
        return array
    }()

    /// The two per-character tables, read once per text: a static table read inside the loop
    /// went through its lazy initialiser's check on every character (1 % of a build).
    private struct Tables {
        let folding: [UInt32]
        let classes: [Class]

        @inline(__always)
        func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            if scalar.value < 0x10000 {
                let target = folding[Int(scalar.value)]
                return target == 0 ? scalar : Unicode.Scalar(target)!
            }
            return foldingTable[scalar] ?? scalar
        }

        @inline(__always)
        func classify(_ scalar: Unicode.Scalar) -> Class {
            scalar.value < 0x10000 ? classes[Int(scalar.value)] : classifyByProperties(scalar)
        }
    }

    private static let tables = Tables(folding: foldingArray, classes: basicPlaneClasses)

    public static func normalize(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        normalize(text) { scalar, _ in
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Normalises `text`, calling `emit` with each output scalar and the index of the input scalar
    /// it came from (in `text.unicodeScalars`); an inserted space carries the index of the input
    /// scalar that follows it.
    public static func normalize(_ text: String, emit: (Unicode.Scalar, String.UnicodeScalarView.Index) -> Void) {
        var previous: Unicode.Scalar?
        var pendingSeparator = false
        let scalars = text.unicodeScalars
        let tables = Self.tables
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let input = scalars[index]
            forEachNormalized(input, tables) { scalar in
                switch tables.classify(scalar) {
                case .kept:
                    if pendingSeparator, let last = previous, !CJK.isIdeograph(last), !CJK.isIdeograph(scalar) {
                        emit(" ", index)
                    }
                    pendingSeparator = false
                    emit(scalar, index)
                    previous = scalar
                case .dropped:
                    break
                case .separator:
                    if previous != nil { pendingSeparator = true }
                }
            }
            index = scalars.index(after: index)
        }
    }

    private enum Class { case kept, dropped, separator }

    /// `classifyByProperties` of every scalar of the Basic Multilingual Plane, worked out once:
    /// Chinese punctuation takes the general-category lookup, which was a tenth of the time spent
    /// normalising (surrogates, which are no scalars, read as separators).
    private static let basicPlaneClasses: [Class] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(classifyByProperties) ?? .separator
    }

    private static func classifyByProperties(_ scalar: Unicode.Scalar) -> Class {
        if scalar.isASCII {
            let v = scalar.value
            return (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) ? .kept : .separator
        }
        if CJK.isIdeograph(scalar) { return .kept }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .kept
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .dropped
        default:
            return .separator
        }
    }

    /// NFKC, lower case and folding of one input scalar, with fast paths for the common cases
    /// that give the same result as the general one.
    @inline(__always)
    private static func forEachNormalized(_ input: Unicode.Scalar, _ tables: Tables, _ body: (Unicode.Scalar) -> Void) {
        let value = input.value
        if value < 0x80 {
            body((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : input)
            return
        }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
            // Unified ideographs are unchanged by NFKC and case mapping.
            body(tables.fold(input))
            return
        }
        // Chinese and general punctuation, the commonest characters after ideographs: in
        // U+2000–U+206F and U+3001–U+3035, U+303B–U+303F NFKC changes nothing that stays a letter
        // or digit (U+3000, U+3036 and U+3038–U+303A, which it does map, take the general path);
        // full-width ASCII is ASCII moved up by 0xFEE0.
        if (0x2000...0x206F).contains(value) || (0x3001...0x3035).contains(value) || (0x303B...0x303F).contains(value) {
            body(input)
            return
        }
        if (0xFF01...0xFF5E).contains(value) {
            let ascii = value - 0xFEE0
            body(Unicode.Scalar(UInt8((0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii)))
            return
        }
        let compatible = String(input).precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in compatible.unicodeScalars {
            body(tables.fold(scalar))
        }
    }
}
