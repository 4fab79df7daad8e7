import Foundation

/// A document related to another, with how close they are.
public struct RelatedDocument: Sendable, Hashable {
    /// Index into the corpus's documents.
    public var document: Int
    /// Cosine similarity of the two documents' weighted bigrams, 0…1.
    public var similarity: Double
}

/// The documents most like each document, by TF-IDF over character bigrams, found through an
/// inverted index so no pair of documents is compared unless they share a distinctive bigram.
///
/// Each document keeps only its `termsPerDocument` heaviest bigrams (its vocabulary's
/// fingerprint), and bigrams found in very many documents are dropped (they say nothing about
/// relatedness). Each bigram's posting list keeps only the `championsPerTerm` documents that
/// weigh it most (champion lists): a document is scored against the documents for which a
/// shared bigram matters most, and the work is at most documents × terms × champions, linear in
/// the corpus (with the df cap alone, 10,000 documents took half a minute).
public enum RelatedDocuments {
    public static let count = 5
    static let termsPerDocument = 48
    static let championsPerTerm = 64

    /// `texts[i]` is the normalised text of document i. Returns, per document, up to `count`
    /// related documents, most similar first.
    public static func compute(_ texts: [String]) -> [[RelatedDocument]] {
        let total = texts.count
        guard total > 1 else { return texts.map { _ in [] } }
        // Bigram counts per document, with a shared vocabulary of 32-bit ids.
        let counts: [[UInt32: Int]] = Parallel.map(texts) { bigramCounts($0) }
        var documentFrequency: [UInt32: Int] = [:]
        for document in counts { for term in document.keys { documentFrequency[term, default: 0] += 1 } }
        let maximumFrequency = total <= 20 ? total - 1 : max(10, total / 10)
        let frequency = documentFrequency
        // Weighted, truncated, normalised vectors.
        let vectors: [[(term: UInt32, weight: Double)]] = Parallel.map(counts) { document in
            var weighted: [(term: UInt32, weight: Double)] = []
            for (term, count) in document {
                let df = frequency[term] ?? 0
                guard df >= 2, df <= maximumFrequency else { continue }
                weighted.append((term, (1 + log(Double(count))) * log(Double(total) / Double(df))))
            }
            weighted.sort { ($0.weight, $0.term) > ($1.weight, $1.term) }
            let kept = weighted.prefix(termsPerDocument)
            let norm = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
            return norm > 0 ? kept.map { ($0.term, $0.weight / norm) } : []
        }
        var postings: [UInt32: [(document: Int, weight: Double)]] = [:]
        for (document, vector) in vectors.enumerated() {
            for entry in vector { postings[entry.term, default: []].append((document, entry.weight)) }
        }
        let index = postings.mapValues { list in
            list.count <= championsPerTerm ? list
                : Array(list.sorted { ($0.weight, -$0.document) > ($1.weight, -$1.document) }.prefix(championsPerTerm))
        }
        return Parallel.map(Array(vectors.indices)) { document in
            var scores: [Int: Double] = [:]
            for entry in vectors[document] {
                for posting in index[entry.term] ?? [] where posting.document != document {
                    scores[posting.document, default: 0] += entry.weight * posting.weight
                }
            }
            return scores.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(count)
                .map { RelatedDocument(document: $0.key, similarity: min(1, $0.value)) }
        }
    }

    /// Counts of adjacent ideograph pairs, each pair packed into 32 bits as the low 16 bits of
    /// its two code points: exact for the BMP, where nearly all text is; an ideograph of the
    /// supplementary planes may share a key with a BMP one, which only merges rare pairs.
    static func bigramCounts(_ text: String) -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            guard CJK.isIdeograph(scalar) else { previous = nil; continue }
            let value = scalar.value & 0xFFFF
            if let first = previous { counts[first << 16 | value, default: 0] += 1 }
            previous = value
        }
        return counts
    }
}
