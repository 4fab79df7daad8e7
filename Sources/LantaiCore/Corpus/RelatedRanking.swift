import Foundation

/// The related documents of a corpus with what ranking them computed on the way: the document
/// frequencies and every document's vector. An edit changes the frequencies of a few bigrams
/// and so, exactly, the vectors that keep one of them or would now; only those documents'
/// champion lists and the documents that read them are ranked again (`updated`). Kept in the
/// build cache (`related.bin`): it is a function of the documents' bigram counts and order alone.
public struct RelatedRanking: Sendable, Equatable {
    /// The documents' source paths in corpus order, and what identifies each one's counts: the
    /// digest of its parse, or a hash of the counts (`digests(of:)`).
    var paths: [String]
    var digests: [UInt64]
    /// How many documents hold each bigram.
    var frequencies: Frequencies
    var vectors: [RelatedDocuments.Vector]
    /// Per document, its related documents, most similar first.
    public var related: [[RelatedDocument]]

    /// Document frequencies as two arrays, the terms ascending: read and written whole, looked
    /// up by binary search only for the few documents an update weighs again.
    struct Frequencies: Sendable, Equatable {
        var terms: [UInt32] = []
        var counts: [UInt32] = []

        init(terms: [UInt32], counts: [UInt32]) {
            self.terms = terms
            self.counts = counts
        }

        init(_ table: TermCounts) {
            var packed = table.entries.map { UInt64($0.term) << 32 | UInt64($0.count) }
            RadixSort.sort(&packed, fromBit: 32)
            terms = packed.map { UInt32(truncatingIfNeeded: $0 >> 32) }
            counts = packed.map { UInt32(truncatingIfNeeded: $0) }
        }

        func of(_ term: UInt32) -> Int {
            var low = 0, high = terms.count
            while low < high {
                let middle = (low + high) / 2
                if terms[middle] < term { low = middle + 1 } else { high = middle }
            }
            return low < terms.count && terms[low] == term ? Int(counts[low]) : 0
        }

        /// These frequencies with `changes` (term → documents gained or lost; none 0) added,
        /// terms that no document holds any more left out.
        func adding(_ changes: [(term: UInt32, change: Int)]) -> Frequencies {
            var next = Frequencies(terms: [], counts: [])
            next.terms.reserveCapacity(terms.count + changes.count)
            next.counts.reserveCapacity(terms.count + changes.count)
            var index = 0
            func append(_ term: UInt32, _ count: Int) {
                guard count > 0 else { return }
                next.terms.append(term)
                next.counts.append(UInt32(count))
            }
            for (term, change) in changes {
                while index < terms.count, terms[index] < term {
                    append(terms[index], Int(counts[index]))
                    index += 1
                }
                if index < terms.count, terms[index] == term {
                    append(term, Int(counts[index]) + change)
                    index += 1
                } else {
                    append(term, change)
                }
            }
            while index < terms.count {
                append(terms[index], Int(counts[index]))
                index += 1
            }
            return next
        }
    }

    /// Hashes of encoded counts, where no parse's digest identifies them.
    static func digests(of counts: [[UInt8]]) -> [UInt64] { Parallel.map(counts) { ContentHash.of($0) } }

    /// The ranking of a corpus from nothing. `counts[i]` are document i's encoded bigram counts
    /// (`BigramCounts.encoded`), `paths[i]` its source path, `digests[i]` what identifies them.
    static func ranked(paths: [String], digests: [UInt64], counts: [[UInt8]]) -> RelatedRanking {
        let total = counts.count
        guard total > 1 else {
            return RelatedRanking(paths: paths, digests: digests, frequencies: Frequencies(terms: [], counts: []),
                                  vectors: Array(repeating: .init(), count: total), related: Array(repeating: [], count: total))
        }
        let table = RelatedDocuments.documentFrequencies(counts)
        let weighing = RelatedDocuments.Weighing(total: total)
        let vectors = Parallel.map(counts) { weighing.vector(of: $0, frequency: table.of) }
        let related = RelatedDocuments.related(of: Array(0..<total), vectors: vectors, index: RelatedDocuments.ChampionIndex(vectors))
        return RelatedRanking(paths: paths, digests: digests, frequencies: Frequencies(table), vectors: vectors, related: related)
    }

    /// The ranking of the corpus of `paths` and `counts`, updated from this one where that is
    /// exact: the same documents in the same order (else the weights of all change, and the
    /// ties between documents are broken by their order), and for each document whose counts
    /// changed, its counts as this ranking read them (`previous`, by source path, with what
    /// identified them; checked against the digest recorded). Nil where it cannot be; `ranked`
    /// then ranks from nothing.
    ///
    /// What changes, and why nothing else does: the frequencies of the bigrams the changed
    /// documents gained or lost; the vectors of the changed documents and of the documents that
    /// hold such a bigram and kept it, or would now keep it in place of their lightest (every
    /// other weight of theirs is as it was); the champion lists of the bigrams of vectors that
    /// changed; the related documents of the documents whose vector changed or that hold such a
    /// bigram.
    func updated(paths: [String], digests: [UInt64], counts: [[UInt8]], previous: [String: (digest: UInt64, counts: [UInt8])]) -> RelatedRanking? {
        let total = counts.count
        guard paths == self.paths, digests.count == total, total > 1 else { return nil }
        let changed = digests.indices.filter { digests[$0] != self.digests[$0] }
        var changes: [UInt32: Int] = [:]
        for document in changed {
            guard let previous = previous[paths[document]], previous.digest == self.digests[document] else { return nil }
            BigramCounts.forEach(in: previous.counts) { term, _ in changes[term, default: 0] -= 1 }
            BigramCounts.forEach(in: counts[document]) { term, _ in changes[term, default: 0] += 1 }
        }
        let moved = changes.filter { $0.value != 0 }.map { (term: $0.key, change: $0.value) }.sorted { $0.term < $1.term }
        let frequencies = moved.isEmpty ? self.frequencies : self.frequencies.adding(moved)
        let weighing = RelatedDocuments.Weighing(total: total)

        // The documents to weigh again: the changed ones, and those a moved frequency reaches.
        let movedTerms = moved.map(\.term)
        let isChanged = Set(changed)
        let reached: [Bool] = movedTerms.isEmpty ? Array(repeating: false, count: total) : Parallel.map(Array(counts.indices)) { document in
            guard !isChanged.contains(document) else { return false }
            let vector = self.vectors[document]
            var reached = false
            var next = 0
            // Both ascending: the scan stops at the first reaching bigram or past the last moved.
            BigramCounts.scan(counts[document], while: { term, count in
                while next < movedTerms.count, movedTerms[next] < term { next += 1 }
                guard next < movedTerms.count else { return false }
                guard movedTerms[next] == term else { return true }
                let frequency = frequencies.of(term)
                reached = vector.entries.contains { $0.term == term }
                    || (weighing.counts(frequency) && vector.admits(term, weight: weighing.weight(count: count, frequency: frequency)))
                return !reached
            })
            return reached
        }
        var vectors = self.vectors
        var movedVectors: [Int] = []
        for document in counts.indices where isChanged.contains(document) || reached[document] {
            let vector = weighing.vector(of: counts[document], frequency: frequencies.of)
            if vector != vectors[document] {
                vectors[document] = vector
                movedVectors.append(document)
            }
        }
        var next = RelatedRanking(paths: paths, digests: digests, frequencies: frequencies, vectors: vectors, related: related)
        guard !movedVectors.isEmpty else { return next }

        // The champion lists of the bigrams of the vectors that changed may have changed (every
        // weight of a changed vector moves with its length); the documents that read one of
        // them, or whose own vector changed, are ranked again.
        var touched = Set<UInt32>()
        for document in movedVectors {
            for entry in self.vectors[document].entries + vectors[document].entries { touched.insert(entry.term) }
        }
        let moving = Set(movedVectors)
        let rescored = vectors.indices.filter { document in
            moving.contains(document) || vectors[document].entries.contains { touched.contains($0.term) }
        }
        let lists = RelatedDocuments.related(of: rescored, vectors: vectors, index: RelatedDocuments.ChampionIndex(vectors))
        for (document, list) in zip(rescored, lists) { next.related[document] = list }
        return next
    }
}
