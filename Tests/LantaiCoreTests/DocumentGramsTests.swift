@testable import LantaiCore
import LantaiTestSupport
import Testing

/// A document's index terms against a plain count of its stream, and the layout the index build
/// reads them in.
@Suite struct DocumentGramsTests {
    /// Random text over a few characters (so that grams repeat within and across segments).
    static func document(seed: UInt64) -> SearchDocument {
        var generator = SeededGenerator(seed: seed)
        let pool = Array("督查服务意识参谋办公室，。A1")
        func text(_ length: Int) -> String { String((0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }) }
        return SearchDocument(title: text(12), headings: [("h-1", text(8))],
                              passages: (1...30).map { ("p-\($0)", text(20 + Int(generator.next() % 200))) })
    }

    /// Every character, pair and triple within a segment, with its count and its first position
    /// (a character or pair) or every position in order (a triple), as a scan of the stream finds them.
    @Test func theGramsAreThoseOfAScanOfTheStream() {
        for seed in UInt64(1)...5 {
            let search = Self.document(seed: seed)
            var expected: [UInt64: [Int32]] = [:]
            for segment in search.segments {
                let scalars = segment.normalized.unicodeScalars.map { UInt64($0.value) }
                for offset in scalars.indices {
                    var key: UInt64 = 0
                    for length in 1...3 where offset + length <= scalars.count {
                        key = key << 21 | scalars[offset + length - 1]
                        expected[key, default: []].append(Int32(segment.start + offset))
                    }
                }
            }
            let grams = DocumentGrams(search)
            #expect(grams.keys.count == expected.count)
            #expect(Set(grams.keys).count == grams.keys.count)
            for (index, key) in grams.keys.enumerated() {
                let positions = expected[key] ?? []
                #expect(Int(grams.counts[index]) == positions.count)
                if DocumentGrams.isTriple(key) {
                    let start = Int(grams.values[index])
                    #expect(Array(grams.positions[start..<(start + positions.count)]) == positions)
                } else {
                    #expect(grams.values[index] == positions.first)
                }
            }
        }
    }

    /// Grams come partition by partition, and the triples' positions lie in the same order, one
    /// run after another: a partition's positions are one stretch of memory (reading them in
    /// the order the grams first occur missed the cache on most triples of a large build).
    @Test func theTriplesPositionsLieInPartitionOrder() {
        let grams = DocumentGrams(Self.document(seed: 9))
        var next: Int32 = 0
        for partition in 0..<DocumentGrams.partitionCount {
            for index in grams.partitionStarts[partition]..<grams.partitionStarts[partition + 1] {
                #expect(DocumentGrams.partition(of: grams.keys[index]) == partition)
                guard DocumentGrams.isTriple(grams.keys[index]) else { continue }
                #expect(grams.values[index] == next, "the triple's run follows the one before")
                next += grams.counts[index]
            }
        }
        #expect(Int(next) == grams.positions.count)
        #expect(grams.positions.count > 1_000)
    }
}
