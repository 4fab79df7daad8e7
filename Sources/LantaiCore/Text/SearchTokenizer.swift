/// The grams a normalised term is looked up by in the index, with their offsets in the term.
///
/// The index holds every character, pair and triple of adjacent characters (not words), so a term
/// of one or two characters is one gram; a longer one is the triples that start at 0, 3, 6 … and
/// the last triple, which together cover every character: the term occurs where each of them
/// occurs at its offset, whatever a word segmenter would have made of the text.
public enum SearchTokenizer {
    public struct Gram: Hashable, Sendable {
        public var gram: String
        public var offset: Int
    }

    public static func grams(of normalized: String) -> [Gram] {
        let scalars = Array(normalized.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        guard scalars.count > 3 else { return [Gram(gram: normalized, offset: 0)] }
        var offsets = Array(stride(from: 0, to: scalars.count - 2, by: 3))
        if offsets.last != scalars.count - 3 { offsets.append(scalars.count - 3) }
        return offsets.map { Gram(gram: String(String.UnicodeScalarView(scalars[$0..<($0 + 3)])), offset: $0) }
    }
}
