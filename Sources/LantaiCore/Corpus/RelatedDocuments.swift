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

    /// `texts[i]` is the text of document i (normalised or not: the bigrams are counted in its
    /// `SearchNormalizer` form). Returns, per document, up to `count` related documents, most
    /// similar first.
    public static func compute(_ texts: [String]) -> [[RelatedDocument]] {
        compute(documentCount: texts.count) { BigramCounts.encoded(BigramCounts.of([texts[$0]])) }
    }

    /// The same from each document's encoded bigram counts (`BigramCounts.encoded`): `counts(i)`
    /// is called once per document, on every core, and its answer is read twice (for the
    /// frequencies, then for the vector).
    static func compute(documentCount total: Int, counts encoded: @Sendable (Int) -> [UInt8]) -> [[RelatedDocument]] {
        guard total > 1 else { return Array(repeating: [], count: total) }
        var counts: [[UInt8]] = Parallel.map(Array(0..<total), encoded)
        let frequency = documentFrequencies(counts)
        let maximumFrequency = total <= 20 ? total - 1 : max(10, total / 10)
        // Weighted, truncated, normalised vectors.
        let vectors: [[(term: UInt32, weight: Double)]] = Parallel.map(Array(0..<total)) { [counts] document in
            var weighted: [(term: UInt32, weight: Double)] = []
            BigramCounts.forEach(in: counts[document]) { term, count in
                let df = frequency.of(term)
                guard df >= 2, df <= maximumFrequency else { return }
                weighted.append((term, (1 + log(Double(count))) * log(Double(total) / Double(df))))
            }
            let kept = weighted.firstSorted(termsPerDocument) { ($0.weight, $0.term) > ($1.weight, $1.term) }
            let norm = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
            return norm > 0 ? kept.map { ($0.term, $0.weight / norm) } : []
        }
        counts = []
        var postings: [UInt32: [(document: Int, weight: Double)]] = [:]
        for (document, vector) in vectors.enumerated() {
            for entry in vector { postings[entry.term, default: []].append((document, entry.weight)) }
        }
        let index = postings.mapValues { list in
            list.count <= championsPerTerm ? list
                : list.firstSorted(championsPerTerm) { ($0.weight, -$0.document) > ($1.weight, -$1.document) }
        }
        // Slices of the documents on every core, each adding up its documents' scores in one
        // array over the corpus (a dictionary per document spent its time hashing).
        let size = max(16, total / 64)
        let slices = stride(from: 0, to: total, by: size).map { $0..<min($0 + size, total) }
        return Parallel.map(slices) { slice in
            var scores = [Double](repeating: 0, count: total)
            var isScored = [Bool](repeating: false, count: total)
            var scored: [Int] = []
            var related: [[RelatedDocument]] = []
            for document in slice {
                for entry in vectors[document] {
                    for posting in index[entry.term] ?? [] where posting.document != document {
                        if !isScored[posting.document] {
                            isScored[posting.document] = true
                            scored.append(posting.document)
                        }
                        scores[posting.document] += entry.weight * posting.weight
                    }
                }
                let best = scored.firstSorted(count) { (scores[$0], -$0) > (scores[$1], -$1) }
                related.append(best.map { RelatedDocument(document: $0, similarity: min(1, scores[$0])) })
                for other in scored {
                    scores[other] = 0
                    isScored[other] = false
                }
                scored.removeAll(keepingCapacity: true)
            }
            return related
        }.flatMap { $0 }
    }

    /// How many documents hold each bigram: slices of the corpus count into tables of their
    /// own on every core, then the tables are added up.
    static func documentFrequencies(_ counts: [[UInt8]]) -> TermCounts {
        let size = max(64, counts.count / 8)
        let slices = stride(from: 0, to: counts.count, by: size).map { $0..<min($0 + size, counts.count) }
        let partial = Parallel.map(slices) { slice in
            var frequencies = TermCounts()
            for document in slice {
                BigramCounts.forEach(in: counts[document]) { term, _ in frequencies.add(term, 1) }
            }
            return frequencies
        }
        var all = TermCounts()
        for frequencies in partial {
            for (term, count) in frequencies.entries { all.add(term, count) }
        }
        return all
    }
}
