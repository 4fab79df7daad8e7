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
