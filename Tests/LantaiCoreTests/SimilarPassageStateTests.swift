import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// Similar passages brought up to date after edits equal, to the bit, those found in the edited
/// corpus from nothing, and are not updated where that could not be exact.
@Suite struct SimilarPassageStateTests {
    static let pool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部")

    static func paragraph(_ generator: inout SeededGenerator) -> String {
        String((0..<(30 + Int(generator.next() % 50))).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }) + "。"
    }

    /// `text` with `count` characters replaced: near enough to stay similar when few.
    static func changed(_ text: String, _ count: Int, _ generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<count { characters[Int(generator.next() % UInt64(characters.count - 1))] = pool[Int(generator.next() % UInt64(pool.count))] }
        return String(characters)
    }

    /// Documents of paragraphs of their own and of shared ones, a few characters changed in some
    /// copies; one shared paragraph is in many documents, so its buckets are large (neighbours).
    static func corpus(_ generator: inout SeededGenerator, documents: Int) -> [[String]] {
        let shared = (0..<24).map { _ in paragraph(&generator) }
        return (0..<documents).map { document in
            var paragraphs = (0..<(3 + Int(generator.next() % 5))).map { _ -> String in
                guard generator.next() % 2 == 0 else { return paragraph(&generator) }
                let copy = shared[Int(generator.next() % UInt64(shared.count))]
                return generator.next() % 2 == 0 ? copy : changed(copy, 2, &generator)
            }
            if document % 3 == 0 { paragraphs.append(changed(shared[0], Int(generator.next() % 3), &generator)) }
            paragraphs.insert("同志们：", at: 0)
            return paragraphs
        }
    }

    static func keys(_ texts: [[String]]) -> [[[UInt64]?]] {
        texts.map { $0.map { PassageSketch.bandKeys(of: SearchNormalizer.normalize($0)) } }
    }

    static func digests(_ texts: [[String]], _ keys: [[[UInt64]?]]) -> [UInt64] {
        texts.indices.map { SimilarPassageState.digest(texts: texts[$0], keys: keys[$0]) }
    }

    static func found(_ paths: [String], _ texts: [[String]], _ keys: [[[UInt64]?]]) -> (state: SimilarPassageState, measures: PairMeasures) {
        SimilarPassageState.found(paths: paths, digests: digests(texts, keys), text: { texts[$0][$1] }, keys: keys, measured: PairMeasures())
    }

    static func update(_ state: SimilarPassageState, _ paths: [String], _ texts: [[String]], _ keys: [[[UInt64]?]],
                       previous: [String: (texts: [String], keys: [[UInt64]?])]) -> SimilarPassageState? {
        state.updated(paths: paths, digests: digests(texts, keys), text: { texts[$0][$1] }, keys: keys,
                      previous: previous.mapValues { (SimilarPassageState.digest(texts: $0.texts, keys: $0.keys), $0.keys) })
    }

    /// A corpus of `documents` generated from `seed`, its paths, keys and state found from
    /// nothing, and the generator to go on with.
    static func start(seed: UInt64, documents: Int) -> (texts: [[String]], paths: [String], keys: [[[UInt64]?]], state: SimilarPassageState, generator: SeededGenerator) {
        var generator = SeededGenerator(seed: seed)
        let texts = corpus(&generator, documents: documents)
        let paths = texts.indices.map { "doc-\($0).md" }
        let keys = Self.keys(texts)
        return (texts, paths, keys, found(paths, texts, keys).state, generator)
    }

    /// An edit of one kind: a paragraph changed a little or wholly, one copied in from the shared
    /// ones (joining buckets), one taken out or added (the later paragraphs renumbered), all
    /// taken out, none.
    static func edited(_ paragraphs: [String], kind: Int, from others: [[String]], _ generator: inout SeededGenerator) -> [String] {
        var paragraphs = paragraphs
        let at = 1 + Int(generator.next() % UInt64(max(1, paragraphs.count - 1)))
        switch kind {
        case 0 where at < paragraphs.count: paragraphs[at] = changed(paragraphs[at], 3, &generator)
        case 1 where at < paragraphs.count: paragraphs[at] = paragraph(&generator)
        case 2:
            let sources = others.filter { !$0.isEmpty }
            let source = sources[Int(generator.next() % UInt64(sources.count))]
            paragraphs.insert(source[Int(generator.next() % UInt64(source.count))], at: min(at, paragraphs.count))
        case 3 where at < paragraphs.count: paragraphs.remove(at: at)
        case 4: paragraphs.insert(paragraph(&generator), at: min(at, paragraphs.count))
        case 5: paragraphs = []
        default: break
        }
        return paragraphs
    }

    /// Edits a document picked at random, keeping its paragraphs as they were in `previous`
    /// (unless an earlier edit of the round kept them already).
    static func editOne(_ texts: inout [[String]], _ keys: inout [[[UInt64]?]], paths: [String],
                        previous: inout [String: (texts: [String], keys: [[UInt64]?])], _ generator: inout SeededGenerator) {
        let document = Int(generator.next() % UInt64(texts.count))
        if previous[paths[document]] == nil { previous[paths[document]] = (texts[document], keys[document]) }
        texts[document] = edited(texts[document], kind: Int(generator.next() % 7), from: texts, &generator)
        keys[document] = Self.keys([texts[document]])[0]
    }

    /// `state` updated to the corpus of `paths`, `texts` and `keys`, which must give it (nil fails
    /// the test) and equal the state found from nothing.
    static func updatedAsFromNothing(_ state: SimilarPassageState, _ paths: [String], _ texts: [[String]], _ keys: [[[UInt64]?]],
                                     previous: [String: (texts: [String], keys: [[UInt64]?])], round: Int) throws -> SimilarPassageState {
        let updated = try #require(update(state, paths, texts, keys, previous: previous), "round \(round)")
        let fromNothing = found(paths, texts, keys).state
        #expect(updated.candidates == fromNothing.candidates, "round \(round)")
        #expect(updated.notes == fromNothing.notes, "round \(round)")
        #expect(updated == fromNothing, "round \(round)")
        return updated
    }

    @Test func anUpdatedStateEqualsOneFoundFromNothing() throws {
        var generator = SeededGenerator(seed: 12)
        var texts = Self.corpus(&generator, documents: 90)
        let paths = texts.indices.map { "doc-\($0).md" }
        var keys = Self.keys(texts)
        var state = Self.found(paths, texts, keys).state
        #expect(state.candidates.sources.contains { $0 > 1 }, "pairs made by more than one band")
        let largest = (0..<PassageSketch.bands).map { band in
            Dictionary(grouping: keys.flatMap { $0.compactMap { $0?[band] } }, by: { $0 }).values.map(\.count).max() ?? 0
        }.max() ?? 0
        #expect(largest > SimilarPassages.smallBucket, "buckets large enough to pair neighbours only: \(largest)")
        #expect(state.notes.contains { !$0.isEmpty })
        var changedNotes = 0
        for round in 0..<30 {
            var previous: [String: (texts: [String], keys: [[UInt64]?])] = [:]
            for _ in 0..<(1 + round % 3) {
                Self.editOne(&texts, &keys, paths: paths, previous: &previous, &generator)
            }
            let updated = try Self.updatedAsFromNothing(state, paths, texts, keys, previous: previous, round: round)
            if updated.notes != state.notes { changedNotes += 1 }
            state = updated
        }
        #expect(changedNotes > 10, "the edits changed notes: \(changedNotes)")
    }

    /// Documents added among the others (a speech of today, one of last year filed late), alone
    /// or with edits to others, update to what the corpus gives from nothing: the others
    /// renumbered, the new documents' paragraphs come in as an edit's do.
    @Test func documentsAddedAmongOthersUpdateAsFoundFromNothing() throws {
        var (texts, paths, keys, state, generator) = Self.start(seed: 21, documents: 60)
        let pool = Self.corpus(&generator, documents: 40)
        var notesOfAdded = 0
        for round in 0..<20 {
            var previous: [String: (texts: [String], keys: [[UInt64]?])] = [:]
            if round % 2 == 1 {
                Self.editOne(&texts, &keys, paths: paths, previous: &previous, &generator)
            }
            var added: [Int] = []
            for number in 0..<(1 + round % 2) {
                // At the front (the newest), at the end or anywhere between.
                let at = [0, texts.count, Int(generator.next() % UInt64(texts.count + 1))][(round + number) % 3]
                let new = pool[(2 * round + number) % pool.count]
                texts.insert(new, at: at)
                keys.insert(Self.keys([new])[0], at: at)
                paths.insert("new-\(round)-\(number).md", at: at)
                added = added.map { $0 >= at ? $0 + 1 : $0 } + [at]
            }
            let updated = try Self.updatedAsFromNothing(state, paths, texts, keys, previous: previous, round: round)
            notesOfAdded += added.filter { !updated.notes[$0].isEmpty }.count
            state = updated
        }
        #expect(notesOfAdded > 5, "the added documents have similar passages: \(notesOfAdded)")
        #expect(texts.count == 90)

        // A document removed without its keys as they were, or two documents trading places: no update.
        #expect(Self.update(state, Array(paths.dropFirst()), Array(texts.dropFirst()), Array(keys.dropFirst()), previous: [:]) == nil)
        var moved = (paths, texts, keys)
        moved.0.swapAt(3, 7); moved.1.swapAt(3, 7); moved.2.swapAt(3, 7)
        moved.0.append("new-last.md"); moved.1.append(pool[0]); moved.2.append(Self.keys([pool[0]])[0])
        #expect(Self.update(state, moved.0, moved.1, moved.2, previous: [:]) == nil)
    }

    /// Removed documents, with their paragraphs as they were (from their last parse), and in
    /// some rounds a document added as well: the update equals the state found from nothing.
    /// A removal in the same build as an edit of another document is not updated (that
    /// document's old texts are not at hand to measure again).
    @Test func documentsRemovedUpdateAsFoundFromNothing() throws {
        var (texts, paths, keys, state, generator) = Self.start(seed: 33, documents: 70)
        let pool = Self.corpus(&generator, documents: 20)
        var lostNotes = 0
        for round in 0..<16 {
            var previous: [String: (texts: [String], keys: [[UInt64]?])] = [:]
            let notesBefore = state.notes.reduce(0) { $0 + $1.count }
            for number in 0..<(1 + round % 2) {
                // The first (the newest), the last or any.
                let at = [0, texts.count - 1, Int(generator.next() % UInt64(texts.count))][(round + number) % 3]
                previous[paths[at]] = (texts[at], keys[at])
                texts.remove(at: at)
                keys.remove(at: at)
                paths.remove(at: at)
            }
            if round % 4 == 3 {
                let at = Int(generator.next() % UInt64(texts.count + 1))
                texts.insert(pool[round], at: at)
                keys.insert(Self.keys([pool[round]])[0], at: at)
                paths.insert("new-\(round).md", at: at)
            }
            state = try Self.updatedAsFromNothing(state, paths, texts, keys, previous: previous, round: round)
            if state.notes.reduce(0, { $0 + $1.count }) < notesBefore { lostNotes += 1 }
        }
        #expect(lostNotes > 3, "removals took similar passages with them in \(lostNotes) rounds")

        // A removal and an edit in one build: no update.
        var previous: [String: (texts: [String], keys: [[UInt64]?])] = [:]
        previous[paths[0]] = (texts[0], keys[0])
        let (fewer, fewerTexts, fewerKeys) = (Array(paths.dropFirst()), Array(texts.dropFirst()), Array(keys.dropFirst()))
        var edited = (fewerTexts, fewerKeys)
        previous[fewer[2]] = (edited.0[2], edited.1[2])
        edited.0[2] = Self.edited(edited.0[2], kind: 4, from: fewerTexts, &generator)
        edited.1[2] = Self.keys([edited.0[2]])[0]
        #expect(Self.update(state, fewer, edited.0, edited.1, previous: previous) == nil)
    }

    /// No update where it could not be exact: another order, a changed document without its
    /// paragraphs as they were found from, or with others.
    @Test func aStateIsNotUpdatedWithoutWhatMadeIt() {
        var generator = SeededGenerator(seed: 4)
        let texts = Self.corpus(&generator, documents: 20)
        let paths = texts.indices.map { "doc-\($0).md" }
        let keys = Self.keys(texts)
        let state = Self.found(paths, texts, keys).state
        var edited = texts
        edited[2][1] = Self.paragraph(&generator)
        let editedKeys = Self.keys(edited)
        #expect(Self.update(state, paths, texts, keys, previous: [:]) == state)
        #expect(Self.update(state, paths, edited, editedKeys, previous: [paths[2]: (texts[2], keys[2])]) != nil)
        #expect(Self.update(state, paths, edited, editedKeys, previous: [:]) == nil)
        #expect(Self.update(state, paths, edited, editedKeys, previous: [paths[2]: (texts[3], keys[3])]) == nil)
        #expect(Self.update(state, Array(paths.reversed()), Array(texts.reversed()), Array(keys.reversed()), previous: [:]) == nil)
    }

    /// The state reads back from its bytes as it was; bytes cut short read as none.
    @Test func aStateReadsBackFromTheCache() throws {
        var generator = SeededGenerator(seed: 6)
        let texts = Self.corpus(&generator, documents: 30)
        let state = Self.found(texts.indices.map { "文稿/\($0).md" }, texts, Self.keys(texts)).state
        #expect(state.candidates.count > 10)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-similar-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(folder: folder)
        try cache.writeSimilarPassages(state)
        #expect(cache.readSimilarPassages() == state)
        let bytes = try Data(contentsOf: cache.similarURL)
        try bytes.dropLast(2).write(to: cache.similarURL)
        #expect(cache.readSimilarPassages() == nil)
    }
}
