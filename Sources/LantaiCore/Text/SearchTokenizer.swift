/// Splits normalised text into index terms: overlapping character bigrams with their positions,
/// or the single character of a one-character text.
///
/// Bigrams and not words: a phrase query is the chain of its bigrams at consecutive positions,
/// which finds every occurrence whatever a word segmenter would have made of the text.
public enum SearchTokenizer {
    public struct Gram: Hashable, Sendable {
        public var gram: String
        public var position: Int
    }

    public static func grams(of normalized: String) -> [Gram] {
        let scalars = Array(normalized.unicodeScalars)
        if scalars.count == 1 { return [Gram(gram: String(scalars[0]), position: 0)] }
        guard scalars.count > 1 else { return [] }
        return (0..<(scalars.count - 1)).map { index in
            var gram = String.UnicodeScalarView()
            gram.append(scalars[index])
            gram.append(scalars[index + 1])
            return Gram(gram: String(gram), position: index)
        }
    }
}
