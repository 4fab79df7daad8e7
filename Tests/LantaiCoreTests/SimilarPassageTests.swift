import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// Similar passages on corpora where the answer is known by construction.
@Suite struct SimilarPassageTests {
    static let original = "督查工作是办公室的重要职责，也是确保党委决策贯彻落实的重要环节。对领导关注、群众反映强烈的热点难点问题，要进行专项督查，及时督促有关部门限期解决。"
    /// The same paragraph with four characters changed.
    static let edited = "督查工作是办公室的重要任务，也是确保县委决策贯彻落实的关键环节。对领导关注、群众反映强烈的热点难点问题，要开展专项督查，及时督促有关部门限期解决。"
    static let unrelated = "今年春季气温偏高，降水偏少，北方部分地区出现旱情。气象部门提醒农户抓紧春播，注意防范倒春寒和大风天气，确保粮食生产稳定。"

    /// Trigrams counted while normalising are those of the normalised text, whatever the text
    /// holds: punctuation, traditional characters, full-width and ASCII letters, spaces.
    @Test func trigramsReadThroughTheNormalizerAreThoseOfTheNormalizedText() {
        let alphabet = Array("服務意识，。 办公室ＡＢab12會議「」\u{0301}Ⅻ")
        var random = SeededGenerator(seed: 11)
        var differ = 0
        for _ in 0..<300 {
            let text = String((0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let normalized = SearchNormalizer.normalize(text)
            #expect(PassageSketch.trigrams(normalizing: text) == PassageSketch.trigrams(normalized), "\(text)")
            if PassageSketch.trigrams(text) != PassageSketch.trigrams(normalized) { differ += 1 }
        }
        #expect(differ > 100, "the texts are changed by normalising: \(differ)")
    }

    /// The early count of distinct trigram hashes answers as the sorted set does, also for
    /// paragraphs that repeat a few characters over and over.
    @Test func theDistinctTrigramCountStopsEarlyWithTheSameAnswer() {
        let alphabet = Array("服务意识办公室督查落实参谋助手")
        var random = SeededGenerator(seed: 7)
        var short = 0, long = 0
        for _ in 0..<400 {
            // Drawn from the first `period` characters, so short periods repeat their trigrams.
            let period = 1 + Int(random.next() % 8)
            let length = Int(random.next() % 60)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(period))] })
            let mixed = PassageSketch.trigrams(text).map(SplitMix.mix)
            let expected = PassageSketch.hashedSet(ofMixed: mixed).count >= PassageSketch.minimumTrigrams
            #expect(PassageSketch.hasMinimumDistinctHashes(mixed) == expected, "\(text)")
            if expected { long += 1 } else { short += 1 }
        }
        #expect(short > 50 && long > 50, "both answers are tried: \(short) \(long)")
    }

    @Test func aParagraphCopiedWithAFewChangesIsFoundAndAnUnrelatedOneIsNot() {
        let found = SimilarPassages.find([
            ["同志们：", Self.original],
            [Self.unrelated, Self.edited],
            [Self.unrelated.replacingOccurrences(of: "春季", with: "夏季")],
        ])
        let originalMatch = found[0][1]?.first
        #expect(originalMatch?.document == 1 && originalMatch?.passage == 1)
        #expect((originalMatch?.similarity ?? 0) > 0.6)
        #expect(found[1][1]?.map(\.document) == [0], "found both ways")
        #expect(found[0][0] == nil, "too short to compare")
        #expect(found[1][0]?.map(\.document) == [2], "the two weather paragraphs match each other only")
        #expect(!(found[0][1] ?? []).contains { $0.document == 2 })
    }

    /// The measures of one analysis let the next skip the pairs it measured: the same notes,
    /// the same measures; a measure given is taken as it is (so it is consulted), and a pair
    /// with an edited paragraph is measured afresh.
    @Test func pairsMeasuredBeforeAreTakenAndEditedOnesMeasuredAgain() {
        let texts = [[Self.original, Self.unrelated], [Self.edited], [Self.unrelated.replacingOccurrences(of: "春季", with: "夏季")]]
        let keys = texts.map { $0.map { PassageSketch.bandKeys(of: SearchNormalizer.normalize($0)) } }
        let first = SimilarPassages.find(text: { [texts] in texts[$0][$1] }, keys: keys)
        #expect(first.measures.count >= 2, "the copied and the weather paragraphs are candidates")
        let again = SimilarPassages.find(text: { [texts] in texts[$0][$1] }, keys: keys, measured: first.measures)
        #expect(again.notes == first.notes && again.measures == first.measures)

        // Every measure claims the two paragraphs are the same: the notes say 100 %.
        var claimed = first.measures
        claimed.measures = claimed.measures.map { _ in 20 << 32 | 20 }
        let taken = SimilarPassages.find(text: { [texts] in texts[$0][$1] }, keys: keys, measured: claimed)
        #expect(taken.notes[0][0]?.first?.similarity == 1 && first.notes[0][0]?.first?.similarity ?? 1 < 1)

        // The weather paragraph edited: its pairs are not in the claimed measures, so they are measured.
        var edited = texts
        edited[2] = [Self.unrelated.replacingOccurrences(of: "春季", with: "秋季")]
        let editedKeys = edited.map { $0.map { PassageSketch.bandKeys(of: SearchNormalizer.normalize($0)) } }
        let fresh = SimilarPassages.find(text: { [edited] in edited[$0][$1] }, keys: editedKeys)
        let partly = SimilarPassages.find(text: { [edited] in edited[$0][$1] }, keys: editedKeys, measured: claimed)
        #expect(partly.notes[2] == fresh.notes[2] && (fresh.notes[2][0]?.first?.similarity ?? 1) < 1)
        #expect(partly.notes[0][0] == taken.notes[0][0], "the unedited pair still takes its measure")
    }

    /// The flat measures answer every key they were given, and no other, as a dictionary does;
    /// the build cache gives back what it was given and refuses keys out of order.
    @Test func pairMeasuresAnswerAsADictionaryAndSurviveTheCache() throws {
        var random = SeededGenerator(seed: 13)
        var expected: [UInt64: UInt64] = [:]
        var given: [(key: UInt64, measure: UInt64)] = []
        for _ in 0..<2_000 {
            let key = random.next() % 5_000
            let measure = expected[key] ?? random.next()
            expected[key] = measure
            given.append((key, measure))
        }
        let measures = PairMeasures(unsorted: given)
        #expect(measures.count == expected.count)
        for key in 0..<UInt64(5_100) { #expect(measures.measure(of: key) == expected[key], "\(key)") }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-pairs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BuildCache(folder: folder)
        try cache.writePairMeasures(measures)
        #expect(cache.readPairMeasures() == measures)
        #expect(PairMeasures(sortedKeys: [2, 1], measures: [0, 0]) == nil)
        #expect(PairMeasures(sortedKeys: [1, 1], measures: [0, 0]) == nil)
    }

    /// Keeping the last build's pairs that are still candidates and adding the new ones gives
    /// what sorting all of them does: new keys below, between and above the kept ones, a new key
    /// given twice, none kept, all kept.
    @Test func keptAndFreshMeasuresMergeAsASortOfAllOfThem() {
        var random = SeededGenerator(seed: 31)
        var previousPairs: [UInt64: UInt64] = [:]
        for _ in 0..<3_000 { previousPairs[random.next() % 50_000 + 1_000] = random.next() }
        let previous = PairMeasures(unsorted: previousPairs.map { ($0.key, $0.value) })
        for keptShare in [0, 3, 10] {
            let used = (0..<previous.count).map { _ in random.next() % 10 < UInt64(keptShare) }
            var fresh: [(key: UInt64, measure: UInt64)] = []
            var freshMeasures: [UInt64: UInt64] = [:]
            while fresh.count < 800 {
                // Below every kept key, above all of them, or among them.
                let key = [random.next() % 1_000, 60_000 + random.next() % 1_000, random.next() % 50_000 + 1_000][fresh.count % 3]
                guard previousPairs[key] == nil else { continue }
                let measure = freshMeasures[key] ?? random.next()
                freshMeasures[key] = measure
                fresh.append((key, measure))
                if fresh.count % 50 == 0 { fresh.append((key, measure)) }
            }
            let kept = zip(previous.keys, previous.measures).enumerated().filter { used[$0.offset] }.map { (key: $0.element.0, measure: $0.element.1) }
            let merged = PairMeasures(keeping: used, of: previous, adding: fresh)
            #expect(merged == PairMeasures(unsorted: kept + fresh), "kept \(keptShare) in 10")
            #expect(merged.count == kept.count + freshMeasures.count)
        }
    }

    /// A paragraph copied into a hundred documents makes one large group per band, which is
    /// paired by neighbours only: every copy must still find `perPassage` others.
    /// A band's buckets (items with equal keys, two or more, in item order) are found by sorting
    /// integers that hold only the key's top bits; keys that share those bits but differ below
    /// must still fall into different buckets. Checked against grouping the keys in a dictionary.
    @Test func aBandsBucketsAreTheItemsOfEqualKeys() {
        var generator = SeededGenerator(seed: 7)
        let shared: [UInt64] = (0..<6).map { _ in generator.next() }
        // Keys drawn from a few values, some differing only in their low 24 bits, some unique.
        let keys: [[UInt64]] = (0..<5000).map { _ in
            let base = shared[Int(generator.next() % 6)]
            switch generator.next() % 4 {
            case 0: return [base, generator.next()]
            case 1: return [base & ~0xFF_FFFF | generator.next() % 5, generator.next()]
            default: return [generator.next(), generator.next() % 50]
            }
        }
        for band in 0..<2 {
            let expected = Set(Dictionary(grouping: keys.indices, by: { keys[$0][band] }).values.filter { $0.count > 1 }.map { $0.sorted() })
            var found: [[Int]] = []
            SimilarPassages.forEachBucket(keys: keys, band: band) { found.append(Array($0)) }
            #expect(Set(found) == expected && found.count == expected.count, "band \(band)")
            #expect(expected.count > 10, "the keys make buckets")
        }
    }

    @Test func aParagraphCopiedIntoManyDocumentsFindsItsCopiesEverywhere() {
        let documents = (0..<100).map { number in [Self.original, Self.unrelated + String(number)] }
        let found = SimilarPassages.find(documents)
        for (document, notes) in found.enumerated() {
            let copies = notes[0] ?? []
            #expect(copies.count == SimilarPassages.perPassage, "document \(document)")
            #expect(copies.allSatisfy { $0.passage == 0 && $0.document != document && $0.similarity == 1 })
        }
    }

    @Test func aParagraphIsNeverSimilarToItsOwnDocument() {
        let text = SearchNormalizer.normalize(Self.original)
        #expect(SimilarPassages.find([[text, text]]) == [[:]])
    }

    @Test func pagesShowTheNoteUnderTheParagraphWithLinksBothWays() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 甲\n---\n\n同志们：\n\n\(Self.original)\n",
            "content/b.md": "---\ntitle: 乙 <b>\n---\n\n\(Self.unrelated)\n\n\(Self.edited)\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        let a = try #require(site.page("a.html"))
        #expect(a.contains("aria-label=\"本段链接\"></a></p>\n<aside class=\"similar\" aria-label=\"类似表述\">类似表述：<a href=\"b.html#p-2\">乙 &lt;b&gt;</a><span class=\"note\">（相似 "))
        let b = try #require(site.page("b.html"))
        #expect(b.contains("类似表述：<a href=\"a.html#p-2\">甲</a>"))
        #expect(LinkChecker.check(site: site.output) == [])
    }
}
