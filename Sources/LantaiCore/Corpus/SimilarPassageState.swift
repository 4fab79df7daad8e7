import Foundation

/// The similar passages of a corpus with the candidate pairs that found them. An edit changes
/// the band keys of a few paragraphs, and so exactly the buckets those keys were or are in: only
/// their pairs are made again, only pairs with a changed paragraph measured, and only the notes
/// of paragraphs whose pairs changed gathered again (`updated`). Kept in the build cache
/// (`similar.bin`): a function of the documents' paragraphs and order alone, which it records.
public struct SimilarPassageState: Sendable, Equatable {
    /// The documents' source paths in corpus order, and what identifies each one's paragraphs:
    /// the digest of its parse, or a hash of their texts and band keys (`digest(texts:keys:)`).
    var paths: [String]
    var digests: [UInt64]
    var candidates: Candidates
    /// Per document, paragraph index → the similar paragraphs of other documents.
    public var notes: [[Int: [SimilarPassage]]]

    /// The candidate pairs, ascending by first paragraph, then second: each paragraph as its
    /// document's index above its own (`SimilarPassages.paragraph`), the first before the second;
    /// with how many bands pair them, and their measure (`PairMeasures`).
    struct Candidates: Sendable, Equatable {
        var firsts: [UInt64] = []
        var seconds: [UInt64] = []
        var sources: [UInt8] = []
        var measures: [UInt64] = []

        var count: Int { firsts.count }

        /// Where the pair is, or where it would go.
        func position(of first: UInt64, _ second: UInt64) -> (index: Int, found: Bool) {
            var low = 0, high = firsts.count
            while low < high {
                let middle = (low + high) / 2
                if (firsts[middle], seconds[middle]) < (first, second) { low = middle + 1 } else { high = middle }
            }
            return (low, low < firsts.count && firsts[low] == first && seconds[low] == second)
        }
    }

    /// A document's digest: its paragraphs' texts and band keys, in order.
    static func digest(texts: [String], keys: [[UInt64]?]) -> UInt64 {
        var hash = SplitMix.mix(UInt64(texts.count))
        for (text, keys) in zip(texts, keys) {
            hash = SplitMix.mix(hash ^ PairMeasures.textHash(text))
            guard let keys else { hash = SplitMix.mix(hash ^ 1); continue }
            for key in keys { hash = SplitMix.mix(hash ^ key) }
        }
        return hash
    }

    /// The similar passages of a corpus from nothing (measures of pairs in `measured` are taken,
    /// not made), with the measures of its candidate pairs for the next build.
    static func found(paths: [String], digests: [UInt64], text: SimilarPassages.Text, keys: [[[UInt64]?]], measured: PairMeasures)
        -> (state: SimilarPassageState, measures: PairMeasures) {
        let found = SimilarPassages.find(text: text, keys: keys, measured: measured)
        return (SimilarPassageState(paths: paths, digests: digests, candidates: found.candidates, notes: found.notes), found.measures)
    }

    /// The similar passages of the corpus of `paths`, `text` and `keys`, updated from these
    /// where that is exact: the same documents in the same order (the buckets of many pair each
    /// paragraph with its neighbours in corpus order), or these with documents added among them
    /// (`inserting(_:)`), and for each document whose paragraphs changed, its paragraphs' band
    /// keys as these were found from (`previous`, by source path, with what identified them;
    /// checked against the digest recorded), likewise for each document removed (`removing`).
    /// Nil where it cannot be: a document moved, or one removed without its keys as they were.
    ///
    /// What changes, and why nothing else does: a bucket is the paragraphs with one key in one
    /// band, and its pairs are a function of its members in order; a bucket without a changed
    /// paragraph before or after has the same members. So the pairs of the buckets of the changed
    /// paragraphs' old and new keys are taken away and made again (a pair counts the bands that
    /// make it, and stays while one does); the pairs with a changed paragraph are measured again
    /// (a measure is a function of the two texts); and the notes of the paragraphs of the pairs
    /// that came, went or were measured again, and of the changed documents, are gathered again.
    func updated(paths: [String], digests: [UInt64], text: SimilarPassages.Text, keys: [[[UInt64]?]],
                 previous: [String: (digest: UInt64, keys: [[UInt64]?])]) -> SimilarPassageState? {
        guard digests.count == paths.count, keys.count == paths.count else { return nil }
        guard paths == self.paths else {
            let kept = Set(paths)
            var state = self
            if self.paths.contains(where: { !kept.contains($0) }) {
                guard let fewer = removing(to: paths, digests: digests, text: text, keys: keys, previous: previous) else { return nil }
                state = fewer
            }
            if state.paths == paths { return state }
            return state.inserting(paths).flatMap { $0.state.updated(paths: paths, digests: digests, text: text, keys: keys, previous: previous, added: $0.added) }
        }
        return updated(paths: paths, digests: digests, text: text, keys: keys, previous: previous, added: [])
    }

    /// This state without the documents `paths` lacks: each first edited to no paragraphs in
    /// this state's numbering (its keys as they were from `previous`), then left out and the
    /// others renumbered in their order — the inverse of `inserting`, so every bucket keeps its
    /// members' order. Nil unless the other documents are unchanged and in the same order
    /// (a changed one's texts as they were are not at hand to measure its new pairs with).
    private func removing(to paths: [String], digests newDigests: [UInt64], text: SimilarPassages.Text, keys newKeys: [[[UInt64]?]],
                          previous: [String: (digest: UInt64, keys: [[UInt64]?])]) -> SimilarPassageState? {
        var place: [String: Int] = [:]
        for (index, path) in paths.enumerated() { place[path] = index }
        let newIndex = self.paths.map { place[$0] }
        var last = -1
        for (old, new) in newIndex.enumerated() {
            guard let new else { continue }
            guard new > last, newDigests[new] == digests[old] else { return nil }
            last = new
        }
        let empty = Self.digest(texts: [], keys: [])
        let emptiedDigests = newIndex.indices.map { newIndex[$0] == nil ? empty : digests[$0] }
        let keys = newIndex.map { new in new.map { newKeys[$0] } ?? [] }
        // The removed documents as edits to nothing, each with its keys as they were.
        var removedPrevious: [String: (digest: UInt64, keys: [[UInt64]?])] = [:]
        for (old, new) in newIndex.enumerated() where new == nil {
            guard let before = previous[self.paths[old]] else { return nil }
            removedPrevious[self.paths[old]] = before
        }
        let emptying = withoutActuallyEscaping(text) { text in
            updated(paths: self.paths, digests: emptiedDigests, text: { document, passage in text(newIndex[document]!, passage) },
                    keys: keys, previous: removedPrevious, added: [])
        }
        guard let emptied = emptying else { return nil }
        // Left out, the others renumbered; nothing may point at a removed document any more.
        let survivors = newIndex.indices.filter { newIndex[$0] != nil }
        var compact = [Int](repeating: -1, count: newIndex.count)
        for (number, old) in survivors.enumerated() { compact[old] = number }
        func renumbered(_ paragraph: UInt64) -> UInt64? {
            let number = compact[Int(paragraph >> 32)]
            return number < 0 ? nil : UInt64(number) << 32 | paragraph & 0xFFFF_FFFF
        }
        var next = SimilarPassageState(paths: survivors.map { self.paths[$0] }, digests: survivors.map { emptied.digests[$0] },
                                       candidates: emptied.candidates, notes: [])
        let (firsts, seconds) = (emptied.candidates.firsts.compactMap(renumbered), emptied.candidates.seconds.compactMap(renumbered))
        guard firsts.count == emptied.candidates.count, seconds.count == emptied.candidates.count else { return nil }
        next.candidates.firsts = firsts
        next.candidates.seconds = seconds
        for old in survivors {
            let notes = emptied.notes[old].mapValues { list in list.map { SimilarPassage(document: compact[$0.document], passage: $0.passage, similarity: $0.similarity) } }
            guard notes.values.allSatisfy({ $0.allSatisfy { $0.document >= 0 } }) else { return nil }
            next.notes.append(notes)
        }
        return next
    }

    /// This state with the documents of `paths` that it does not have (`added`, by their place
    /// in `paths`) put in as documents without paragraphs, the others renumbered; nil unless
    /// `paths` holds every document of this state, in the same order. Renumbering keeps the
    /// order of the paragraphs, so every bucket holds its members in the same order and pairs
    /// them as before; the added documents' paragraphs then come in as an edit's would.
    private func inserting(_ paths: [String]) -> (state: SimilarPassageState, added: Set<Int>)? {
        guard paths.count > self.paths.count else { return nil }
        var place: [String: Int] = [:]
        for (index, path) in paths.enumerated() { place[path] = index }
        var newIndex: [Int] = []
        newIndex.reserveCapacity(self.paths.count)
        for path in self.paths {
            guard let index = place[path], index > (newIndex.last ?? -1) else { return nil }
            newIndex.append(index)
        }
        let added = Set(paths.indices).subtracting(newIndex)
        func renumbered(_ paragraph: UInt64) -> UInt64 { UInt64(newIndex[Int(paragraph >> 32)]) << 32 | paragraph & 0xFFFF_FFFF }
        var next = SimilarPassageState(paths: paths, digests: Array(repeating: 0, count: paths.count), candidates: candidates,
                                       notes: Array(repeating: [:], count: paths.count))
        next.candidates.firsts = candidates.firsts.map(renumbered)
        next.candidates.seconds = candidates.seconds.map(renumbered)
        for (old, new) in newIndex.enumerated() {
            next.digests[new] = digests[old]
            next.notes[new] = notes[old].mapValues { list in
                list.map { SimilarPassage(document: newIndex[$0.document], passage: $0.passage, similarity: $0.similarity) }
            }
        }
        return (next, added)
    }

    /// `updated` for the documents of this state, `added` among them without paragraphs so far.
    private func updated(paths: [String], digests: [UInt64], text: SimilarPassages.Text, keys: [[[UInt64]?]],
                         previous: [String: (digest: UInt64, keys: [[UInt64]?])], added: Set<Int>) -> SimilarPassageState? {
        guard paths == self.paths, digests.count == paths.count else { return nil }
        let changed = digests.indices.filter { added.contains($0) || digests[$0] != self.digests[$0] }
        guard !changed.isEmpty else { return self }
        var before: [Int: [[UInt64]?]] = [:]
        for document in changed {
            if added.contains(document) {
                before[document] = []
                continue
            }
            guard let old = previous[paths[document]], old.digest == self.digests[document] else { return nil }
            before[document] = old.keys
        }
        let isChanged = Set(changed)

        // The keys of the changed paragraphs, before and after, per band; then every other
        // paragraph holding one (a bit per key's low bits rules nearly all out at a glance).
        let bands = PassageSketch.bands
        var affected = [Set<UInt64>](repeating: [], count: bands)
        var glance = [UInt64](repeating: 0, count: 1 << 14)
        func note(_ paragraphKeys: [[UInt64]?]) {
            for case let bandKeys? in paragraphKeys {
                for band in 0..<bands {
                    affected[band].insert(bandKeys[band])
                    glance[Int(bandKeys[band] >> 6 & 0x3FFF)] |= 1 << (bandKeys[band] & 63)
                }
            }
        }
        for document in changed {
            note(keys[document])
            note(before[document]!)
        }
        let unchanged = keys.indices.filter { !isChanged.contains($0) }
        // Per band, key → the unchanged paragraphs holding it, in corpus order.
        let (lookFor, glanced) = (affected, glance)
        let held: [[[UInt64: [UInt64]]]] = Parallel.map(stride(from: 0, to: unchanged.count, by: 512).map { unchanged[$0..<min($0 + 512, unchanged.count)] }) { slice in
            var held = [[UInt64: [UInt64]]](repeating: [:], count: bands)
            for document in slice {
                for (passage, bandKeys) in keys[document].enumerated() {
                    guard let bandKeys else { continue }
                    for band in 0..<bands {
                        let key = bandKeys[band]
                        guard glanced[Int(key >> 6 & 0x3FFF)] & (1 << (key & 63)) != 0, lookFor[band].contains(key) else { continue }
                        held[band][key, default: []].append(UInt64(document) << 32 | UInt64(passage))
                    }
                }
            }
            return held
        }

        // Each affected bucket's pairs before (taken away) and after (added).
        var change: [Pair: Int] = [:]
        for band in 0..<bands {
            for key in affected[band] {
                var members: [UInt64] = []
                for part in held { members += part[band][key] ?? [] }
                func withChanged(_ keysOf: (Int) -> [[UInt64]?]) -> [UInt64] {
                    var bucket = members
                    for document in changed {
                        for (passage, bandKeys) in keysOf(document).enumerated() where bandKeys?[band] == key {
                            bucket.append(UInt64(document) << 32 | UInt64(passage))
                        }
                    }
                    return bucket.sorted()
                }
                SimilarPassages.forEachPair(in: withChanged { before[$0]! }[...], document: { Int($0 >> 32) }) { change[Pair(first: $0, second: $1), default: 0] -= 1 }
                SimilarPassages.forEachPair(in: withChanged { keys[$0] }[...], document: { Int($0 >> 32) }) { change[Pair(first: $0, second: $1), default: 0] += 1 }
            }
        }

        // The candidates with the changes: pairs whose count falls to 0 go, new ones come.
        var goneIndices: [Int] = [], added: [(pair: Pair, sources: UInt8)] = []
        var sources = candidates.sources
        for (pair, count) in change where count != 0 {
            let (index, found) = candidates.position(of: pair.first, pair.second)
            if found {
                let total = Int(sources[index]) + count
                if total <= 0 { goneIndices.append(index) } else { sources[index] = UInt8(total) }
            } else if count > 0 {
                added.append((pair, UInt8(count)))
            } else {
                return nil  // a pair taken away that was never there: not the state of these paragraphs
            }
        }
        goneIndices.sort()
        added.sort { $0.pair < $1.pair }
        // The kept pairs are copied a run at a time between the places where one goes or comes.
        var next = Candidates()
        next.firsts.reserveCapacity(candidates.count + added.count)
        next.seconds.reserveCapacity(candidates.count + added.count)
        next.sources.reserveCapacity(candidates.count + added.count)
        next.measures.reserveCapacity(candidates.count + added.count)
        var touched = Set<UInt64>()
        var fresh: [Int] = []
        var index = 0, gone = 0, insert = 0
        while true {
            let nextGone = gone < goneIndices.count ? goneIndices[gone] : candidates.count
            let nextInsert = insert < added.count ? candidates.position(of: added[insert].pair.first, added[insert].pair.second).index : candidates.count
            let stop = min(nextGone, nextInsert)
            next.firsts += candidates.firsts[index..<stop]
            next.seconds += candidates.seconds[index..<stop]
            next.sources += sources[index..<stop]
            next.measures += candidates.measures[index..<stop]
            index = stop
            if insert < added.count, nextInsert == stop {
                next.firsts.append(added[insert].pair.first)
                next.seconds.append(added[insert].pair.second)
                next.sources.append(added[insert].sources)
                next.measures.append(0)
                fresh.append(next.count - 1)
                insert += 1
            } else if gone < goneIndices.count, nextGone == stop {
                touched.insert(candidates.firsts[stop])
                touched.insert(candidates.seconds[stop])
                index += 1
                gone += 1
            } else {
                break
            }
        }
        // Every pair with a changed paragraph is measured again, and every new one.
        var isChangedDocument = [Bool](repeating: false, count: keys.count)
        for document in changed { isChangedDocument[document] = true }
        var remeasure = fresh
        for index in 0..<next.count where isChangedDocument[Int(next.firsts[index] >> 32)] || isChangedDocument[Int(next.seconds[index] >> 32)] {
            remeasure.append(index)
        }
        remeasure = Array(Set(remeasure)).sorted()

        // Measures from the paragraphs' trigram sets (a few hundred pairs: the pair measures of
        // earlier builds, `PairMeasures`, are not read for them).
        func exists(_ paragraph: UInt64) -> Bool {
            let document = Int(paragraph >> 32)
            return document < keys.count && Int(paragraph & 0xFFFF_FFFF) < keys[document].count
        }
        guard remeasure.allSatisfy({ exists(next.firsts[$0]) && exists(next.seconds[$0]) }) else { return nil }
        let measuring = next
        @Sendable func paragraphText(_ paragraph: UInt64) -> String { text(Int(paragraph >> 32), Int(paragraph & 0xFFFF_FFFF)) }
        let remeasured: [UInt64] = Parallel.map(remeasure) { index in
            let (first, second) = (paragraphText(measuring.firsts[index]), paragraphText(measuring.seconds[index]))
            return SimilarPassages.measure(PassageSketch.hashedSet(of: first), PassageSketch.hashedSet(of: second))
        }
        // A pair new or measured otherwise touches both its paragraphs' notes (the changed
        // documents' notes are all gathered again anyway).
        for (index, measure) in zip(remeasure, remeasured) {
            let old = candidates.position(of: next.firsts[index], next.seconds[index])
            if !old.found || candidates.measures[old.index] != measure {
                touched.insert(next.firsts[index])
                touched.insert(next.seconds[index])
            }
            next.measures[index] = measure
        }

        // The notes of the touched paragraphs, and all of the changed documents', gathered again.
        var notes = self.notes
        for document in changed { notes[document] = [:] }
        for paragraph in touched where !isChanged.contains(Int(paragraph >> 32)) {
            notes[Int(paragraph >> 32)][Int(paragraph & 0xFFFF_FFFF)] = nil
        }
        let gathers: (UInt64) -> Bool = { isChanged.contains(Int($0 >> 32)) || touched.contains($0) }
        var gathered: [UInt64: [SimilarPassage]] = [:]
        for index in 0..<next.count {
            let similarity = PairMeasures.similarity(next.measures[index])
            guard similarity >= SimilarPassages.minimumSimilarity else { continue }
            let (first, second) = (next.firsts[index], next.seconds[index])
            if gathers(first) {
                gathered[first, default: []].append(SimilarPassage(document: Int(second >> 32), passage: Int(second & 0xFFFF_FFFF), similarity: similarity))
            }
            if gathers(second) {
                gathered[second, default: []].append(SimilarPassage(document: Int(first >> 32), passage: Int(first & 0xFFFF_FFFF), similarity: similarity))
            }
        }
        for (paragraph, list) in gathered {
            notes[Int(paragraph >> 32)][Int(paragraph & 0xFFFF_FFFF)] = SimilarPassages.best(list)
        }
        return SimilarPassageState(paths: paths, digests: digests, candidates: next, notes: notes)
    }

    /// Two paragraphs of a candidate pair, ordered as the candidates are.
    struct Pair: Hashable, Comparable {
        var first: UInt64
        var second: UInt64

        static func < (a: Pair, b: Pair) -> Bool { (a.first, a.second) < (b.first, b.second) }
    }
}
