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
    /// Paragraphs with fewer trigrams (同志们：) are too short to say anything.
    static let minimumTrigrams = 12
    static let bands = 16
    static let rows = 3
    /// Paragraphs sharing a band key are all paired while there are at most this many; in a
    /// larger group (a paragraph copied into a hundred speeches) each is paired with the next
    /// `neighbours` only: it still finds `perPassage` copies, and the work stays linear.
    static let smallBucket = 16
    static let neighbours = 4
    public static let perPassage = 3

    /// A paragraph long enough to compare: where it is, and its trigrams as sorted, distinct
    /// 32-bit hashes. Half the memory of the trigrams themselves (a paragraph's set lives until
    /// every candidate is confirmed: some 0.5 GB at 10,000 documents); two trigrams share a hash
    /// about once in four billion pairs, so the similarity of two sets moves by one trigram in
    /// about one confirmation in a million.
    struct Item: Sendable {
        var document: Int
        var passage: Int
        var trigrams: [UInt32]
    }

    /// `passages[d][p]` is the normalised text of paragraph p of document d. Returns, per
    /// document and paragraph index, the similar paragraphs of other documents, most similar first.
    public static func find(_ passages: [[String]]) -> [[Int: [SimilarPassage]]] {
        // The signatures come from the trigrams themselves; only the hashed sets are kept.
        let found = Parallel.map(Array(passages.indices)) { document in
            passages[document].enumerated().compactMap { passage, text -> (item: Item, keys: [UInt64])? in
                // Each trigram mixed once: the set keeps the mixes' high halves, the signature
                // permutes the whole mixes.
                let mixed = trigrams(text).map(SplitMix.mix)
                let hashed = hashedSet(ofMixed: mixed)
                guard hashed.count >= minimumTrigrams else { return nil }
                return (Item(document: document, passage: passage, trigrams: hashed), bandKeys(signature(ofMixed: mixed)))
            }
        }.flatMap { $0 }
        let items = found.map(\.item)
        let keys = found.map(\.keys)
        let candidates = candidatePairs(items: items, keys: keys)

        let confirmed = Parallel.map(Array(stride(from: 0, to: candidates.count, by: 4096))) { start in
            candidates[start..<min(start + 4096, candidates.count)].compactMap { pair -> (Int, Int, Double)? in
                let first = Int(pair >> 32), second = Int(pair & 0xFFFF_FFFF)
                let similarity = jaccard(items[first].trigrams, items[second].trigrams)
                return similarity >= minimumSimilarity ? (first, second, similarity) : nil
            }
        }.flatMap { $0 }

        var result: [[Int: [SimilarPassage]]] = passages.map { _ in [:] }
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
        let perBand = Parallel.map(Array(0..<bands)) { band -> [UInt64] in
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

    /// The overlapping three-character pieces of the letters and digits of `text`, each packed
    /// into 64 bits, in text order with repeats (the signature's minimums do not see repeats, and
    /// `hashedSet` drops them).
    static func trigrams(_ text: String) -> [UInt64] {
        var trigrams: [UInt64] = []
        trigrams.reserveCapacity(text.utf8.count / 3 + 1)
        var window: UInt64 = 0, seen = 0
        for scalar in text.unicodeScalars where isWordCharacter(scalar) {
            window = (window << 21 | UInt64(scalar.value)) & (1 << 63 - 1)
            seen += 1
            if seen >= 3 { trigrams.append(window) }
        }
        return trigrams
    }

    /// Letters and digits; ideographs and ASCII answered without the Unicode property tables.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if CJK.isIdeograph(scalar) { return true }
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Sorted, distinct 32-bit hashes of trigrams, from their mixes (`mix`): the high halves.
    /// A paragraph's hashes are few (hundreds), so a plain quicksort on the buffer beats the
    /// standard library's stable merge sort here.
    static func hashedSet(ofMixed mixed: [UInt64]) -> [UInt32] {
        var hashes = mixed.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        let count = hashes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return buffer.count }
            quicksort(base, 0, buffer.count - 1)
            var write = 1
            for read in 1..<buffer.count where base[read] != base[write - 1] {
                base[write] = base[read]
                write += 1
            }
            return write
        }
        hashes.removeLast(hashes.count - count)
        return hashes
    }

    /// Sorts `values[low...high]` in place: median-of-three quicksort, insertion sort for short runs.
    private static func quicksort(_ values: UnsafeMutablePointer<UInt32>, _ low: Int, _ high: Int) {
        var low = low, high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { swap(values, middle, low) }
            if values[high] < values[low] { swap(values, high, low) }
            if values[high] < values[middle] { swap(values, high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { swap(values, i, j); i += 1; j -= 1 }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if j - low < high - i {
                quicksort(values, low, j)
                low = i
            } else {
                quicksort(values, i, high)
                high = j
            }
        }
        if high <= low { return }
        for i in (low + 1)...high {
            let value = values[i]
            var j = i - 1
            while j >= low, values[j] > value {
                values[j + 1] = values[j]
                j -= 1
            }
            values[j + 1] = value
        }
    }

    private static func swap(_ values: UnsafeMutablePointer<UInt32>, _ a: Int, _ b: Int) {
        let value = values[a]
        values[a] = values[b]
        values[b] = value
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

    /// The MinHash signature: for each of `bands × rows` hash functions, the least hash over the
    /// trigrams, given as their mixes (`mix`); function f is the bijection `(h ^ seed_f) × odd_f`
    /// of a mix h (multiply-shift hashing), cheap enough for every trigram of a large archive.
    static func signature(ofMixed mixed: [UInt64]) -> [UInt64] {
        var least = [UInt64](repeating: .max, count: bands * rows)
        least.withUnsafeMutableBufferPointer { least in
            functionConstants.withUnsafeBufferPointer { constants in
                for hash in mixed {
                    for function in 0..<(bands * rows) {
                        let value = (hash ^ constants[2 * function]) &* constants[2 * function + 1]
                        if value < least[function] { least[function] = value }
                    }
                }
            }
        }
        return least
    }

    /// One key per band: its rows' values hashed together with the band number.
    static func bandKeys(_ signature: [UInt64]) -> [UInt64] {
        (0..<bands).map { band in
            var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<rows { key = SplitMix.mix(key ^ signature[band * rows + row]) }
            return key
        }
    }

    /// Per hash function, its seed and its odd multiplier, side by side.
    private static let functionConstants: [UInt64] = (0..<(bands * rows)).flatMap { function in
        [SplitMix.mix(UInt64(function) &+ 0x5851_F42D_4C95_7F2D), SplitMix.mix(UInt64(function) &* 0xD6E8_FEB8_6659_FD93) | 1]
    }
}
