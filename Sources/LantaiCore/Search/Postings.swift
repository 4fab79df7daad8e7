/// Where one term occurs in one document.
public struct Posting: Sendable, Hashable {
    public var document: Int
    /// Stream positions of a bigram; empty for a one-character term, which keeps only its count.
    public var positions: [Int]
    public var count: Int
}

/// The postings of the index, grouped into shards by a hash of the term that the browser
/// computes the same way (FNV-1a, 32 bits, over UTF-8).
public enum TermShard {
    public static func of(_ term: String, shardCount: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash &*= 0x0100_0193
        }
        return Int(hash % UInt32(max(shardCount, 1)))
    }

    /// Encodes a posting list as one flat array of integers:
    /// bigram:      docDelta, count, posDelta × count, …
    /// single char: docDelta, count, …
    public static func encode(_ postings: [Posting], withPositions: Bool) -> [Int] {
        var flat: [Int] = []
        flat.reserveCapacity(postings.count * (withPositions ? 4 : 2))
        var previousDocument = 0
        for posting in postings {
            flat.append(posting.document - previousDocument)
            previousDocument = posting.document
            flat.append(posting.count)
            if withPositions {
                var previous = 0
                for position in posting.positions {
                    flat.append(position - previous)
                    previous = position
                }
            }
        }
        return flat
    }

    public static func decode(_ flat: [Int], withPositions: Bool) -> [Posting] {
        var postings: [Posting] = []
        var index = 0
        var document = 0
        while index + 1 < flat.count {
            document += flat[index]
            let count = flat[index + 1]
            index += 2
            var positions: [Int] = []
            if withPositions {
                positions.reserveCapacity(count)
                var position = 0
                for _ in 0..<count where index < flat.count {
                    position += flat[index]
                    positions.append(position)
                    index += 1
                }
            }
            postings.append(Posting(document: document, positions: positions, count: count))
        }
        return postings
    }
}
