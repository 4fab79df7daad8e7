import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Links as other people write them: destinations percent-encoded as cmark-gfm encodes them,
/// links to the web server's root kept with one warning a file (or none, by `site.yml`), the
/// schemes a portal allows set in `site.yml`, script-capable ones never.
@Suite struct LinkSettingsTests {
    static let speech = """
        ---
        title: 甲
        ---

        见[通知](/oa/notice.html)、[制度](/oa/rules.html#第二条)和[办公系统](//oa.example.gov.cn/)。

        [空格](<https://example.com/a b>)、[中文](https://例子.中国/路径)、[反斜杠](https://example.com/a\\\\b)、[括号](https://example.com/[x])、[引号](https://example.com/"q")、[反引号][bt]。

        [笔记](notes://abc)。

        [bt]: https://example.com/`c`
        """

    @Test func destinationsArePercentEncodedAsCMarkEncodesThem() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.speech])
        defer { site.remove() }
        _ = try site.build().get()
        let page = try #require(site.page("a.html"))
        // Worked out by hand from cmark's table: space %20, 例子.中国/路径 as UTF-8 bytes,
        // \ %5C, [ ] %5B %5D, " %22, ` %60.
        for href in [
            "https://example.com/a%20b",
            "https://%E4%BE%8B%E5%AD%90.%E4%B8%AD%E5%9B%BD/%E8%B7%AF%E5%BE%84",
            "https://example.com/a%5Cb",
            "https://example.com/%5Bx%5D",
            "https://example.com/%22q%22",
            "https://example.com/%60c%60",
        ] {
            #expect(page.contains("href=\"\(href)\""), "\(href)")
        }
    }

    @Test func rootLinksAreKeptWithOneWarningAFile() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.speech, "content/b.md": "[首页](/index.html)\n"])
        defer { site.remove() }
        let summary = try site.build().get()
        let page = try #require(site.page("a.html"))
        #expect(page.contains("<a href=\"/oa/notice.html\">通知</a>"))
        #expect(page.contains("<a href=\"/oa/rules.html#%E7%AC%AC%E4%BA%8C%E6%9D%A1\">制度</a>"))
        #expect(page.contains("<a href=\"//oa.example.gov.cn/\">办公系统</a>"))
        let rootWarnings = summary.warnings.filter { $0.message.contains("web server's root") }
        #expect(rootWarnings.map(\.path) == ["content/a.md", "content/b.md"])
        #expect(rootWarnings.first?.line == 5 && rootWarnings.first?.column == 2)
        #expect(rootWarnings.first?.message.contains("'/oa/notice.html' and 1 more") == true)
    }

    @Test func siteYmlSilencesRootLinks() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.speech, "content/site.yml": "title: 门户\nroot_links: allow\n"])
        defer { site.remove() }
        let summary = try site.build().get()
        #expect(try #require(site.page("a.html")).contains("<a href=\"/oa/notice.html\">通知</a>"))
        #expect(!summary.warnings.contains { $0.message.contains("web server's root") })
    }

    @Test func schemesAreASiteSetting() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.speech])
        defer { site.remove() }
        let summary = try site.build().get()
        #expect(try #require(site.page("a.html")).contains("<span class=\"dead-link\">笔记</span>"))
        let refused = try #require(summary.warnings.first { $0.message.contains("notes://abc") })
        #expect(refused.message.contains("http, https, mailto, ftp, tel"))

        try site.write("title: 门户\nlink_schemes: [https, notes]\n", to: "content/site.yml")
        let allowed = try site.build().get()
        let page = try #require(site.page("a.html"))
        #expect(page.contains("<a href=\"notes://abc\">笔记</a>"))
        #expect(allowed.warnings.contains { $0.message.contains("'notes://abc'") } == false)
    }

    @Test func scriptSchemesCannotBeAllowed() throws {
        let site = try SiteFixture(files: ["content/a.md": Self.speech, "content/site.yml": "title: 门户\nlink_schemes: [https, JavaScript, data]\n"])
        defer { site.remove() }
        let failure = try #require(site.failedBuild())
        #expect(failure.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/site.yml:2:23: error: 'JavaScript' in 'link_schemes' can run scripts in a page and cannot be allowed; remove it",
            "content/site.yml:2:35: error: 'data' in 'link_schemes' can run scripts in a page and cannot be allowed; remove it",
        ])
    }
}

extension LinkSettingsTests {
    /// Markdown exported beside its HTML links the other documents' `.html`: their pages.
    @Test func aLinkToAnotherDocumentsPageReachesIt() throws {
        let site = try SiteFixture(files: [
            "content/api/fs.md": "# 文件\n\n见[缓冲区](buffer.html#buffer-类)和[缺失](missing.html)。\n",
            "content/api/buffer.md": "# 缓冲区\n\n正文。\n",
        ])
        defer { site.remove() }
        let failure = try #require(site.failedBuild())
        #expect(failure.diagnostics.map(\.description) == [
            "content/api/fs.md:3:30: error: broken link 'missing.html': no file at 'api/missing.html' in the content folder",
        ])
        try site.write("# 文件\n\n见[缓冲区](buffer.html#buffer-类)。\n", to: "content/api/fs.md")
        _ = try site.build().get()
        #expect(try #require(site.page("api/fs.html")).contains("<a href=\"buffer.html#buffer-%E7%B1%BB\">缓冲区</a>"))
        #expect(try #require(site.page("api/buffer.html")).contains("引用本文的文稿"), "a backlink like any link to a document")
    }
}
