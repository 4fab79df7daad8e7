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
        scan(encoded, while: { term, count in body(term, count); return true })
    }

    /// The same while `body` returns true.
    static func scan(_ encoded: [UInt8], while body: (_ term: UInt32, _ count: Int) -> Bool) {
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
                guard body(term, Int(next())) else { return }
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

        var counts: [(term: UInt32, count: Int)] { table.entries }
    }
}

/// A count per 32-bit term (a bigram key): open addressing with linear probing over one array
/// whose slots hold a term and its count side by side, so that a lookup touches one cache line.
/// (A `GramTable` of keys, numbers and counts in three arrays touched three: the document
/// frequencies of 10,000 documents are some 30 million lookups in a table of a million terms.)
/// A slot with a count of 0 is empty, so adding 0 adds nothing; a count stops at 2³² − 1, which
/// no document or corpus comes near.
struct TermCounts: Sendable {
    /// `term << 32 | count`.
    private var slots: [UInt64]
    private var mask: Int
    /// The terms in the order they were first added.
    private var terms: [UInt32] = []

    init(expected: Int = 1 << 14) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    mutating func add(_ term: UInt32, _ count: Int) {
        guard count > 0 else { return }
        let added = UInt64(min(count, Int(UInt32.max)))
        var slot = Self.slot(of: term, mask: mask)
        while true {
            let found = slots[slot]
            if found & 0xFFFF_FFFF == 0 { break }
            if UInt32(truncatingIfNeeded: found >> 32) == term {
                slots[slot] = found & ~0xFFFF_FFFF | min(found & 0xFFFF_FFFF + added, 0xFFFF_FFFF)
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt64(term) << 32 | added
        terms.append(term)
        if terms.count * 2 > slots.count { grow() }
    }

    func of(_ term: UInt32) -> Int {
        var slot = Self.slot(of: term, mask: mask)
        while true {
            let found = slots[slot]
            if found & 0xFFFF_FFFF == 0 { return 0 }
            if UInt32(truncatingIfNeeded: found >> 32) == term { return Int(found & 0xFFFF_FFFF) }
            slot = (slot + 1) & mask
        }
    }

    /// Every term with its count, in the order the terms were first added.
    var entries: [(term: UInt32, count: Int)] { terms.map { ($0, of($0)) } }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry & 0xFFFF_FFFF != 0 {
            var slot = Self.slot(of: UInt32(truncatingIfNeeded: entry >> 32), mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    @inline(__always)
    private static func slot(of term: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: GramTable.hash(UInt64(term))) & mask
    }
}
