import Foundation

/// A paragraph of another document with nearly the same wording.
public struct SimilarPassage: Sendable, Hashable {
    public var document: Int
    public var passage: Int
    /// Jaccard similarity of the two paragraphs' character trigrams, 0…1.
    public var similarity: Double
}

/// What confirming candidate pairs of paragraphs measured: per pair of paragraph texts, the
/// distinct trigram hashes the two share and hold together. The similarity of two paragraphs is
/// a function of their two texts alone, so a later build takes a pair's measure from here
/// rather than making both trigram sets again: after an edit only the pairs with an edited
/// paragraph are measured (the build cache keeps the last build's, `BuildCache`).
public struct PairMeasures: Sendable, Equatable {
    /// `pairKey`s of text pairs, ascending and distinct; two flat arrays rather than a hash
    /// table, because at 50,000 documents there are millions of pairs, read and written whole.
    private(set) var keys: [UInt64] = []
    /// Per key, the shared count in the high half and the union count in the low half.
    var measures: [UInt64] = []

    public init() {}

    /// Nil unless the keys ascend without repeats and each has a measure.
    init?(sortedKeys keys: [UInt64], measures: [UInt64]) {
        guard keys.count == measures.count, zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.keys = keys
        self.measures = measures
    }

    /// From (key, measure) pairs in any order; a key given twice (two pairs of the same two
    /// texts) has the same measure both times.
    init(unsorted pairs: [(key: UInt64, measure: UInt64)]) {
        let sorted = pairs.sorted { $0.key < $1.key }
        keys.reserveCapacity(sorted.count)
        measures.reserveCapacity(sorted.count)
        for pair in sorted where keys.last != pair.key {
            keys.append(pair.key)
            measures.append(pair.measure)
        }
    }

    /// The pairs of `previous` whose `used` is true, and `fresh` pairs (in any order, a key given
    /// twice having one measure) that `previous` lacks: a build keeps the measures of the last
    /// one's pairs that are still candidates and adds those it measured, merging two ordered runs
    /// where sorting every pair again kept one core busy in each build.
    init(keeping used: [Bool], of previous: PairMeasures, adding fresh: [(key: UInt64, measure: UInt64)]) {
        let added = PairMeasures(unsorted: fresh)
        keys.reserveCapacity(previous.count + added.count)
        measures.reserveCapacity(previous.count + added.count)
        var next = 0
        for index in previous.keys.indices where used[index] {
            let key = previous.keys[index]
            while next < added.count, added.keys[next] <= key {
                if added.keys[next] < key {
                    keys.append(added.keys[next])
                    measures.append(added.measures[next])
                }
                next += 1
            }
            keys.append(key)
            measures.append(previous.measures[index])
        }
        keys += added.keys[next...]
        measures += added.measures[next...]
    }

    /// Where the pair with `key` is, if it is here.
    func index(of key: UInt64) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }

    /// The measure of the pair with `key`, if there is one.
    func measure(of key: UInt64) -> UInt64? {
        index(of: key).map { measures[$0] }
    }

    /// The key of a pair of texts, from each text's hash, in either order.
    static func pairKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (low, high) = a < b ? (a, b) : (b, a)
        return SplitMix.mix(low ^ SplitMix.mix(high))
    }

    /// A text's hash, as `pairKey` takes it: `ContentHash`, eight bytes a step (FNV-1a, a byte a
    /// step, was 3 % of an edit build, hashing every candidate paragraph of the corpus).
    static func textHash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    static func similarity(_ measure: UInt64) -> Double {
        let union = measure & 0xFFFF_FFFF
        return union == 0 ? 0 : Double(measure >> 32) / Double(union)
    }

    public var count: Int { keys.count }
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

    /// The text of a paragraph, by document and paragraph number: a function rather than every
    /// text, because a build reads only the texts of the paragraphs it measures (the texts of a
    /// parse read from the build cache stay there until read, `StoredPassageTexts`).
    typealias Text = @Sendable (_ document: Int, _ passage: Int) -> String

    /// A paragraph long enough to compare: where it is.
    struct Item: Sendable {
        var document: Int
        var passage: Int
    }

    /// `passages[d][p]` is the text of paragraph p of document d. Returns, per document and
    /// paragraph index, the similar paragraphs of other documents, most similar first.
    public static func find(_ passages: [[String]]) -> [[Int: [SimilarPassage]]] {
        find(text: { passages[$0][$1] }, keys: Parallel.map(passages) { $0.map { PassageSketch.bandKeys(of: SearchNormalizer.normalize($0)) } }).notes
    }

    /// What `find` found: the notes, the measures of every candidate pair (for the next build),
    /// and the candidate pairs themselves (`SimilarPassageState`).
    struct Found {
        var notes: [[Int: [SimilarPassage]]]
        var measures: PairMeasures
        var candidates: SimilarPassageState.Candidates
    }

    /// The `perPassage` most similar of a paragraph's similar paragraphs, in order.
    static func best(_ list: [SimilarPassage]) -> [SimilarPassage] {
        list.firstSorted(perPassage) { ($0.similarity, -$0.document, -$0.passage) > ($1.similarity, -$1.document, -$1.passage) }
    }

    /// A paragraph as the candidates name it: its document's index above its own.
    static func paragraph(_ item: Item) -> UInt64 { UInt64(item.document) << 32 | UInt64(item.passage) }

    /// The same with each paragraph's band keys made before (`Passage.bandKeys`; nil for a
    /// paragraph too short to compare). A trigram set, which confirms a candidate with the exact
    /// Jaccard similarity, is made only for the paragraphs that are candidates, from their text
    /// normalised again (holding every paragraph's normalised text from the parse on cost more
    /// memory than normalising the candidates twice costs time). Every set lives
    /// until every candidate is confirmed: 32-bit hashes of the trigrams, half the memory of the
    /// trigrams themselves; two trigrams share a hash about once in four billion pairs, so the
    /// similarity of two sets moves by one trigram in about one confirmation in a million.
    ///
    /// A pair measured before (`measured`) is not measured again. Returns the notes and the
    /// measures of every candidate pair of this corpus (for the next build).
    static func find(text: Text, keys: [[[UInt64]?]], measured: PairMeasures = PairMeasures()) -> Found {
        let documentCount = keys.count
        var items: [Item] = []
        var itemKeys: [[UInt64]] = []
        for document in keys.indices {
            for (passage, bandKeys) in keys[document].enumerated() {
                guard let bandKeys else { continue }
                items.append(Item(document: document, passage: passage))
                itemKeys.append(bandKeys)
            }
        }
        let (candidates, sources) = candidatePairs(items: items, keys: itemKeys)
        var involved = [Bool](repeating: false, count: items.count)
        for pair in candidates {
            involved[Int(pair >> 32)] = true
            involved[Int(pair & 0xFFFF_FFFF)] = true
        }
        let located = items
        let hashes: [UInt64] = Parallel.map(Array(located.indices)) { [involved] index in
            involved[index] ? PairMeasures.textHash(text(located[index].document, located[index].passage)) : 0
        }
        // The pairs measured before, then trigram sets for the paragraphs of the others only.
        let keys: [UInt64] = Parallel.map(Array(stride(from: 0, to: candidates.count, by: 4096))) { start in
            candidates[start..<min(start + 4096, candidates.count)].map { pair in
                PairMeasures.pairKey(hashes[Int(pair >> 32)], hashes[Int(pair & 0xFFFF_FFFF)])
            }
        }.flatMap { $0 }
        let known: [Int?] = Parallel.map(Array(stride(from: 0, to: keys.count, by: 4096))) { start in
            keys[start..<min(start + 4096, keys.count)].map { measured.index(of: $0) }
        }.flatMap { $0 }
        var unmeasured = [Bool](repeating: false, count: items.count)
        var stillCandidates = [Bool](repeating: false, count: measured.count)
        for (pair, index) in zip(candidates, known) {
            if let index {
                stillCandidates[index] = true
            } else {
                unmeasured[Int(pair >> 32)] = true
                unmeasured[Int(pair & 0xFFFF_FFFF)] = true
            }
        }
        let sets: [[UInt32]] = Parallel.map(Array(located.indices)) { [unmeasured] index in
            unmeasured[index] ? PassageSketch.hashedSet(of: text(located[index].document, located[index].passage)) : []
        }
        let measures: [UInt64] = Parallel.map(Array(stride(from: 0, to: candidates.count, by: 4096))) { start in
            (start..<min(start + 4096, candidates.count)).map { number in
                let pair = candidates[number]
                return known[number].map { measured.measures[$0] } ?? measure(sets[Int(pair >> 32)], sets[Int(pair & 0xFFFF_FFFF)])
            }
        }.flatMap { $0 }
        var confirmed: [(Int, Int, Double)] = []
        var fresh: [(key: UInt64, measure: UInt64)] = []
        for (number, (pair, measure)) in zip(candidates, measures).enumerated() {
            let first = Int(pair >> 32), second = Int(pair & 0xFFFF_FFFF)
            if known[number] == nil { fresh.append((keys[number], measure)) }
            let similarity = PairMeasures.similarity(measure)
            if similarity >= minimumSimilarity { confirmed.append((first, second, similarity)) }
        }

        var result = [[Int: [SimilarPassage]]](repeating: [:], count: documentCount)
        for (first, second, similarity) in confirmed {
            let a = items[first], b = items[second]
            result[a.document][a.passage, default: []].append(SimilarPassage(document: b.document, passage: b.passage, similarity: similarity))
            result[b.document][b.passage, default: []].append(SimilarPassage(document: a.document, passage: a.passage, similarity: similarity))
        }
        let notes = Parallel.map(result) { notes in notes.mapValues(best) }
        let found = SimilarPassageState.Candidates(
            firsts: candidates.map { paragraph(items[Int($0 >> 32)]) }, seconds: candidates.map { paragraph(items[Int($0 & 0xFFFF_FFFF)]) },
            sources: sources, measures: measures)
        return Found(notes: notes, measures: PairMeasures(keeping: stillCandidates, of: measured, adding: fresh), candidates: found)
    }

    /// Pairs of items of different documents that agree on a band key, each as
    /// `first << 32 | second` with first < second, sorted and without repeats; with how many
    /// bands pair them.
    static func candidatePairs(items: [Item], keys: [[UInt64]]) -> (pairs: [UInt64], sources: [UInt8]) {
        let perBand = Parallel.map(Array(0..<PassageSketch.bands)) { band -> [UInt64] in
            var pairs: [UInt64] = []
            forEachBucket(keys: keys, band: band) { bucket in
                forEachPair(in: bucket, document: { items[$0].document }) { pairs.append(UInt64($0) << 32 | UInt64($1)) }
            }
            return pairs
        }
        var pairs = perBand.flatMap { $0 }
        pairs.sort()
        var unique: [UInt64] = [], sources: [UInt8] = []
        unique.reserveCapacity(pairs.count)
        sources.reserveCapacity(pairs.count)
        for pair in pairs {
            if unique.last == pair { sources[sources.count - 1] += 1 } else { unique.append(pair); sources.append(1) }
        }
        return (unique, sources)
    }

    /// Calls `body` with each pair of a bucket (its members in item order) that the bucket makes
    /// candidates: every pair of a small bucket, each member with the next `neighbours` of a
    /// large one; never two of one document. What `candidatePairs` and an update share.
    static func forEachPair<Member>(in bucket: ArraySlice<Member>, document: (Member) -> Int, _ body: (Member, Member) -> Void) {
        let reach = bucket.count <= smallBucket ? bucket.count : neighbours + 1
        for i in bucket.indices {
            for j in (i + 1)..<min(bucket.endIndex, i + reach) where document(bucket[i]) != document(bucket[j]) {
                body(bucket[i], bucket[j])
            }
        }
    }

    /// Calls `body` with each run of two or more items whose keys in `band` are equal, each run
    /// in item order. The items are sorted as integers, each the key's top 40 bits above the item
    /// number, by a radix sort of those top bits (a sort of (key, item) tuples through a closure
    /// was a quarter of an edit build's analysis); only items whose top bits another shares read
    /// their whole key, which splits the rare run of keys that differ below.
    static func forEachBucket(keys: [[UInt64]], band: Int, _ body: (ArraySlice<Int>) -> Void) {
        // Items sorted by (key, item): each run of one key, two or more long, is a bucket.
        func buckets(_ sorted: [(key: UInt64, item: Int)]) {
            var first = 0
            while first < sorted.count {
                var last = first + 1
                while last < sorted.count, sorted[last].key == sorted[first].key { last += 1 }
                if last - first > 1 { body(sorted[first..<last].map(\.item)[...]) }
                first = last
            }
        }
        let itemBits = 24, itemMask: UInt64 = (1 << 24) - 1
        guard keys.count <= 1 << itemBits else {
            buckets(keys.indices.map { (key: keys[$0][band], item: $0) }.sorted { ($0.key, $0.item) < ($1.key, $1.item) })
            return
        }
        var packed = keys.indices.map { keys[$0][band] & ~itemMask | UInt64($0) }
        RadixSort.sort(&packed, fromBit: itemBits)
        var start = 0
        while start < packed.count {
            var end = start + 1
            while end < packed.count, packed[end] & ~itemMask == packed[start] & ~itemMask { end += 1 }
            if end - start > 1 {
                var run = packed[start..<end].map { (key: keys[Int($0 & itemMask)][band], item: Int($0 & itemMask)) }
                if run.contains(where: { $0.key != run[0].key }) { run.sort { ($0.key, $0.item) < ($1.key, $1.item) } }
                buckets(run)
            }
            start = end
        }
    }

    /// |a ∩ b| in the high half, |a ∪ b| in the low half, of two sorted, distinct arrays.
    static func measure(_ a: [UInt32], _ b: [UInt32]) -> UInt64 {
        let shared = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, shared = 0
                while i < a.count, j < b.count {
                    if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
                }
                return shared
            }
        }
        return UInt64(shared) << 32 | UInt64(a.count + b.count - shared)
    }

}
