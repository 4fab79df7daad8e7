/// The index terms of one document: every character, every pair and every triple of adjacent
/// characters within a segment of its search stream (none spans two segments), each with how
/// often it occurs and where first; triples with every position.
///
/// A gram is a key of up to three scalars of 21 bits each: one scalar is below 2²¹, a pair below
/// 2⁴², a triple above (no normalised scalar is 0, so the three never collide).
struct DocumentGrams: Sendable {
    struct Counted: Sendable {
        var key: UInt64
        var count: Int
        var first: Int
    }

    /// Characters and pairs.
    var counted: [Counted]
    /// Triples with the flat range of their positions in `positions`.
    var tripleKeys: [UInt64]
    var tripleRanges: [Range<Int>]
    var positions: [Int]

    init(_ document: SearchDocument) {
        var countedIndex: [UInt64: Int] = [:]
        var counted: [Counted] = []
        var tripleIndex: [UInt64: Int] = [:]
        var triplePositions: [[Int]] = []
        var tripleKeys: [UInt64] = []
        var scalars: [UInt64] = []
        for segment in document.segments {
            scalars.removeAll(keepingCapacity: true)
            for scalar in segment.normalized.unicodeScalars { scalars.append(UInt64(scalar.value)) }
            for offset in scalars.indices {
                let position = segment.start + offset
                var key = scalars[offset]
                for length in 1...3 {
                    if length > 1 {
                        guard offset + length <= scalars.count else { break }
                        key = key << 21 | scalars[offset + length - 1]
                    }
                    if length < 3 {
                        if let index = countedIndex[key] {
                            counted[index].count += 1
                        } else {
                            countedIndex[key] = counted.count
                            counted.append(Counted(key: key, count: 1, first: position))
                        }
                    } else if let index = tripleIndex[key] {
                        triplePositions[index].append(position)
                    } else {
                        tripleIndex[key] = tripleKeys.count
                        tripleKeys.append(key)
                        triplePositions.append([position])
                    }
                }
            }
        }
        self.counted = counted
        self.tripleKeys = tripleKeys
        var ranges: [Range<Int>] = []
        var positions: [Int] = []
        ranges.reserveCapacity(tripleKeys.count)
        for list in triplePositions {
            ranges.append(positions.count..<(positions.count + list.count))
            positions += list
        }
        tripleRanges = ranges
        self.positions = positions
    }

    /// The text of a gram key.
    static func text(of key: UInt64) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = key
        while rest > 0 {
            scalars.insert(Unicode.Scalar(UInt32(rest & 0x1F_FFFF)) ?? "?", at: 0)
            rest >>= 21
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
