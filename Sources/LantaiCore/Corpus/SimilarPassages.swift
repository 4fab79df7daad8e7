import Foundation

/// A paragraph of another document with nearly the same wording.
public struct SimilarPassage: Sendable, Hashable {
    public var document: Int
    public var passage: Int
    /// Jaccard similarity of the two paragraphs' character trigrams, 0…1.
    public var similarity: Double
}

/// Finds paragraphs of different documents with nearly the same wording (a sentence reused with
/// a few characters changed) by MinHash over character trigrams with locality-sensitive hashing:
/// paragraphs only become candidates when one band of their signatures agrees, and every
/// candidate is confirmed with the exact Jaccard similarity of its trigram sets. No pair of
/// paragraphs is compared otherwise.
///
/// Every step is linear or a sort: trigram sets and signatures per paragraph in parallel, each
/// band's keys sorted on their own (in parallel) so equal keys lie side by side, candidate pairs
/// sorted once to drop repeats, and the confirmations in parallel.
public enum SimilarPassages {
    /// The least Jaccard similarity of trigram sets that counts as nearly the same wording.
    public static let minimumSimilarity = 0.5
    /// Paragraphs sharing a band key are all paired while there are at most this many; in a
    /// larger group (a paragraph copied into a hundred speeches) each is paired with the next
    /// `neighbours` only: it still finds `perPassage` copies, and the work stays linear.
    static let smallBucket = 16
    static let neighbours = 4
    public static let perPassage = 3

    /// A paragraph long enough to compare: where it is.
    struct Item: Sendable {
        var document: Int
        var passage: Int
    }

    /// `passages[d][p]` is the text of paragraph p of document d. Returns, per document and
    /// paragraph index, the similar paragraphs of other documents, most similar first.
    public static func find(_ passages: [[String]]) -> [[Int: [SimilarPassage]]] {
        find(texts: passages, keys: Parallel.map(passages) { $0.map { PassageSketch.bandKeys(of: SearchNormalizer.normalize($0)) } })
    }

    /// The same with each paragraph's band keys made before (`Passage.bandKeys`; nil for a
    /// paragraph too short to compare). A trigram set, which confirms a candidate with the exact
    /// Jaccard similarity, is made only for the paragraphs that are candidates, from their text
    /// normalised again (holding every paragraph's normalised text from the parse on cost more
    /// memory than normalising the candidates twice costs time). Every set lives
    /// until every candidate is confirmed: 32-bit hashes of the trigrams, half the memory of the
    /// trigrams themselves; two trigrams share a hash about once in four billion pairs, so the
    /// similarity of two sets moves by one trigram in about one confirmation in a million.
    static func find(texts: [[String]], keys: [[[UInt64]?]]) -> [[Int: [SimilarPassage]]] {
        var items: [Item] = []
        var itemKeys: [[UInt64]] = []
        for document in keys.indices {
            for (passage, bandKeys) in keys[document].enumerated() {
                guard let bandKeys else { continue }
                items.append(Item(document: document, passage: passage))
                itemKeys.append(bandKeys)
            }
        }
        let candidates = candidatePairs(items: items, keys: itemKeys)
        var involved = [Bool](repeating: false, count: items.count)
        for pair in candidates {
            involved[Int(pair >> 32)] = true
            involved[Int(pair & 0xFFFF_FFFF)] = true
        }
        let (flags, located) = (involved, items)
        let sets: [[UInt32]] = Parallel.map(Array(located.indices)) { index in
            flags[index] ? PassageSketch.hashedSet(of: texts[located[index].document][located[index].passage]) : []
        }

        let confirmed = Parallel.map(Array(stride(from: 0, to: candidates.count, by: 4096))) { start in
            candidates[start..<min(start + 4096, candidates.count)].compactMap { pair -> (Int, Int, Double)? in
                let first = Int(pair >> 32), second = Int(pair & 0xFFFF_FFFF)
                let similarity = jaccard(sets[first], sets[second])
                return similarity >= minimumSimilarity ? (first, second, similarity) : nil
            }
        }.flatMap { $0 }

        var result: [[Int: [SimilarPassage]]] = texts.map { _ in [:] }
        for (first, second, similarity) in confirmed {
            let a = items[first], b = items[second]
            result[a.document][a.passage, default: []].append(SimilarPassage(document: b.document, passage: b.passage, similarity: similarity))
            result[b.document][b.passage, default: []].append(SimilarPassage(document: a.document, passage: a.passage, similarity: similarity))
        }
        return Parallel.map(result) { notes in
            notes.mapValues { list in
                Array(list.sorted { ($0.similarity, -$0.document, -$0.passage) > ($1.similarity, -$1.document, -$1.passage) }.prefix(perPassage))
            }
        }
    }

    /// Pairs of items of different documents that agree on a band key, each as
    /// `first << 32 | second` with first < second, sorted and without repeats.
    static func candidatePairs(items: [Item], keys: [[UInt64]]) -> [UInt64] {
        let perBand = Parallel.map(Array(0..<PassageSketch.bands)) { band -> [UInt64] in
            var column = keys.indices.map { (key: keys[$0][band], item: $0) }
            column.sort { ($0.key, $0.item) < ($1.key, $1.item) }
            var pairs: [UInt64] = []
            var start = 0
            while start < column.count {
                var end = start + 1
                while end < column.count, column[end].key == column[start].key { end += 1 }
                let reach = end - start <= smallBucket ? end - start : neighbours + 1
                for i in start..<end {
                    for j in (i + 1)..<min(end, i + reach) where items[column[i].item].document != items[column[j].item].document {
                        pairs.append(UInt64(column[i].item) << 32 | UInt64(column[j].item))
                    }
                }
                start = end
            }
            return pairs
        }
        var pairs = perBand.flatMap { $0 }
        pairs.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return unique
    }

    /// |a ∩ b| / |a ∪ b| of two sorted, distinct arrays.
    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let shared = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, shared = 0
                while i < a.count, j < b.count {
                    if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
                }
                return shared
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

}
