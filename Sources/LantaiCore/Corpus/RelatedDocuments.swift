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
        compute(documentCount: texts.count) { [texts[$0]] }
    }

    /// The same for a corpus whose texts are read on demand: `text(i)` gives the pieces of
    /// document i's text (no bigram spans two pieces) and is called once per document.
    /// Each document's bigram counts are held until its vector is made, packed 8 bytes a bigram
    /// (some 2,800 distinct bigrams a document: about 220 MB at 10,000 documents; counting every
    /// text twice instead, once for the frequencies and once for the vectors, cost a second).
    static func compute(documentCount total: Int, text: @Sendable (Int) -> [String]) -> [[RelatedDocument]] {
        guard total > 1 else { return Array(repeating: [], count: total) }
        var counts: [[UInt64]] = Parallel.map(Array(0..<total)) { document in
            bigramCounts(text(document)).map { PackedCount(term: $0.term, count: $0.count).bits }
        }
        let frequency = documentFrequencies(counts)
        let maximumFrequency = total <= 20 ? total - 1 : max(10, total / 10)
        // Weighted, truncated, normalised vectors.
        let vectors: [[(term: UInt32, weight: Double)]] = Parallel.map(Array(0..<total)) { [counts] document in
            var weighted: [(term: UInt32, weight: Double)] = []
            for bits in counts[document] {
                let entry = PackedCount(bits: bits)
                let df = frequency.of(entry.term)
                guard df >= 2, df <= maximumFrequency else { continue }
                weighted.append((entry.term, (1 + log(Double(entry.count))) * log(Double(total) / Double(df))))
            }
            weighted.sort { ($0.weight, $0.term) > ($1.weight, $1.term) }
            let kept = weighted.prefix(termsPerDocument)
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

    /// How many documents hold each bigram: slices of the corpus count into tables of their
    /// own on every core, then the tables are added up.
    static func documentFrequencies(_ counts: [[UInt64]]) -> TermCounts {
        let size = max(64, counts.count / 8)
        let slices = stride(from: 0, to: counts.count, by: size).map { $0..<min($0 + size, counts.count) }
        let partial = Parallel.map(slices) { slice in
            var frequencies = TermCounts()
            for document in slice {
                for bits in counts[document] { frequencies.add(PackedCount(bits: bits).term, 1) }
            }
            return frequencies
        }
        var all = TermCounts()
        for frequencies in partial {
            for (term, count) in frequencies.entries { all.add(term, count) }
        }
        return all
    }

    /// A bigram and its count in one word: the term in the high half, the count (at most
    /// 2³² − 1, a text of gigabytes) in the low half.
    struct PackedCount {
        var bits: UInt64

        init(bits: UInt64) {
            self.bits = bits
        }

        init(term: UInt32, count: Int) {
            bits = UInt64(term) << 32 | UInt64(min(count, Int(UInt32.max)))
        }

        var term: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) }
        var count: Int { Int(bits & 0xFFFF_FFFF) }
    }

    /// Counts of adjacent ideograph pairs of the text through `SearchNormalizer` (normalised as
    /// it is read, no copy made), in the order each pair first occurs, each pair packed into 32
    /// bits as the low 16 bits of its two code points: exact for the BMP, where nearly all text
    /// is; an ideograph of the supplementary planes may share a key with a BMP one, which only
    /// merges rare pairs.
    static func bigramCounts(_ text: String) -> [(term: UInt32, count: Int)] {
        bigramCounts([text])
    }

    static func bigramCounts(_ pieces: [String]) -> [(term: UInt32, count: Int)] {
        var counts = TermCounts(expected: pieces.reduce(0) { $0 + $1.utf8.count } / 6)
        for piece in pieces {
            var previous: UInt32?
            SearchNormalizer.normalize(piece) { scalar, _ in
                guard CJK.isIdeograph(scalar) else { previous = nil; return }
                let value = scalar.value & 0xFFFF
                if let first = previous { counts.add(first << 16 | value, 1) }
                previous = value
            }
        }
        return counts.entries.map { ($0, $1) }
    }
}

/// A count per bigram key in a `GramTable` (flat arrays; `Dictionary` hashing was the slow part).
struct TermCounts: Sendable {
    private var table: GramTable
    private var terms: [UInt32] = []
    private var counts: [Int] = []

    init(expected: Int = 1 << 14) {
        table = GramTable(expected: max(16, expected))
    }

    mutating func add(_ term: UInt32, _ count: Int) {
        let (number, isNew) = table.number(of: UInt64(term))
        if isNew {
            terms.append(term)
            counts.append(count)
        } else {
            counts[number] += count
        }
    }

    func of(_ term: UInt32) -> Int {
        table.lookup(UInt64(term)).map { counts[$0] } ?? 0
    }

    var entries: Zip2Sequence<[UInt32], [Int]> { zip(terms, counts) }
}
