/// Counts of adjacent ideograph pairs (bigrams) of a text in its `SearchNormalizer` form: what
/// related documents weigh (`RelatedDocuments`). In the text layer so that the parse, which
/// normalises every passage anyway, counts them once and the build cache keeps them with the
/// parse; a build that reads the parse from the cache does not normalise the corpus again.
///
/// Each pair is packed into 32 bits as the low 16 bits of its two code points: exact for the
/// BMP, where nearly all text is; an ideograph of the supplementary planes may share a key with
/// a BMP one, which only merges rare pairs. Counts come in the order each pair first occurs.
public enum BigramCounts {
    /// The counts of `pieces` (no pair spans two), normalised as they are read, no copy made.
    static func of(_ pieces: [String]) -> [(term: UInt32, count: Int)] {
        var counter = Counter(expected: pieces.reduce(0) { $0 + $1.utf8.count } / 6)
        for piece in pieces {
            SearchNormalizer.normalize(piece) { scalar, _ in counter.push(scalar) }
            counter.endPiece()
        }
        return counter.counts
    }

    /// The same of pieces already in their `SearchNormalizer` form, encoded.
    static func encoded(normalized pieces: [String]) -> [UInt8] {
        var counter = Counter(expected: pieces.reduce(0) { $0 + $1.utf8.count } / 6)
        for piece in pieces {
            for scalar in piece.unicodeScalars { counter.push(scalar) }
            counter.endPiece()
        }
        return encoded(counter.counts)
    }

    /// Counts as a document keeps them (`Document.bigramCounts`): the terms in ascending order,
    /// each as its difference from the one before, then its count, both in seven bits a byte —
    /// about 4 bytes a bigram where a packed word takes 8 (some 2,800 distinct bigrams a
    /// document: 110 MB at 10,000 documents instead of 220, held from the parse to the analysis).
    static func encoded(_ counts: [(term: UInt32, count: Int)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(counts.count * 4)
        func append(_ value: UInt64) {
            var rest = value
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        // Each term above its count in one word, sorted by the terms (unique) as integers: a
        // comparison closure over the pairs was half of counting them.
        var packed = counts.map { UInt64($0.term) << 32 | UInt64(min($0.count, Int(UInt32.max))) }
        RadixSort.sort(&packed, fromBit: 32)
        var previous: UInt32 = 0
        for entry in packed {
            let term = UInt32(truncatingIfNeeded: entry >> 32)
            append(UInt64(term - previous))
            append(entry & 0xFFFF_FFFF)
            previous = term
        }
        return bytes
    }

    /// Calls `body` with each term and count of `encoded`, terms ascending.
    static func forEach(in encoded: [UInt8], _ body: (_ term: UInt32, _ count: Int) -> Void) {
        encoded.withUnsafeBufferPointer { bytes in
            var offset = 0
            func next() -> UInt64 {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                while offset < bytes.count {
                    let byte = bytes[offset]
                    offset += 1
                    value |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                return value
            }
            var term: UInt32 = 0
            while offset < bytes.count {
                term &+= UInt32(truncatingIfNeeded: next())
                body(term, Int(next()))
            }
        }
    }

    private struct Counter {
        var table: TermCounts
        var previous: UInt32?

        init(expected: Int) {
            table = TermCounts(expected: expected)
        }

        mutating func push(_ scalar: Unicode.Scalar) {
            guard CJK.isIdeograph(scalar) else { previous = nil; return }
            let value = scalar.value & 0xFFFF
            if let first = previous { table.add(first << 16 | value, 1) }
            previous = value
        }

        mutating func endPiece() { previous = nil }

        var counts: [(term: UInt32, count: Int)] { table.entries.map { ($0, $1) } }
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
