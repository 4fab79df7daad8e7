/// `related.bin`'s bytes (`BuildCache`): the documents' paths, then tables written whole — the
/// digests, the vectors (entries per document, terms, weights, floors), the related documents
/// (per document, then documents and similarities), the frequencies (terms, counts).
extension RelatedRanking {
    func write(to writer: inout BinaryWriter) {
        writer.array(paths) { $0.string($1) }
        writer.integers(digests)
        writer.integers(vectors.map { UInt8($0.entries.count) })
        writer.integers(vectors.flatMap { $0.entries.map(\.term) })
        writer.integers(vectors.flatMap { $0.entries.map(\.weight.bitPattern) })
        writer.integers(vectors.map(\.floor.bitPattern))
        writer.integers(related.map { UInt8($0.count) })
        writer.integers(related.flatMap { $0.map { UInt32($0.document) } })
        writer.integers(related.flatMap { $0.map(\.similarity.bitPattern) })
        writer.integers(frequencies.terms)
        writer.integers(frequencies.counts)
    }

    static func read(from reader: inout BinaryReader) -> RelatedRanking? {
        guard let paths = reader.array({ $0.string() }) else { return nil }
        let total = paths.count
        guard let digests: [UInt64] = reader.integers(), let entryCounts: [UInt8] = reader.integers(),
              let terms: [UInt32] = reader.integers(), let weights: [UInt64] = reader.integers(), let floors: [UInt64] = reader.integers(),
              let relatedCounts: [UInt8] = reader.integers(), let relatedDocuments: [UInt32] = reader.integers(),
              let similarities: [UInt64] = reader.integers(), let frequencyTerms: [UInt32] = reader.integers(),
              let frequencyCounts: [UInt32] = reader.integers(),
              digests.count == total, entryCounts.count == total, floors.count == total, relatedCounts.count == total,
              terms.count == weights.count, terms.count == entryCounts.reduce(0, { $0 + Int($1) }),
              relatedDocuments.count == similarities.count, relatedDocuments.count == relatedCounts.reduce(0, { $0 + Int($1) }),
              relatedDocuments.allSatisfy({ Int($0) < total }), frequencyTerms.count == frequencyCounts.count,
              zip(frequencyTerms, frequencyTerms.dropFirst()).allSatisfy({ $0 < $1 }), frequencyCounts.allSatisfy({ $0 > 0 }) else { return nil }
        var vectors: [RelatedDocuments.Vector] = [], related: [[RelatedDocument]] = []
        vectors.reserveCapacity(total)
        related.reserveCapacity(total)
        var entry = 0, listed = 0
        for document in 0..<total {
            let end = entry + Int(entryCounts[document])
            vectors.append(RelatedDocuments.Vector(
                entries: (entry..<end).map { RelatedDocuments.Vector.Entry(term: terms[$0], weight: Double(bitPattern: weights[$0])) },
                floor: Double(bitPattern: floors[document])))
            entry = end
            let listEnd = listed + Int(relatedCounts[document])
            related.append((listed..<listEnd).map { RelatedDocument(document: Int(relatedDocuments[$0]), similarity: Double(bitPattern: similarities[$0])) })
            listed = listEnd
        }
        return RelatedRanking(paths: paths, digests: digests, frequencies: Frequencies(terms: frequencyTerms, counts: frequencyCounts),
                              vectors: vectors, related: related)
    }
}
