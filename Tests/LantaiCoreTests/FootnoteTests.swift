import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Footnotes as cmark-gfm's footnote option reads them: references numbered in the order they
/// are first used, notes at the end with a back-link to each reference, the notes' paragraphs
/// passages that search finds and links to, and a note nothing refers to reported, not dropped.
@Suite struct FootnoteTests {
    static let speech = """
        ---
        title: 有注释的讲话
        ---

        ## 一、总体要求

        要把督查落实[^督查]摆在突出位置，做到三服务[^2]。再说一次督查[^督查]。

        [^2]: 服务领导、服务部门、服务基层。

        [^督查]: 督查督办是推动决策部署落地见效的重要抓手。

            第二段：跟踪问效，一抓到底。

        [^多余]: 没有引用的注释。

        [^2]: 重复的注释。

        ```
        [^代码]: 代码块里的这一行不是注释。
        ```
        """

    @Test func notesAreRenderedWithBackLinksAndSearchable() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.speech])
        defer { site.remove() }
        let summary = try site.build().get()
        let page = try #require(site.page("a.html"))
        // 督查 is used first, so it is note 1; its label goes into the ids, percent-encoded.
        let id = "%E7%9D%A3%E6%9F%A5"
        #expect(page.contains("督查落实<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\">1</a></sup>"))
        #expect(page.contains("三服务<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup>"))
        #expect(page.contains("再说一次督查<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)-2\">1</a></sup>"))
        let notes = try #require(page.range(of: "<section class=\"footnotes\"")).lowerBound
        let noteOne = try #require(page.range(of: "<li id=\"fn-\(id)\">", range: notes..<page.endIndex)).lowerBound
        let noteTwo = try #require(page.range(of: "<li id=\"fn-2\">", range: notes..<page.endIndex)).lowerBound
        #expect(noteOne < noteTwo, "notes in the order they are first referenced")
        // Two references to note 1: two back-links, in its last paragraph.
        #expect(page.contains("一抓到底。 <a href=\"#fnref-\(id)\" class=\"footnote-backref\" aria-label=\"返回正文\">↩</a> <a href=\"#fnref-\(id)-2\""))
        #expect(!page.contains("没有引用的注释"))

        // The notes' paragraphs are passages: found by search, linked to their anchors.
        let engine = try site.searchEngine()
        let results = try engine.search(SearchQuery(text: "跟踪问效"))
        // Paragraphs are numbered through the body (p-1), then the notes in their order: note 1
        // holds p-2 and p-3, note 2 p-4.
        #expect(results.results.map(\.url) == ["a.html#p-3"])
        #expect(results.results.first?.snippets.first?.anchor == "p-3")
        #expect(page.contains("<p id=\"p-3\">第二段：跟踪问效"))

        // The note nothing refers to is reported at its line; the code block's line is not.
        // So is a second definition of a label.
        let warnings = summary.warnings.filter { $0.message.contains("footnote") }
        #expect(warnings.map(\.description) == [
            "content/a.md:15:1: warning: footnote '[^多余]' is never referenced, so cmark-gfm leaves it out of the page; refer to it with [^多余] in the text, or delete it",
            "content/a.md:17:1: warning: footnote '[^2]' is defined a second time here; cmark-gfm shows only the first definition, so this one is left out; give it a label of its own",
        ])
        #expect(!page.contains("重复的注释"))
    }
}
