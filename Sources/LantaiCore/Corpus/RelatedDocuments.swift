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
///
/// A ranking can be brought up to date after some documents changed (`RelatedRanking.updated`)
/// with the same result, to the bit, as ranking the corpus from nothing: every step below is a
/// function of named inputs, and the update redoes a step exactly where its inputs changed.
public enum RelatedDocuments {
    public static let count = 5
    static let termsPerDocument = 48
    static let championsPerTerm = 64

    /// `texts[i]` is the text of document i (normalised or not: the bigrams are counted in its
    /// `SearchNormalizer` form). Returns, per document, up to `count` related documents, most
    /// similar first.
    public static func compute(_ texts: [String]) -> [[RelatedDocument]] {
        let counts = Parallel.map(texts) { BigramCounts.encoded(BigramCounts.of([$0])) }
        return RelatedRanking.ranked(paths: texts.indices.map(String.init), digests: RelatedRanking.digests(of: counts), counts: counts).related
    }

    /// A document's kept bigrams, heaviest first, with their weights divided by the vector's
    /// length; `floor` is the weight, not divided, of the last (lightest) one kept, which says
    /// whether a bigram whose weight changed could now be kept in its place.
    struct Vector: Sendable, Equatable {
        struct Entry: Sendable, Equatable {
            var term: UInt32
            var weight: Double
        }
        var entries: [Entry] = []
        var floor: Double = 0

        /// Whether a bigram of weight `weight` would be kept in place of the lightest kept one.
        func admits(_ term: UInt32, weight: Double) -> Bool {
            guard entries.count == termsPerDocument, let last = entries.last else { return true }
            return (weight, term) > (floor, last.term)
        }
    }

    /// The weighing every ranking shares: which bigrams count (found in at least two documents
    /// and at most `maximumFrequency`) and how much, from a document's count and the corpus's
    /// document frequency.
    struct Weighing {
        var total: Int
        var maximumFrequency: Int

        init(total: Int) {
            self.total = total
            maximumFrequency = total <= 20 ? total - 1 : max(10, total / 10)
        }

        func counts(_ frequency: Int) -> Bool { frequency >= 2 && frequency <= maximumFrequency }

        func weight(count: Int, frequency: Int) -> Double {
            (1 + log(Double(count))) * log(Double(total) / Double(frequency))
        }

        /// The weighted, truncated, normalised vector of a document's encoded counts.
        func vector(of counts: [UInt8], frequency: (UInt32) -> Int) -> Vector {
            var weighted: [Vector.Entry] = []
            BigramCounts.forEach(in: counts) { term, count in
                let df = frequency(term)
                guard self.counts(df) else { return }
                weighted.append(Vector.Entry(term: term, weight: weight(count: count, frequency: df)))
            }
            let kept = weighted.firstSorted(termsPerDocument) { ($0.weight, $0.term) > ($1.weight, $1.term) }
            let norm = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
            guard norm > 0, let last = kept.last else { return Vector() }
            return Vector(entries: kept.map { Vector.Entry(term: $0.term, weight: $0.weight / norm) }, floor: last.weight)
        }
    }

    /// A document of a champion list, with its weight of the list's bigram.
    struct Champion: Sendable, Equatable {
        var document: Int
        var weight: Double
    }

    /// Every bigram's champion list: its documents in corpus order, cut to the
    /// `championsPerTerm` that weigh it most. Built by sorting (bigram, entry) integers rather
    /// than appending to a dictionary of lists, and each vector entry knows its bigram's list,
    /// so scoring looks nothing up.
    struct ChampionIndex: Sendable {
        /// List `i` is `postings[starts[i]..<starts[i + 1]]`, the lists in the order of their bigrams.
        private var starts: [Int] = [0]
        private var postings: [Champion] = []
        /// Per document, where its entries begin in `listOfEntry` (entries in vector order).
        private var firstEntry: [Int] = [0]
        private var listOfEntry: [Int32] = []

        init(_ vectors: [Vector]) {
            let entryCount = vectors.reduce(0) { $0 + $1.entries.count }
            var owners: [Int32] = [], weights: [Double] = []
            // Entry numbers below their bigrams; the stable sort keeps each list in corpus order.
            var packed: [UInt64] = []
            owners.reserveCapacity(entryCount)
            weights.reserveCapacity(entryCount)
            packed.reserveCapacity(entryCount)
            postings.reserveCapacity(entryCount)
            firstEntry.reserveCapacity(vectors.count + 1)
            for (document, vector) in vectors.enumerated() {
                for entry in vector.entries {
                    packed.append(UInt64(entry.term) << 32 | UInt64(owners.count))
                    owners.append(Int32(document))
                    weights.append(entry.weight)
                }
                firstEntry.append(owners.count)
            }
            RadixSort.sort(&packed, fromBit: 32)
            listOfEntry = Array(repeating: 0, count: packed.count)
            var start = 0
            while start < packed.count {
                let term = UInt32(truncatingIfNeeded: packed[start] >> 32)
                var end = start + 1
                while end < packed.count, UInt32(truncatingIfNeeded: packed[end] >> 32) == term { end += 1 }
                let first = postings.count
                for value in packed[start..<end] {
                    let entry = Int(truncatingIfNeeded: value & 0xFFFF_FFFF)
                    listOfEntry[entry] = Int32(starts.count - 1)
                    postings.append(Champion(document: Int(owners[entry]), weight: weights[entry]))
                }
                if end - start > championsPerTerm {
                    let kept = postings[first...].firstSorted(championsPerTerm) { ($0.weight, -$0.document) > ($1.weight, -$1.document) }
                    postings.replaceSubrange(first..., with: kept)
                }
                starts.append(postings.count)
                start = end
            }
        }

        /// The champion list of entry `number` of `document`'s vector.
        func list(ofEntry number: Int, of document: Int) -> ArraySlice<Champion> {
            let list = Int(listOfEntry[firstEntry[document] + number])
            return postings[starts[list]..<starts[list + 1]]
        }
    }

    /// The related documents of `documents`, each scored against the champion lists of its
    /// bigrams: slices of them on every core, each adding up its documents' scores in one
    /// array over the corpus (a dictionary per document spent its time hashing).
    static func related(of documents: [Int], vectors: [Vector], index: ChampionIndex) -> [[RelatedDocument]] {
        let total = vectors.count
        let size = max(16, documents.count / 64)
        let slices = stride(from: 0, to: documents.count, by: size).map { documents[$0..<min($0 + size, documents.count)] }
        return Parallel.map(slices) { slice in
            var scores = [Double](repeating: 0, count: total)
            var isScored = [Bool](repeating: false, count: total)
            var scored: [Int] = []
            var related: [[RelatedDocument]] = []
            for document in slice {
                for (number, entry) in vectors[document].entries.enumerated() {
                    for posting in index.list(ofEntry: number, of: document) where posting.document != document {
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
