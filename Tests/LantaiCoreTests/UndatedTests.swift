import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Documents without a date: no year lists them, so the archive links a page of their own, and a
/// topic's chart of passages per year says how many passages it leaves out.
@Suite struct UndatedTests {
    @Test func undatedDocumentsHaveTheirOwnPageAndTheChartSaysWhatItLeavesOut() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 有日期\ndate: 2023-05-12\ntopics: [督查]\n---\n\n督查督办，跟踪问效。\n",
            "content/b.md": "---\ntitle: 无日期一\ntopics: [督查]\n---\n\n督查督办，跟踪问效。\n\n督促检查，抓好落实。\n",
            "content/c.md": "---\ntitle: 无日期二\n---\n\n正文。\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        let archive = try #require(site.page("archive/index.html"))
        #expect(archive.contains("另有 <a href=\"undated.html\">2 篇文稿未注明日期</a>。"))
        let undated = try #require(site.page("archive/undated.html"))
        #expect(undated.contains("无日期一") && undated.contains("无日期二") && !undated.contains("有日期</a>"))
        let topic = try #require(site.page("topics/supervision.html"))
        #expect(topic.contains("各年份相关段落数；另有 2 段出自未注明日期的文稿，未计入"))
    }

    @Test func withEveryDocumentDatedThereIsNoUndatedPage() throws {
        let site = try SiteFixture(files: ["content/a.md": "---\ntitle: 甲\ndate: 2023-05-12\n---\n\n督查督办。\n"])
        defer { site.remove() }
        _ = try site.build().get()
        #expect(site.page("archive/undated.html") == nil)
        #expect(site.page("archive/index.html")?.contains("未注明日期") == false)
    }
}
