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
    /// the previous one (from 0 for the first), then its `PostingEntry`. Nil when malformed.
    static func decode(_ text: String, triple: Bool) -> [Posting]? {
        guard let numbers = PostingCode.decode(text) else { return nil }
        var postings: [Posting] = []
        var index = 0
        var document = 0
        while index < numbers.count {
            guard index + 1 < numbers.count else { return nil }
            document += numbers[index]
            let first = numbers[index + 1]
            index += 2
            if triple {
                let count = first & 1 == 0 ? 1 : (index < numbers.count ? numbers[index] + 2 : 0)
                if first & 1 != 0 { index += 1 }
                guard count > 0, index + count - 1 <= numbers.count else { return nil }
                var positions: [Int] = []
                positions.reserveCapacity(count)
                var position = first >> 1
                positions.append(position)
                for delta in numbers[index..<(index + count - 1)] {
                    position += delta
                    positions.append(position)
                }
                index += count - 1
                postings.append(Posting(document: document, count: count, tier: -1, positions: positions))
            } else {
                postings.append(Posting(document: document, count: first / 3 + 1, tier: first % 3, positions: []))
            }
        }
        return postings
    }
}

/// One document's entry in a posting list after its document number, in `PostingCode` numbers.
/// A character or a pair: one number, `(count − 1) × 3 + tier`, the tier saying where it first
/// occurs (0 in the title, 1 in a heading, 2 in the text). A triple: its first position times
/// two, plus one when it occurs more than once — then the count less two and the deltas of the
/// other positions follow. Most entries are of one occurrence, so their count costs nothing.
enum PostingEntry {
    static func appendGram(count: Int, tier: Int, to bytes: inout [UInt8]) {
        PostingCode.append((count - 1) * 3 + tier, to: &bytes)
    }

    static func appendTriple(_ positions: some Collection<Int32>, to bytes: inout [UInt8]) {
        guard let first = positions.first else { return }
        PostingCode.append(Int(first) * 2 + (positions.count > 1 ? 1 : 0), to: &bytes)
        guard positions.count > 1 else { return }
        PostingCode.append(positions.count - 2, to: &bytes)
        var previous = first
        for position in positions.dropFirst() {
            PostingCode.append(Int(position - previous), to: &bytes)
            previous = position
        }
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
