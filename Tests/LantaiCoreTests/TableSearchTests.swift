import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Table cells, code blocks and footnotes are searched text too, each hit linked to its own
/// anchor; a table does not move the anchors of the paragraphs after it.
@Suite struct TableSearchTests {
    static let markdown = """
        ---
        title: 表格和代码
        date: 2023-05-12
        ---

        第一段正文。

        | 字段 | 写法 |
        | --- | --- |
        | 日期 | 写成年月日格式 |
        | 类型 | 从列表中选取 |

        第二段正文[^1]。

        ```
        示例代码里的独特短语
        ```

        [^1]: 脚注里的独特说法。
        """

    @Test func cellsCodeAndNotesAreFoundAndLinkedToTheirAnchors() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.markdown, "content/b.md": "---\ntitle: 别的\n---\n\n无关的正文。\n"])
        defer { site.remove() }
        _ = try site.build().get()
        let page = try #require(site.page("a.html"))
        #expect(page.contains("<div class=\"table-wrap\" id=\"t-1\"><table>"))
        #expect(page.contains("<pre id=\"c-1\"><code>示例代码里的独特短语"))
        #expect(page.contains("<p id=\"p-2\">第二段正文"), "the table does not move the next paragraph's anchor")
        let engine = try site.searchEngine()
        // Each phrase is read off the Markdown source, not off the index.
        for (phrase, anchor) in [("写成年月日格式", "t-1"), ("从列表中选取", "t-1"), ("示例代码里的独特短语", "c-1"), ("脚注里的独特说法", "p-3")] {
            #expect(Self.markdown.contains(phrase))
            let found = try engine.search(SearchQuery(text: phrase))
            #expect(found.total == 1, "\(phrase)")
            #expect(found.results.first?.url == "a.html#\(anchor)", "\(phrase): \(found.results.first?.url ?? "nothing")")
        }
        #expect(try engine.search(SearchQuery(text: "无关的正文")).results.map(\.title) == ["别的"])
    }

    @Test func theGuideFieldTableIsSearchable() throws {
        // The issue's example: 写成 appears in the repository guide's field table.
        let site = try SiteFixture(copying: RepositoryPaths.content)
        defer { site.remove() }
        _ = try site.build().get()
        let engine = try site.searchEngine()
        let results = try engine.search(SearchQuery(text: "写成", limit: 100))
        #expect(results.results.contains { $0.url.contains("#t-") }, "\(results.results.map(\.url))")
    }

    @Test func speakersOrganisationsAndSubtitlesAreSearchableText() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 在全县会议上的讲话\nsubtitle: 在全县政务督查工作会议上\nspeaker: 李明\nposition: 县政府副县长\norganization: 清源县人民政府\n---\n\n正文。\n",
            "content/b.md": "---\ntitle: 另一篇\n---\n\n正文没有这个名字。\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        let engine = try site.searchEngine()
        for name in ["李明", "县政府副县长", "清源县人民政府", "政务督查工作会议"] {
            let found = try engine.search(SearchQuery(text: name))
            #expect(found.results.map(\.title) == ["在全县会议上的讲话"], "\(name)")
        }
    }
}
