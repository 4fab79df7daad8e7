/// The index terms of one document: every character, every pair and every triple of adjacent
/// characters within a segment of its search stream (none spans two segments), each with how
/// often it occurs; characters and pairs with where they first occur, triples with every position.
///
/// A gram is a key of up to three scalars of 21 bits each: one scalar is below 2²¹, a pair below
/// 2⁴², a triple above (no normalised scalar is 0, so the three never collide).
///
/// The grams come ordered by `partition`, so that the index build can merge the documents'
/// grams into the partitions' posting lists on every core at once, each partition on one thread.
///
/// A class, so that handing a document's grams to each of the 64 partitions passes one
/// reference rather than copying five arrays (each copy a reference count per array).
final class DocumentGrams: Sendable {
    static let partitionBits = 6
    static let partitionCount = 1 << partitionBits

    /// Keys in partition order; `partitionStarts[p]..<partitionStarts[p + 1]` are partition p's.
    let keys: [UInt64]
    let counts: [Int32]
    /// For a character or pair, its first position; for a triple, where its `counts` positions
    /// start in `positions`.
    let values: [Int32]
    let positions: [Int32]
    let partitionStarts: [Int]
    let titleEnd: Int
    let headingsEnd: Int

    static func isTriple(_ key: UInt64) -> Bool { key >= 1 << 42 }

    /// The partition of a key: the top bits of a mix unrelated to `GramTable`'s slots.
    static func partition(of key: UInt64) -> Int {
        Int(SplitMix.mix(key) >> UInt64(64 - partitionBits))
    }

    init(_ document: SearchDocument) {
        self.titleEnd = document.titleEnd
        self.headingsEnd = document.headingsEnd
        var table = GramTable(expected: document.length * 2)
        var keys: [UInt64] = [], counts: [Int32] = [], firsts: [Int32] = []
        // Each triple occurrence in stream order, as (gram number, position).
        var occurrences: [(number: Int32, position: Int32)] = []
        occurrences.reserveCapacity(document.length)
        var scalars: [UInt64] = []
        for segment in document.segments {
            scalars.removeAll(keepingCapacity: true)
            for scalar in segment.normalized.unicodeScalars { scalars.append(UInt64(scalar.value)) }
            for offset in scalars.indices {
                let position = Int32(segment.start + offset)
                var key = scalars[offset]
                for length in 1...3 {
                    if length > 1 {
                        guard offset + length <= scalars.count else { break }
                        key = key << 21 | scalars[offset + length - 1]
                    }
                    let (number, isNew) = table.number(of: key)
                    if isNew {
                        keys.append(key)
                        counts.append(1)
                        firsts.append(position)
                    } else {
                        counts[number] += 1
                    }
                    if length == 3 { occurrences.append((Int32(number), position)) }
                }
            }
        }
        // Grams in partition order (a counting sort).
        let partitions = keys.map(Self.partition(of:))
        var partitionStarts = [Int](repeating: 0, count: Self.partitionCount + 1)
        for partition in partitions { partitionStarts[partition + 1] += 1 }
        for partition in 0..<Self.partitionCount { partitionStarts[partition + 1] += partitionStarts[partition] }
        var slot = partitionStarts
        var order = [Int](repeating: 0, count: keys.count)
        for (number, partition) in partitions.enumerated() {
            order[slot[partition]] = number
            slot[partition] += 1
        }
        // Each triple's positions side by side, the triples in partition order too (a counting
        // sort by gram number keeps each one's positions in order): the index build reads a
        // partition's positions of a document as one run, where reading them in the order the
        // grams first occur missed the cache on most triples (appending the positions to the
        // posting lists: 2,187 → 551 samples of a 10,000-document build).
        var starts = [Int32](repeating: 0, count: keys.count)
        var total: Int32 = 0
        for number in order where Self.isTriple(keys[number]) {
            starts[number] = total
            total += counts[number]
        }
        var next = starts
        var positions = [Int32](repeating: 0, count: Int(total))
        for occurrence in occurrences {
            positions[Int(next[Int(occurrence.number)])] = occurrence.position
            next[Int(occurrence.number)] += 1
        }
        self.keys = order.map { keys[$0] }
        self.counts = order.map { counts[$0] }
        self.values = order.map { Self.isTriple(keys[$0]) ? starts[$0] : firsts[$0] }
        self.positions = positions
        self.partitionStarts = partitionStarts
    }

    /// The scalars of a gram key, first to last.
    static func scalars(of key: UInt64) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        var rest = key
        while rest > 0 {
            scalars.append(Unicode.Scalar(UInt32(rest & 0x1F_FFFF)) ?? "?")
            rest >>= 21
        }
        return scalars.reversed()
    }

    /// The key of a gram's text; nil unless it is one to three scalars, none of them 0.
    static func key(of text: String) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for scalar in text.unicodeScalars {
            guard scalar.value > 0, count < 3 else { return nil }
            key = key << 21 | UInt64(scalar.value)
            count += 1
        }
        return count > 0 ? key : nil
    }

    /// The text of a gram key.
    static func text(of key: UInt64) -> String {
        String(String.UnicodeScalarView(scalars(of: key)))
    }
}
