/// `similar.bin`'s bytes (`BuildCache`): the documents with their digests and notes, then the
/// candidate pairs as four tables written whole.
extension SimilarPassageState {
    func write(to writer: inout BinaryWriter) {
        writer.array(paths) { $0.string($1) }
        writer.integers(digests)
        for documentNotes in notes {
            writer.array(documentNotes.keys.sorted()) { writer, passage in
                writer.int(passage)
                writer.array(documentNotes[passage]!) { writer, similar in
                    writer.int(similar.document)
                    writer.int(similar.passage)
                    writer.double(similar.similarity)
                }
            }
        }
        writer.integers(candidates.firsts)
        writer.integers(candidates.seconds)
        writer.integers(candidates.measures)
        writer.integers(candidates.sources)
    }

    static func read(from reader: inout BinaryReader) -> SimilarPassageState? {
        guard let paths = reader.array({ $0.string() }) else { return nil }
        let total = paths.count
        guard let digests: [UInt64] = reader.integers(), digests.count == total else { return nil }
        var notes: [[Int: [SimilarPassage]]] = []
        notes.reserveCapacity(total)
        for _ in 0..<total {
            guard let entries = reader.array({ reader -> (Int, [SimilarPassage])? in
                guard let passage = reader.int(), passage >= 0,
                      let list = reader.array({ reader -> SimilarPassage? in
                          guard let document = reader.int(), document >= 0, document < total, let passage = reader.int(), passage >= 0,
                                let similarity = reader.double() else { return nil }
                          return SimilarPassage(document: document, passage: passage, similarity: similarity)
                      }) else { return nil }
                return (passage, list)
            }) else { return nil }
            notes.append(Dictionary(entries, uniquingKeysWith: { first, _ in first }))
        }
        guard let firsts: [UInt64] = reader.integers(), let seconds: [UInt64] = reader.integers(), let measures: [UInt64] = reader.integers(),
              let sources: [UInt8] = reader.integers(), seconds.count == firsts.count, measures.count == firsts.count,
              sources.count == firsts.count else { return nil }
        // Pairs ascending, each of two documents of this corpus, each made by at least one band.
        for index in firsts.indices {
            guard firsts[index] < seconds[index], Int(seconds[index] >> 32) < total, sources[index] > 0,
                  index == 0 || (firsts[index - 1], seconds[index - 1]) < (firsts[index], seconds[index]) else { return nil }
        }
        return SimilarPassageState(paths: paths, digests: digests,
                                   candidates: Candidates(firsts: firsts, seconds: seconds, sources: sources, measures: measures), notes: notes)
    }
}
