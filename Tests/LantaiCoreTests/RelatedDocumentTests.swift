import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// Related documents on small corpora where the answer is known by construction.
@Suite struct RelatedDocumentTests {
    static let supervision = [
        "督查工作是办公室的重要职责，也是确保党委决策贯彻落实的重要环节。",
        "对领导关注、群众反映强烈的热点难点问题，要进行专项督查，及时督促有关部门限期解决。",
        "督查工作中要敢于动真碰硬，决不能虎头蛇尾，更不能半途而废，不了了之。",
    ]
    static let weather = [
        "今年春季气温偏高，降水偏少，北方部分地区出现旱情。",
        "气象部门提醒农户抓紧春播，注意防范倒春寒和大风天气。",
    ]
    static let sports = [
        "全县职工运动会于五月开幕，设篮球、乒乓球、拔河等项目。",
        "各代表队积极备战，赛出风格，赛出水平。",
    ]

    @Test func aDocumentMadeFromAnothersParagraphsComesFirst() {
        let texts = [
            Self.supervision.joined(),
            Self.weather.joined(),
            // Built from the first document's paragraphs, with a sentence of its own.
            Self.supervision[0] + Self.supervision[2] + "会议还研究了其他事项。",
            Self.sports.joined(),
            Self.weather[0] + Self.sports[1],
        ].map(SearchNormalizer.normalize)
        let related = RelatedDocuments.compute(texts)
        #expect(related[2].first?.document == 0)
        #expect(related[0].first?.document == 2)
        #expect(!related[2].contains { $0.document == 3 }, "the sports report shares no distinctive bigram with it")
        #expect(related.enumerated().allSatisfy { index, list in !list.contains { $0.document == index } })
        #expect(related[4].map(\.document).sorted() == [1, 3], "half weather, half sports")
    }

    /// Large enough that common bigrams pass the document-frequency cap and their posting lists
    /// are cut to their champions: every copy must still find its original first.
    @Test func copiesAreFoundFirstInALargeCorpusWithChampionLists() {
        var generator = SeededGenerator(seed: 42)
        let pool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部")
        func text() -> String { String((0..<400).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }) }
        var texts = (0..<1_000).map { _ in text() }
        // Document 900 is document 17's text with a tail of its own.
        texts[900] = texts[17] + text().prefix(40)
        // Many bigrams occur in more documents than a champion list holds, yet under the cap.
        var frequency: [UInt32: Int] = [:]
        for text in texts { for (term, _) in BigramCounts.of([text]) { frequency[term, default: 0] += 1 } }
        #expect(frequency.values.filter { $0 > RelatedDocuments.championsPerTerm && $0 <= texts.count / 10 }.count > 100)
        let related = RelatedDocuments.compute(texts)
        #expect(related[900].first?.document == 17)
        #expect(related[17].first?.document == 900)
    }

    /// The packed computation against a plain one that holds every document's counts in a
    /// dictionary (the way it was first written), on a corpus where the frequency cap and the
    /// champion lists both cut. The texts carry punctuation and traditional characters, which the
    /// computation normalises as it reads and the plain one finds normalised before.
    @Test func thePackedComputationAgreesWithAPlainOne() {
        var generator = SeededGenerator(seed: 9)
        let pool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部，。會議發")
        let texts = (0..<1_000).map { _ in
            String((0..<(300 + Int(generator.next() % 300))).map { _ in pool[Int(generator.next() % UInt64(pool.count))] })
        }
        var frequency: [UInt32: Int] = [:]
        for text in texts { for (term, _) in BigramCounts.of([text]) { frequency[term, default: 0] += 1 } }
        #expect(frequency.values.filter { $0 > RelatedDocuments.championsPerTerm && $0 <= texts.count / 10 }.count > 100)
        #expect(frequency.values.contains { $0 > texts.count / 10 })
        let plain = Self.plainRelated(texts.map(SearchNormalizer.normalize))
        let computed = RelatedDocuments.compute(texts)
        #expect(computed.map { $0.map(\.document) } == plain.map { $0.map(\.document) })
        #expect(computed.map { $0.map(\.similarity) } == plain.map { $0.map(\.similarity) })
        #expect(plain.allSatisfy { $0.count == RelatedDocuments.count })
    }

    /// The parse counts the bigrams from the normalised text it makes anyway; they must be the
    /// counts of the title and passages read through the normaliser, which a build without them
    /// makes (traditional characters, punctuation, Latin words, a supplementary ideograph).
    @Test func aParseCarriesTheBigramCountsOfItsTitleAndPassages() throws {
        let source = "---\ntitle: 關於加強督查工作的意見\n---\n\n# 一、總體要求\n\n督查工作是辦公室的重要職責，也是確保決策落實的重要環節。\n\n"
            + "- 列表里的督查：加强督查\n\n> 引文里的「督查」也算。\n\nEnglish words 和数字123混排，𠀀𠀁也在。\n"
        let document = try #require(DocumentParser(catalog: TopicCatalog(topics: [])).parse(
            SourceFile(displayPath: "content/a.md", relativePath: "a.md", text: source)).0)
        let expected = BigramCounts.of([document.title] + document.passages.map(\.text))
        #expect(expected.count > 30)
        var carried: [(term: UInt32, count: Int)] = []
        BigramCounts.forEach(in: document.bigramCounts) { carried.append(($0, $1)) }
        #expect(carried.map(\.term) == expected.map(\.term).sorted())
        #expect(Dictionary(uniqueKeysWithValues: carried.map { ($0.term, $0.count) }) == Dictionary(uniqueKeysWithValues: expected.map { ($0.term, $0.count) }))
    }

    /// The encoding reads back every term and count, the extremes included.
    @Test func encodedCountsReadBackAsTheyWere() {
        var generator = SeededGenerator(seed: 3)
        var counts: [UInt32: Int] = [0: 1, UInt32.max: 1 << 31, 1: 127, 2: 128, 0x4E00_4E01: 16_384]
        for _ in 0..<2_000 { counts[UInt32(truncatingIfNeeded: generator.next())] = Int(generator.next() % 300) + 1 }
        var read: [UInt32: Int] = [:]
        var order: [UInt32] = []
        BigramCounts.forEach(in: BigramCounts.encoded(counts.map { ($0.key, $0.value) })) { term, count in
            read[term] = count
            order.append(term)
        }
        #expect(read == counts)
        #expect(order == counts.keys.sorted())
    }

    /// The counting table against a dictionary: terms of every value (0 and the largest
    /// included), counts added up, a count of 0 adding nothing, entries in the order of first
    /// addition, through many growths from a small start.
    @Test func termCountsAddUpAsADictionaryDoes() {
        var generator = SeededGenerator(seed: 21)
        var table = TermCounts(expected: 1)
        var expected: [UInt32: Int] = [:]
        var order: [UInt32] = []
        for step in 0..<50_000 {
            let term: UInt32 = step % 997 == 0 ? [0, .max][step % 2] : UInt32(truncatingIfNeeded: generator.next() % 20_000) &* 214_013
            let count = Int(generator.next() % 4)
            table.add(term, count)
            guard count > 0 else { continue }
            if expected[term] == nil { order.append(term) }
            expected[term, default: 0] += count
        }
        #expect(table.entries.map(\.term) == order)
        #expect(table.entries.allSatisfy { expected[$0.term] == $0.count })
        #expect(expected.allSatisfy { table.of($0.key) == $0.value })
        #expect(table.of(12_345) == (expected[12_345] ?? 0))
        #expect(expected.count > 10_000)
    }

    static func plainRelated(_ texts: [String]) -> [[RelatedDocument]] {
        let total = texts.count
        let counts: [[UInt32: Int]] = texts.map { text in
            var counts: [UInt32: Int] = [:]
            var previous: UInt32?
            for scalar in text.unicodeScalars {
                guard CJK.isIdeograph(scalar) else { previous = nil; continue }
                if let first = previous { counts[first << 16 | (scalar.value & 0xFFFF), default: 0] += 1 }
                previous = scalar.value & 0xFFFF
            }
            return counts
        }
        var frequency: [UInt32: Int] = [:]
        for document in counts { for term in document.keys { frequency[term, default: 0] += 1 } }
        let cap = total <= 20 ? total - 1 : max(10, total / 10)
        let vectors: [[(term: UInt32, weight: Double)]] = counts.map { document in
            var weighted: [(term: UInt32, weight: Double)] = []
            for (term, count) in document where frequency[term]! >= 2 && frequency[term]! <= cap {
                weighted.append((term, (1 + log(Double(count))) * log(Double(total) / Double(frequency[term]!))))
            }
            weighted.sort { ($0.weight, $0.term) > ($1.weight, $1.term) }
            let kept = weighted.prefix(RelatedDocuments.termsPerDocument)
            let norm = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
            return norm > 0 ? kept.map { ($0.term, $0.weight / norm) } : []
        }
        var postings: [UInt32: [(document: Int, weight: Double)]] = [:]
        for (document, vector) in vectors.enumerated() {
            for entry in vector { postings[entry.term, default: []].append((document, entry.weight)) }
        }
        let champions = postings.mapValues { list in
            Array(list.sorted { ($0.weight, -$0.document) > ($1.weight, -$1.document) }.prefix(RelatedDocuments.championsPerTerm))
        }
        return vectors.indices.map { document in
            var scores: [Int: Double] = [:]
            for entry in vectors[document] {
                for posting in champions[entry.term] ?? [] where posting.document != document {
                    scores[posting.document, default: 0] += entry.weight * posting.weight
                }
            }
            return scores.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(RelatedDocuments.count)
                .map { RelatedDocument(document: $0.key, similarity: min(1, $0.value)) }
        }
    }

    @Test func documentPagesListRelatedDocumentsWithTheReason() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 甲\ntopics: [督查]\n---\n\n" + Self.supervision.joined(separator: "\n\n"),
            "content/b.md": "---\ntitle: 乙\ntopics: [督查]\n---\n\n" + Self.supervision[1] + "\n\n另有安排。",
            "content/c.md": "---\ntitle: 丙\n---\n\n" + Self.weather.joined(separator: "\n\n"),
            "content/d.md": "---\ntitle: 丁\n---\n\n" + Self.weather[1] + "\n\n" + Self.sports[0],
        ])
        defer { site.remove() }
        _ = try site.build().get()
        let b = try #require(site.page("b.html"))
        let section = try #require(b.range(of: "相关文稿</h2>")).upperBound
        #expect(b[section...].hasPrefix("\n    <ul class=\"related-list\"><li><a href=\"a.html\">甲</a> <span class=\"note\">共同专题：督查</span></li>"))
        let c = try #require(site.page("c.html"))
        #expect(c.contains("<li><a href=\"d.html\">丁</a> <span class=\"note\">用语相近</span></li>"))
    }
}

