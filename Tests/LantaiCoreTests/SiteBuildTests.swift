import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Builds a small site written inline and checks what a reader would see in the output.
@Suite struct SiteBuildTests {
    static let files: [String: String] = [
        "content/site.yml": "title: 测试门户\nlatest: 5\n",
        "content/topics.yml": """
            topics:
              - name: 服务意识
                slug: service
                description: 服务
              - name: 参谋作用
                slug: advisory
              - name: 督查
                slug: supervision
            """,
        "content/speeches/2023-05-12-county.md": """
            ---
            title: 在全县办公室工作会议上的讲话
            date: 2023-05-12
            speaker: 张三
            type: 讲话
            topics: [服务意识, supervision]
            ---

            同志们：

            一、办公室工作要“有心”

            ## 一、办公室工作要“有心”

            办公室是窗口，
            是桥梁和纽带。

            ### （一）要有忠诚心

            参见[指导意见](../guidance/guide.md#sec-1)和网址https://example.com。结束

            <script>alert(1)</script>

            ![图表](img/chart.png)

            ## 二、办公室工作要“用心”

            - [x] 已办
            - [ ] 未办
            """,
        "content/speeches/img/chart.png": "not really a png",
        "content/guidance/guide.md": """
            # 关于加强督查工作的指导意见

            ## 总体要求

            返回[讲话](../speeches/2023-05-12-county.md)。
            """,
        "content/notes/2021-03-04-plain.md": "第一行就是标题\n\n正文第二段。\n",
        "content/notes/draft.md": "---\ntitle: 草稿\ndraft: true\n---\n草稿正文\n",
    ]

    @Test func buildsEveryPageKind() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        let summary = try site.build().get()
        #expect(summary.documents == 3)
        #expect(summary.drafts == 1)
        for path in ["index.html", "topics/index.html", "topics/service.html", "topics/advisory.html",
                     "topics/supervision.html", "archive/index.html", "archive/2023.html", "archive/2021.html",
                     "archive/type-speech.html", "speeches/2023-05-12-county.html", "guidance/guide.html",
                     "notes/2021-03-04-plain.html", "static/css/site.css", "speeches/img/chart.png"] {
            #expect(site.page(path) != nil, "missing \(path)")
        }
        #expect(site.page("notes/draft.html") == nil)
        #expect(summary.line.hasPrefix("built 3 documents into "))
    }

    @Test func aContentFolderGivenAsASymbolicLinkIsRead() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        let link = site.root.appendingPathComponent("linked-content")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.content)
        var options = site.options
        options.content = link
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.documents == 3)
        #expect(site.page("speeches/2023-05-12-county.html") != nil)
    }

    /// Which files of the content folder are documents: a link to a file is the file; hidden
    /// files and folders (an editor's `.swp`, a `.git` folder) are not; a link to a folder is not
    /// followed (it could lead back up and loop).
    @Test func linksToFilesAreReadAndHiddenFilesAndLinkedFoldersAreNot() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let note = "---\ntitle: 别处的文稿\n---\n\n正文。\n"
        try Data(note.utf8).write(to: elsewhere.appendingPathComponent("linked.md"))
        try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("notes/alias.md"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("linked.md"))
        try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("linked-folder"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("notes/loop"), withDestinationURL: site.content)
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(note.utf8).write(to: site.content.appendingPathComponent(".git/hidden.md"))
        try Data(note.utf8).write(to: site.content.appendingPathComponent("notes/.hidden-note.md"))
        let summary = try site.build().get()
        #expect(summary.documents == 4)
        #expect(site.page("notes/alias.html")?.contains("别处的文稿") == true)
        #expect(site.page("linked-folder/linked.html") == nil)
        #expect(site.page("git/hidden.html") == nil && site.page(".git/hidden.html") == nil)
        #expect(site.page("notes/hidden-note.html") == nil && site.page("notes/.hidden-note.html") == nil)
    }

    @Test func documentPageHasAnchorsOutlineAndRewrittenLinks() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let page = try #require(site.page("speeches/2023-05-12-county.html"))
        // Title, metadata and topic links.
        #expect(page.contains("<h1>在全县办公室工作会议上的讲话</h1>"))
        #expect(page.contains("张三"))
        #expect(page.contains("href=\"../topics/service.html\""))
        #expect(page.contains("href=\"../topics/supervision.html\""))
        #expect(page.contains("href=\"../archive/type-speech.html\""))
        // Paragraphs are numbered in order; headings by their place in the outline.
        #expect(page.contains("<p id=\"p-1\">同志们："))
        #expect(page.contains("<h2 id=\"sec-1\">一、办公室工作要“有心”"))
        #expect(page.contains("<h3 id=\"sec-1-1\">（一）要有忠诚心"))
        #expect(page.contains("<h2 id=\"sec-2\">二、办公室工作要“用心”"))
        #expect(page.contains("<a class=\"anchor\" href=\"#p-1\" aria-label=\"本段链接\"></a>"))
        // The outline lists the three headings with their anchors.
        #expect(page.contains("<li class=\"depth-1\"><a href=\"#sec-1\">一、办公室工作要“有心”</a></li>"))
        #expect(page.contains("<li class=\"depth-2\"><a href=\"#sec-1-1\">（一）要有忠诚心</a></li>"))
        // Soft line breaks between Chinese characters join without a space.
        #expect(page.contains("办公室是窗口，是桥梁和纽带。"))
        // A link to another Markdown file goes to its page, keeping the fragment.
        #expect(page.contains("<a href=\"../guidance/guide.html#sec-1\">指导意见</a>"))
        // The autolink ends where the Chinese text begins.
        #expect(page.contains("<a href=\"https://example.com\">https://example.com</a>。结束"))
        // Raw HTML is shown as text, never run.
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("<img src=\"img/chart.png\" alt=\"图表\">"))
        #expect(page.contains("<input type=\"checkbox\" disabled checked> "))
    }

    @Test func filesWithoutFrontMatterTakeTitleAndDateFromTheirText() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let guide = try #require(site.page("guidance/guide.html"))
        #expect(guide.contains("<h1>关于加强督查工作的指导意见</h1>"))
        // The title heading is shown once, as the page title, not again in the body.
        #expect(!guide.contains("<h1 id="))
        #expect(guide.contains("<h2 id=\"sec-1\">总体要求"))
        #expect(guide.contains("<a href=\"../speeches/2023-05-12-county.html\">讲话</a>"))
        let plain = try #require(site.page("notes/2021-03-04-plain.html"))
        #expect(plain.contains("<h1>第一行就是标题</h1>"))
        #expect(plain.contains("<time datetime=\"2021-03-04\">2021年3月4日</time>"))
        let year = try #require(site.page("archive/2021.html"))
        #expect(year.contains("href=\"../notes/2021-03-04-plain.html\""))
    }

    @Test func topicAndArchivePagesListTheirDocuments() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let service = try #require(site.page("topics/service.html"))
        #expect(service.contains("href=\"../speeches/2023-05-12-county.html\""))
        let advisory = try #require(site.page("topics/advisory.html"))
        #expect(!advisory.contains("2023-05-12-county.html"))
        let home = try #require(site.page("index.html"))
        #expect(home.contains("<a href=\"topics/service.html\">服务意识</a> <span class=\"count\">1 篇</span>"))
        #expect(home.contains("<a href=\"topics/advisory.html\">参谋作用</a> <span class=\"count\">0 篇</span>"))
        // Latest first: the 2023 speech before the 2021 note; the undated guide last.
        let speech = try #require(home.range(of: "2023-05-12-county.html"))
        let note = try #require(home.range(of: "2021-03-04-plain.html"))
        let guide = try #require(home.range(of: "guidance/guide.html"))
        #expect(speech.lowerBound < note.lowerBound && note.lowerBound < guide.lowerBound)
    }

    @Test func everyInternalLinkPointsToAFileAndAnchor() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        #expect(LinkChecker.check(site: site.output) == [])
    }

    @Test func linkCheckerCatchesAMissingTarget() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        try site.write("<a href=\"gone.html\">x</a><a href=\"#nowhere\">y</a>", to: "public/extra.html")
        let problems = LinkChecker.check(site: site.output)
        #expect(problems.map(\.link).sorted() == ["#nowhere", "gone.html"])
    }

    @Test func theRepositoryContentBuildsWithNoBrokenLink() throws {
        let site = try SiteFixture(files: [:])
        defer { site.remove() }
        let options = BuildOptions(content: RepositoryPaths.content, theme: RepositoryPaths.theme, output: site.output)
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.documents >= 2)
        #expect(LinkChecker.check(site: site.output) == [])
    }
}
