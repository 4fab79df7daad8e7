import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// A related-documents ranking brought up to date after edits equals, to the bit, the ranking of
/// the edited corpus from nothing, and is not used where it cannot be exact.
@Suite struct RelatedRankingTests {
    /// Common characters, so that many bigrams pass the frequency cap and lists are cut to their
    /// champions; and rare ones, whose bigrams an edit brings into or out of the counted range.
    static let common = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部")
    static let rare = Array("鑫淼犇骉羴猋麤毳灥焱垚")

    static func corpus(_ generator: inout SeededGenerator, count: Int) -> [String] {
        (0..<count).map { _ in text(&generator, length: 200 + Int(generator.next() % 300)) }
    }

    static func text(_ generator: inout SeededGenerator, length: Int) -> String {
        String((0..<length).map { _ in common[Int(generator.next() % UInt64(common.count))] })
    }

    static func counts(_ text: String) -> [UInt8] { BigramCounts.encoded(BigramCounts.of([text])) }

    /// An edit of one kind to `text`: characters replaced, a rare passage added (bigrams found in
    /// one document, then two: into the counted range), one taken out, the text emptied, the
    /// same text again, a common passage repeated (counts change, the set of bigrams does not).
    static func edited(_ text: String, kind: Int, _ generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        switch kind {
        case 0:
            for _ in 0..<8 where !characters.isEmpty {
                characters[Int(generator.next() % UInt64(characters.count))] = common[Int(generator.next() % UInt64(common.count))]
            }
            return String(characters)
        case 1:
            return text + String((0..<6).map { _ in rare[Int(generator.next() % UInt64(rare.count))] })
        case 2:
            return String(characters.filter { !rare.contains($0) })
        case 3:
            return ""
        case 4:
            return text
        default:
            return text + String(characters.prefix(40))
        }
    }

    @Test func anUpdatedRankingEqualsOneMadeFromNothing() throws {
        var generator = SeededGenerator(seed: 77)
        var texts = Self.corpus(&generator, count: 700)
        let paths = texts.indices.map { "doc-\($0).md" }
        var counts = texts.map(Self.counts)
        var ranking = RelatedRanking.ranked(paths: paths, digests: RelatedRanking.digests(of: counts), counts: counts)
        // Both cuts are in play: bigrams above the frequency cap, and lists cut to champions.
        let cap = RelatedDocuments.Weighing(total: texts.count).maximumFrequency
        #expect(ranking.frequencies.counts.contains { Int($0) > cap })
        #expect(ranking.frequencies.counts.contains { Int($0) > RelatedDocuments.championsPerTerm && Int($0) <= cap })
        var rescoredSome = false
        for round in 0..<16 {
            var previous: [String: (digest: UInt64, counts: [UInt8])] = [:]
            for _ in 0..<(1 + round % 3) {
                let document = Int(generator.next() % UInt64(texts.count))
                if previous[paths[document]] == nil { previous[paths[document]] = (ContentHash.of(counts[document]), counts[document]) }
                texts[document] = Self.edited(texts[document], kind: Int(generator.next() % 6), &generator)
                counts[document] = Self.counts(texts[document])
            }
            let updated = try #require(ranking.updated(paths: paths, digests: RelatedRanking.digests(of: counts), counts: counts, previous: previous), "round \(round)")
            let fromNothing = RelatedRanking.ranked(paths: paths, digests: RelatedRanking.digests(of: counts), counts: counts)
            #expect(updated.frequencies == fromNothing.frequencies, "round \(round)")
            #expect(updated.vectors == fromNothing.vectors, "round \(round)")
            #expect(updated.related == fromNothing.related, "round \(round)")
            #expect(updated == fromNothing, "round \(round)")
            rescoredSome = rescoredSome || updated.related != ranking.related
            ranking = updated
        }
        #expect(rescoredSome, "the edits changed some document's related documents")
    }

    /// No update where it could not be exact: other documents or another order, a changed
    /// document without its counts as the ranking read them, or with other counts.
    @Test func aRankingIsNotUpdatedWithoutWhatMadeIt() {
        var generator = SeededGenerator(seed: 5)
        let texts = Self.corpus(&generator, count: 40)
        let paths = texts.indices.map { "doc-\($0).md" }
        let counts = texts.map(Self.counts)
        let ranking = RelatedRanking.ranked(paths: paths, digests: RelatedRanking.digests(of: counts), counts: counts)
        var edited = counts
        edited[3] = Self.counts(texts[3] + "鑫淼")
        func update(_ paths: [String], _ counts: [[UInt8]], _ previous: [String: [UInt8]]) -> RelatedRanking? {
            ranking.updated(paths: paths, digests: RelatedRanking.digests(of: counts), counts: counts,
                            previous: previous.mapValues { (ContentHash.of($0), $0) })
        }
        #expect(update(paths, counts, [:]) == ranking)
        #expect(update(paths, edited, [paths[3]: counts[3]]) != nil)
        #expect(update(paths, edited, [:]) == nil)
        #expect(update(paths, edited, [paths[3]: counts[4]]) == nil)
        #expect(update(Array(paths.reversed()), Array(counts.reversed()), [:]) == nil)
        #expect(update(Array(paths.dropLast()), Array(counts.dropLast()), [:]) == nil)
    }

    /// The ranking reads back from its bytes as it was; bytes cut short read as none.
    @Test func aRankingReadsBackFromTheCache() throws {
        var generator = SeededGenerator(seed: 8)
        let texts = Self.corpus(&generator, count: 60)
        let ranking = RelatedRanking.ranked(paths: texts.indices.map { "文稿/\($0).md" }, digests: RelatedRanking.digests(of: texts.map(Self.counts)), counts: texts.map(Self.counts))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-ranking-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(folder: folder)
        try cache.writeRelatedRanking(ranking)
        #expect(cache.readRelatedRanking() == ranking)
        let bytes = try Data(contentsOf: cache.rankingURL)
        try bytes.dropLast(3).write(to: cache.rankingURL)
        #expect(cache.readRelatedRanking() == nil)
    }
}
