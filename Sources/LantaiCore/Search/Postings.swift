/// Where one gram occurs in one document, as read back from the index.
public struct Posting: Sendable, Hashable {
    public var document: Int
    public var count: Int
    /// For one or two characters, where the first occurrence is: 0 in the title, 1 in a heading,
    /// 2 in the text; -1 for three.
    public var tier: Int
    /// Every stream position, for a gram of three characters; empty otherwise.
    public var positions: [Int]

    /// Decodes one list or chunk (`PostingCode` numbers): per document its number counted from
    /// the previous one (from 0 for the first), then for one or two characters the count and the
    /// tier, for three the count and the position deltas. Nil when malformed.
    static func decode(_ text: String, triple: Bool) -> [Posting]? {
        guard let numbers = PostingCode.decode(text) else { return nil }
        var postings: [Posting] = []
        var index = 0
        var document = 0
        while index < numbers.count {
            guard index + 1 < numbers.count else { return nil }
            document += numbers[index]
            let count = numbers[index + 1]
            index += 2
            if triple {
                guard count > 0, index + count <= numbers.count else { return nil }
                var positions: [Int] = []
                positions.reserveCapacity(count)
                var position = 0
                for delta in numbers[index..<(index + count)] {
                    position += delta
                    positions.append(position)
                }
                index += count
                postings.append(Posting(document: document, count: count, tier: -1, positions: positions))
            } else {
                guard index < numbers.count else { return nil }
                postings.append(Posting(document: document, count: count, tier: numbers[index], positions: []))
                index += 1
            }
        }
        return postings
    }
}

/// The postings of the index, grouped into shards by a hash of the gram that the browser
/// computes the same way (FNV-1a, 32 bits, over UTF-8).
public enum TermShard {
    public static func of(_ term: String, shardCount: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 { add(byte, to: &hash) }
        return Int(hash % UInt32(max(shardCount, 1)))
    }

    /// The same for a gram given as scalars, without making its string.
    static func of(_ scalars: [Unicode.Scalar], shardCount: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for scalar in scalars {
            UTF8.encode(scalar) { add($0, to: &hash) }
        }
        return Int(hash % UInt32(max(shardCount, 1)))
    }

    @inline(__always)
    private static func add(_ byte: UInt8, to hash: inout UInt32) {
        hash ^= UInt32(byte)
        hash &*= 0x0100_0193
    }
}
