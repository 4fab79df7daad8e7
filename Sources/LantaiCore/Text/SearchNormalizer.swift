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

    /// The folding table as `[[traditional, simplified], …]` for the browser.
    public static var foldingPairs: [[String]] {
        foldingTable.sorted { $0.key.value < $1.key.value }.map { [String($0.key), String($0.value)] }
    }

    public static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        normalize(text) { scalar, _ in output.append(scalar) }
        return String(output)
    }

    /// Normalises `text`, calling `emit` with each output scalar and the index of the input scalar
    /// it came from (in `text.unicodeScalars`); an inserted space carries the index of the input
    /// scalar that follows it.
    public static func normalize(_ text: String, emit: (Unicode.Scalar, String.UnicodeScalarView.Index) -> Void) {
        var previous: Unicode.Scalar?
        var pendingSeparator = false
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let input = scalars[index]
            forEachNormalized(input) { scalar in
                switch classify(scalar) {
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

    private static func classify(_ scalar: Unicode.Scalar) -> Class {
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
    private static func forEachNormalized(_ input: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let value = input.value
        if value < 0x80 {
            body((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : input)
            return
        }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
            // Unified ideographs are unchanged by NFKC and case mapping.
            body(foldingTable[input] ?? input)
            return
        }
        let compatible = String(input).precomposedStringWithCompatibilityMapping.lowercased()
        for scalar in compatible.unicodeScalars {
            body(foldingTable[scalar] ?? scalar)
        }
    }
}
