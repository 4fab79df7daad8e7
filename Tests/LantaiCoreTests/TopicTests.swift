import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// The topic classifier on small inputs, the repository's speeches (passages checked by hand)
/// and the pages and data it feeds.
@Suite struct TopicClassifierTests {
    static let catalog = TopicCatalog(topics: [
        Topic(name: "督查", slug: "supervision", signals: [TopicSignal("督查", weight: 3), TopicSignal("落实", weight: 0.5)]),
        Topic(name: "服务意识", slug: "service", signals: [TopicSignal("服务意识", weight: 3), TopicSignal("服务", weight: 0.25)],
              excludes: ["服务领导决策"]),
    ])

    func passage(_ text: String, under headings: [String] = []) -> Passage {
        Passage(ordinal: 1, anchor: "p-1", text: text, headingPath: headings, headingAnchors: headings.indices.map { "sec-\($0 + 1)" })
    }

    func topics(_ passages: [Passage], given: [Topic] = [], excluded: Set<String> = []) -> [String: [Int]] {
        let analysis = TopicClassifier(catalog: Self.catalog).analyze(passages: passages, given: given, excluded: excluded)
        return Dictionary(uniqueKeysWithValues: analysis.map { ($0.topic.slug, $0.passages.map(\.passage)) })
    }

    /// Topics are equal exactly when every field is: the hand-written equality (slug first)
    /// names each field, and a field added to `Topic` without it fails the count here.
    @Test func topicsAreEqualWhenEveryFieldIs() {
        let base = Topic(name: "督查", slug: "supervision", description: "督促检查", signals: [TopicSignal("督查", weight: 3)], excludes: ["督查组"])
        #expect(Mirror(reflecting: base).children.count == 5)
        #expect(base == Topic(name: "督查", slug: "supervision", description: "督促检查", signals: [TopicSignal("督查", weight: 3)], excludes: ["督查组"]))
        var changed: [Topic] = []
        for change in 0..<5 {
            var other = base
            switch change {
            case 0: other.name = "督办"
            case 1: other.slug = "oversight"
            case 2: other.description = ""
            case 3: other.signals = [TopicSignal("督查", weight: 2)]
            default: other.excludes = []
            }
            changed.append(other)
        }
        for other in changed {
            #expect(other != base)
            #expect(Set([base, other]).count == 2)
        }
    }

    /// The byte scan that decides whether a text may hold an enumeration, against a count of
    /// scalars, on texts of 、 and its UTF-8 neighbours (　 E3 80 80, 〡 E3 80 A1, ぁ E3 81 81).
    @Test func twoEnumerationCommasAreFoundOnTheBytes() {
        var random = SeededGenerator(seed: 7)
        let alphabet: [Character] = ["、", "　", "〡", "ぁ", "。", "服", "a"]
        for _ in 0..<3000 {
            let text = String((0..<Int.random(in: 0..<9, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(TopicClassifier.hasTwoEnumerationCommas(text) == (text.unicodeScalars.filter { $0 == "、" }.count >= 2), "\(text)")
        }
    }

    @Test func aPassingMentionIsNotEnough() {
        #expect(topics([passage("各项工作都要落实，为发展服务，把服务搞好。")]).isEmpty)
        #expect(topics([passage("要牢固树立服务意识。")]) == ["service": [0]])
    }

    @Test func aSectionHeadedByTheTopicCarriesParagraphsThatNoLongerNameIt() {
        let found = topics([
            passage("要加大督查力度。", under: ["三、加大督查力度"]),
            passage("对重点工作要一追到底，直到办结。", under: ["三、加大督查力度"]),
            passage("对重点工作要一追到底，直到办结。", under: ["四、关心职工生活"]),
        ])
        #expect(found["supervision"] == [0, 1])
        let analysis = TopicClassifier(catalog: Self.catalog).analyze(passages: [passage("直到办结。", under: ["加大督查力度"])], given: [], excluded: [])
        #expect(analysis.first?.passages.first?.viaHeading == true)
    }

    @Test func traditionalTextMatchesThroughNormalisation() {
        #expect(topics([passage("要牢固樹立服務意識。")]) == ["service": [0]])
    }

    @Test func excludedPhrasesDoNotCount() {
        var catalog = Self.catalog
        catalog.topics[1].signals.append(TopicSignal("服务领导", weight: 3))
        let analysis = TopicClassifier(catalog: catalog).analyze(passages: [passage("重视信息工作，服务领导决策。")], given: [], excluded: [])
        #expect(analysis.isEmpty)
    }

    @Test func anEnumerationOfFunctionsNamesATopicInPassing() {
        let listed = passage("发挥参谋助手、综合协调、督查、后勤保障等职能作用。")
        #expect(topics([listed]).isEmpty)
        #expect(TopicClassifier(catalog: Self.catalog).score(text: "督查、督查、后勤", topic: Self.catalog.topics[0]) >= 3, "a list mostly about the topic counts in full")
    }

    @Test func frontMatterGivesAndExcludes() {
        let text = [passage("要牢固树立服务意识，加大督查力度。")]
        let supervision = Self.catalog.topics[0]
        #expect(Set(topics(text, excluded: ["service"]).keys) == ["supervision"])
        let analysis = TopicClassifier(catalog: Self.catalog).analyze(passages: [passage("无关的一段。")], given: [supervision], excluded: [])
        #expect(analysis.map(\.topic.slug) == ["supervision"] && analysis[0].fromFrontMatter && analysis[0].passages.isEmpty)
    }
}

@Suite struct RepositoryTopicTests {
    /// Slug → anchor → topics, from the labelled test's parse of content/.
    static let assigned = Result { try TopicLabelTests.assigned() }

    /// Passages read by hand: each must be (or must not be) in the topic.
    @Test(arguments: [
        ("service", "county-speech-72e6c0", "p-6", true),       // 三是要有服务心 … 切实增强服务意识
        ("service", "experience-19a85c", "p-4", true),          // 必须要有服务意识
        ("service", "county-speech-863522", "p-6", true),       // 不断提升"三服务"意识
        ("service", "county-speech-72e6c0", "p-17", false),     // closing words: 服务大局 in passing
        ("service", "city-speech-6246f1", "p-14", false),       // assessment: 以优质服务为主线 in passing
        ("advisory", "experience-19a85c", "p-5", true),         // 参谋意识
        ("advisory", "district-speech-eabcff", "p-6", true),    // 强化调查研究，发挥参谋作用
        ("advisory", "city-speech-6246f1", "p-7", true),        // 起草精品文稿，提高以文辅政能力
        ("advisory", "speech-f42e1f", "p-6", false),            // two tasks: a list with 调查研究、提供信息
        ("advisory", "county-speech-863522", "p-2", false),     // opening: a list of functions
        ("supervision", "district-speech-eabcff", "p-7", true), // 加大督查力度，推动工作落实
        ("supervision", "county-speech-72e6c0", "p-11", true),  // 二是抓好督查落实
        ("supervision", "city-speech-6246f1", "p-9", true),     // 加强督促检查
        ("supervision", "speech-f42e1f", "p-16", true),         // 决策出台后 … 督促检查
        ("supervision", "county-speech-863522", "p-2", false),  // opening: a list of functions
        ("supervision", "city-speech-6246f1", "p-4", false),    // 紧盯 … 督促落实 in passing
    ])
    func handCheckedPassage(topic: String, document: String, anchor: String, belongs: Bool) throws {
        let assigned = try Self.assigned.get()
        let found = try #require(assigned[document]?[anchor], "\(document)#\(anchor) exists")
        #expect(found.contains(topic) == belongs, "\(document)#\(anchor) \(topic)")
    }
}

@Suite struct TopicPageTests {
    static let speeches: [String: String] = [
        "content/topics.yml": """
        topics:
          - name: 督查
            slug: supervision
            signals: {督查: 3, 督促检查: 3}
          - name: 服务意识
            slug: service
        """,
        "content/a.md": "---\ntitle: 甲\ndate: 2021-03-01\n---\n\n## 一、加大督查力度\n\n督查工作是重要职责。\n\n要一追到底。\n\n## 二、其他\n\n无关的话。\n",
        "content/b.md": "---\ntitle: 乙\ndate: 2022-03-01\n---\n\n开头的话，很长很长的一段开头的话，与专题无关，只是铺垫。\n\n要加强督促检查。\n\n结尾。\n",
        "content/c.md": "---\ntitle: 丙\ndate: 2022-05-01\nexclude_topics: [督查]\n---\n\n督查督查。\n",
    ]

    @Test func topicPagesRankDocumentsAndQuotePassagesWithAnchors() throws {
        let site = try SiteFixture(files: Self.speeches)
        defer { site.remove() }
        _ = try site.build().get()
        let page = try #require(site.page("topics/supervision.html"))
        let first = try #require(page.range(of: "../a.html\">甲"))
        let second = try #require(page.range(of: "../b.html\">乙"))
        #expect(first.lowerBound < second.lowerBound, "甲 is mostly about 督查, 乙 only in part")
        #expect(!page.contains("丙"), "丙 excludes the topic")
        #expect(page.contains("<a href=\"../a.html#p-1\">督查工作是重要职责。</a>"))
        #expect(page.contains("<a href=\"../a.html#p-2\">要一追到底。</a> <span class=\"note\">（据所在章节）</span>"))
        #expect(page.contains("<a href=\"../a.html#sec-1\">一、加大督查力度</a>"))
        #expect(page.contains("<svg class=\"topic-chart\""))
        #expect(page.contains("aria-label=\"各年份相关段落数：2021年2段，2022年1段\""))
        let document = try #require(site.page("a.html"))
        #expect(document.contains("<a href=\"../topics/supervision.html\">督查</a>") || document.contains("<a href=\"topics/supervision.html\">督查</a>"))
        #expect(document.contains("约 78%"), "14 of the 18 characters of its paragraphs")
        #expect(LinkChecker.check(site: site.output) == [])
    }

    /// A topic's page quotes 80 characters of a passage and no badges of the documents' other
    /// topics; a document's own topic list, beside the passages themselves, 24 characters.
    @Test func excerptsAreLongWhereTheyAreReadAndShortBesideTheText() throws {
        let filler = String(repeating: "一二三四五六七八九十", count: 9)
        let paragraph = "督查工作要" + filler
        var files = Self.speeches
        files["content/d.md"] = "---\ntitle: 丁\ndate: 2023-01-01\ntopics: [服务意识]\n---\n\n\(paragraph)\n\n要加强督促检查。\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        _ = try site.build().get()
        let topic = try #require(site.page("topics/supervision.html"))
        #expect(topic.contains("<a href=\"../d.html#p-1\">\(String(paragraph.prefix(80)))…</a>"))
        let list = try #require(topic.range(of: "<ol class=\"topic-documents\"")).lowerBound
        #expect(!topic[list...].contains("topic-badge"), "no badges in a topic's list")
        let year = try #require(site.page("archive/2023.html"))
        #expect(year.contains("class=\"topic-badge\""), "other lists keep them")
        let document = try #require(site.page("d.html"))
        let shares = try #require(document.range(of: "<details class=\"doc-topics\">")).lowerBound
        #expect(document[shares...].contains("<a href=\"#p-1\">\(String(paragraph.prefix(24)))…</a>"))
        #expect(!document[shares...].contains(String(paragraph.prefix(25)) + "…"))
    }

    @Test func topicsJSONListsEveryPassageAndDocument() throws {
        // A title with characters JSON must escape: quotes, a backslash, a tab, U+2028.
        let awkwardTitle = "丁 \"引号\" \\ 反斜杠\t制表 \u{2028} 行分隔"
        var files = Self.speeches
        files["content/d.md"] = "---\n" + #"title: "丁 \"引号\" \\ 反斜杠\t制表 \u2028 行分隔""# + "\ndate: 2020-01-01\n---\n\n督查“不是”走过场。\n"
        files["content/site.yml"] = "topic_passage_text: true\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        _ = try site.build().get()
        let data = try Data(contentsOf: site.output.appendingPathComponent("data/topics.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? Int == 3)
        let topics = try #require(json["topics"] as? [[String: Any]])
        let supervision = try #require(topics.first { $0["slug"] as? String == "supervision" })
        #expect(supervision["passages"] == nil, "passages sit in their document")
        let documents = try #require(supervision["documents"] as? [[String: Any]])
        #expect(documents.map { $0["slug"] as? String } == ["d", "a", "b"], "carrying documents first, by share: d 1/1, a 14/18, b 7/33 of their characters")
        // Each document's passages, as `slug#anchor`.
        func passages(_ documents: [[String: Any]]) -> [String] {
            documents.flatMap { document in ((document["passages"] as? [[String: Any]]) ?? []).map { "\(document["slug"]!)#\($0["anchor"]!)" } }.sorted()
        }
        #expect(passages(documents) == ["a#p-1", "a#p-2", "b#p-2", "d#p-1"])
        let a = try #require(documents.first { $0["slug"] as? String == "a" })
        let viaHeading = try #require((a["passages"] as? [[String: Any]])?.first { $0["anchor"] as? String == "p-2" })
        #expect(viaHeading["text"] as? String == "要一追到底。")
        #expect(viaHeading["viaHeading"] as? Bool == true)
        #expect(viaHeading["score"] as? Double == TopicClassifier.passageThreshold)
        #expect(viaHeading["url"] == nil, "the document's url and the anchor make it")
        let quoted = try #require((documents.first { $0["slug"] as? String == "d" }?["passages"] as? [[String: Any]])?.first)
        #expect(quoted["text"] as? String == "督查“不是”走过场。")
        #expect(a["url"] as? String == "a.html")
        #expect(documents.first { $0["slug"] as? String == "d" }?["title"] as? String == awkwardTitle)
        #expect(a["share"] as? Double == 0.778)
        #expect(a["fromFrontMatter"] as? Bool == false)

        // By default passages are listed by their anchors, without their text.
        files["content/site.yml"] = nil
        let plain = try SiteFixture(files: files)
        defer { plain.remove() }
        _ = try plain.build().get()
        let plainJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: plain.output.appendingPathComponent("data/topics.json"))) as? [String: Any])
        let plainDocuments = try #require((plainJSON["topics"] as? [[String: Any]])?.first { $0["slug"] as? String == "supervision" }?["documents"] as? [[String: Any]])
        #expect(passages(plainDocuments) == ["a#p-1", "a#p-2", "b#p-2", "d#p-1"])
        #expect(plainDocuments.allSatisfy { (($0["passages"] as? [[String: Any]]) ?? []).allSatisfy { $0["text"] == nil && $0["score"] != nil } })
    }
}
