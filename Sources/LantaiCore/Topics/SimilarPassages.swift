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
public enum SimilarPassages {
    /// The least Jaccard similarity of trigram sets that counts as nearly the same wording.
    public static let minimumSimilarity = 0.5
    /// Paragraphs with fewer trigrams (同志们：) are too short to say anything.
    static let minimumTrigrams = 12
    static let bands = 16
    static let rows = 3
    /// A band value shared by more paragraphs than this is boilerplate; it adds no candidates.
    static let largestBucket = 64
    public static let perPassage = 3

    /// `passages[d][p]` is the normalised text of paragraph p of document d. Returns, per
    /// document and paragraph index, the similar paragraphs of other documents, most similar first.
    public static func find(_ passages: [[String]]) -> [[Int: [SimilarPassage]]] {
        struct Item: Sendable { var document: Int; var passage: Int; var trigrams: Set<UInt64> }
        var items: [Item] = []
        for (document, texts) in passages.enumerated() {
            for (passage, text) in texts.enumerated() {
                let trigrams = trigramSet(text)
                if trigrams.count >= minimumTrigrams { items.append(Item(document: document, passage: passage, trigrams: trigrams)) }
            }
        }
        let signatures = Parallel.map(items) { signature($0.trigrams) }
        var buckets: [UInt64: [Int]] = [:]
        for (index, signature) in signatures.enumerated() {
            for band in 0..<bands {
                var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
                for row in 0..<rows { key = mix(key ^ signature[band * rows + row]) }
                buckets[key, default: []].append(index)
            }
        }
        var candidates: Set<Pair> = []
        for members in buckets.values where members.count > 1 && members.count <= largestBucket {
            for i in members.indices {
                for j in members.indices where j > i && items[members[i]].document != items[members[j]].document {
                    candidates.insert(Pair(first: members[i], second: members[j]))
                }
            }
        }
        var result: [[Int: [SimilarPassage]]] = passages.map { _ in [:] }
        for pair in candidates {
            let a = items[pair.first], b = items[pair.second]
            let shared = a.trigrams.intersection(b.trigrams).count
            let similarity = Double(shared) / Double(a.trigrams.count + b.trigrams.count - shared)
            guard similarity >= minimumSimilarity else { continue }
            result[a.document][a.passage, default: []].append(SimilarPassage(document: b.document, passage: b.passage, similarity: similarity))
            result[b.document][b.passage, default: []].append(SimilarPassage(document: a.document, passage: a.passage, similarity: similarity))
        }
        for document in result.indices {
            for (passage, list) in result[document] {
                result[document][passage] = Array(list.sorted { ($0.similarity, -$0.document, -$0.passage) > ($1.similarity, -$1.document, -$1.passage) }.prefix(perPassage))
            }
        }
        return result
    }

    private struct Pair: Hashable { var first: Int; var second: Int }

    /// Hashes of the overlapping three-character pieces of the letters and digits of `text`.
    static func trigramSet(_ text: String) -> Set<UInt64> {
        let scalars = text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map { UInt64($0.value) }
        guard scalars.count >= 3 else { return [] }
        var set = Set<UInt64>()
        set.reserveCapacity(scalars.count)
        for index in 0...(scalars.count - 3) {
            set.insert(scalars[index] << 42 | scalars[index + 1] << 21 | scalars[index + 2])
        }
        return set
    }

    /// The MinHash signature: for each of `bands × rows` seeded hash functions, the least hash.
    static func signature(_ trigrams: Set<UInt64>) -> [UInt64] {
        (0..<(bands * rows)).map { function in
            let seed = UInt64(function + 1) &* 0xD6E8_FEB8_6659_FD93
            var least = UInt64.max
            for trigram in trigrams { least = min(least, mix(trigram ^ seed)) }
            return least
        }
    }

    /// SplitMix64's finaliser: a fast, well-spread 64-bit hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
