import LantaiCore
import Testing

@Suite struct MarkdownTests {
    private func render(_ markdown: String, resolve: @escaping HTMLRenderer.Resolver = { destination, _ in .url(destination) }) -> String {
        var body = MarkdownParser.parse(markdown)
        var assigner = AnchorAssigner()
        assigner.assign(&body)
        var renderer = HTMLRenderer(resolve: resolve)
        return renderer.render(body)
    }

    @Test func autolinksEndAtTheFirstChineseCharacter() {
        let html = render("网址https://example.com/a?b=1。结束，另见https://example.org")
        #expect(html.contains("网址<a href=\"https://example.com/a?b=1\">https://example.com/a?b=1</a>。结束，另见<a href=\"https://example.org\">https://example.org</a>"))
    }

    @Test func rawHTMLIsShownAsText() {
        let html = render("<div onclick=\"x()\">块</div>\n\n段落<img src=x onerror=alert(1)>结束")
        #expect(!html.contains("<div onclick"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;div onclick=&quot;x()&quot;&gt;块&lt;/div&gt;"))
        #expect(html.contains("段落&lt;img src=x onerror=alert(1)&gt;结束"))
    }

    @Test func unsafeLinksKeepTheirTextButLoseTheirTarget() {
        let html = render("[点我](javascript:alert(1))") { _, _ in .unsafe(allowed: Message(zh: "http", en: "http")) }
        #expect(html.contains("<span class=\"dead-link\">点我</span>"))
        #expect(!html.contains("javascript"))
    }

    @Test func refusedLinksAreReportedTwentyAtMostThenCounted() {
        // 25 refused links, one a line, then two lines of raw HTML.
        let markdown = (1...25).map { "[链接\($0)](javascript:x\($0))" }.joined(separator: "\n\n") + "\n\n甲<b>乙</b>\n\n<i>丙</i>\n"
        var renderer = HTMLRenderer { _, _ in .unsafe(allowed: Message(zh: "http", en: "http")) }
        _ = renderer.render(MarkdownParser.parse(markdown))
        let notices = renderer.notices
        #expect(notices.count == 22)
        #expect(notices.prefix(20).map(\.line) == Array(stride(from: 1, through: 39, by: 2)), "links 1…20 on lines 1, 3, … 39")
        #expect(notices[0].message.en.hasPrefix("link 'javascript:x1' is not allowed"))
        #expect(notices[20].message.en.hasPrefix("5 more links or images"))
        #expect(notices[21].message.en.contains("the first of 4 places"), "<b>, </b> and <i>, </i>")
        #expect(notices[21].line == 51 && notices[21].byteColumn == 4, "after '甲' (3 bytes) on line 51")
    }

    @Test func passagesCarryTheirHeadingPathAndPlainText() {
        var body = MarkdownParser.parse("""
            # 总标题

            ## 一、有心

            第一段，
            **加粗**的文字。

            ### （一）忠诚心

            第二段 with English
            words.
            """)
        var assigner = AnchorAssigner()
        assigner.assign(&body)
        #expect(assigner.passages.map(\.anchor) == ["p-1", "p-2"])
        #expect(assigner.passages[0].text == "第一段，加粗的文字。")
        #expect(assigner.passages[0].headingPath == ["总标题", "一、有心"])
        #expect(assigner.passages[1].text == "第二段 with English words.")
        #expect(assigner.passages[1].headingPath == ["总标题", "一、有心", "（一）忠诚心"])
        #expect(assigner.outline.map(\.anchor) == ["sec-1", "sec-1-1", "sec-1-1-1"])
        #expect(assigner.outline.map(\.depth) == [1, 2, 3])
    }

    @Test func deeplyNestedInputKeepsItsTextWithBoundedDepth() {
        let markdown = String(repeating: "> ", count: 5000) + "深处的文字"
        let body = MarkdownParser.parse(markdown)
        func depth(_ node: MarkdownNode) -> Int { 1 + (node.children.map(depth).max() ?? 0) }
        #expect(depth(body) <= 66)
        #expect(body.plainText == "深处的文字")
    }

    @Test func tablesKeepTheirAlignment() {
        let html = render("| 左 | 中 |\n| :-- | :-: |\n| a | b |")
        #expect(html.contains("<thead>\n<tr><th class=\"align-left\">左</th><th class=\"align-center\">中</th></tr>"))
        #expect(html.contains("<tbody>\n<tr><td class=\"align-left\">a</td><td class=\"align-center\">b</td></tr>"))
    }
}
