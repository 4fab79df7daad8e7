import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Explicit links between documents: wiki links by title and slug, relative `.md` links, what is
/// reported when they name nothing, and the backlinks they produce.
@Suite struct LinkTests {
    static let files: [String: String] = [
        "content/speeches/2021-03-01-a.md": "---\ntitle: 在全县督查工作会议上的讲话\n---\n\n督查工作要一抓到底。\n",
        "content/speeches/2022-05-01-b.md": "---\ntitle: 乙\nslug: second\n---\n\n正如[[在全县督查工作会议上的讲话]]所说，又见[[second|本文]]。\n",
        "content/guidance/c.md": "---\ntitle: 丙\n---\n\n参见[乙文](../speeches/2022-05-01-b.md#p-1)和[[2021-03-01-a]]。代码 `[[不是链接]]` 照原样。\n",
    ]

    @Test func wikiAndRelativeLinksReachTheirPagesAndBackLinksAreListed() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let b = try #require(site.page("speeches/second.html"))
        #expect(b.contains("正如<a href=\"2021-03-01-a.html\">在全县督查工作会议上的讲话</a>所说，又见<a href=\"second.html\">本文</a>。"))
        let c = try #require(site.page("guidance/c.html"))
        #expect(c.contains("<a href=\"../speeches/second.html#p-1\">乙文</a>"))
        #expect(c.contains("<a href=\"../speeches/2021-03-01-a.html\">2021-03-01-a</a>"))
        #expect(c.contains("<code>[[不是链接]]</code>"))
        // a.html is linked from 乙 and 丙; 乙 from 丙 only (its link to itself does not count).
        let a = try #require(site.page("speeches/2021-03-01-a.html"))
        let backlinks = try #require(a.range(of: "引用本文的文稿")).upperBound
        #expect(a[backlinks...].contains("href=\"second.html\">乙</a>") && a[backlinks...].contains("href=\"../guidance/c.html\">丙</a>"))
        let bBacklinks = try #require(b.range(of: "引用本文的文稿")).upperBound
        #expect(b[bBacklinks...].contains(">丙</a>") && !b[bBacklinks...].contains(">乙</a>"))
        #expect(!c.contains("引用本文的文稿"))
        #expect(LinkChecker.check(site: site.output) == [])
    }

    /// A backlinked document without a speaker, organisation, summary or date shows none: the
    /// template's `{{#speaker}}` must not climb to the linked page's own speaker (Mustache looks a
    /// name up the context stack when the inner view does not answer it).
    @Test func aBacklinkShowsOnlyItsOwnDocumentsDetails() throws {
        let site = try SiteFixture(files: [
            "content/talks/2023-04-02-page.md": "---\ntitle: 被引用的讲话\ndate: 2023-04-02\ntype: 讲话\nspeaker: 王五\norganization: 县政府办公室\nsummary: 本页自己的摘要。\n---\n\n正文一段。\n",
            "content/notes/note.md": "---\ntitle: 无署名的便条\n---\n\n参见[[被引用的讲话]]。\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        let page = try #require(site.page("talks/2023-04-02-page.html"))
        let backlinks = String(page[try #require(page.range(of: "引用本文的文稿")).upperBound...])
        let item = try #require(backlinks.range(of: "无署名的便条")).upperBound
        let itemEnd = try #require(backlinks[item...].range(of: "</li>")).lowerBound
        let itemText = String(backlinks[item..<itemEnd])
        for leaked in ["王五", "县政府办公室", "本页自己的摘要", "2023年4月2日", "讲话"] {
            #expect(!itemText.contains(leaked), "the backlink carries the page's own \(leaked): \(itemText)")
        }
        #expect(page.contains("王五"), "the page shows its own speaker")
    }

    @Test func aWikiLinkToNothingIsAnErrorAtItsPosition() throws {
        var files = Self.files
        files["content/guidance/d.md"] = "---\ntitle: 丁\n---\n\n第一段。\n\n见 [[没有这篇]] 一文。\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        let failure = try #require(site.failedBuild())
        #expect(failure.diagnostics.map(\.description) == [
            "content/guidance/d.md:7:3: error: broken link '[[没有这篇]]': no document has the title or slug '没有这篇'",
        ])
    }

    @Test func aTitleTwoDocumentsShareMustBeLinkedBySlug() throws {
        var files = Self.files
        files["content/speeches/2023-01-01-e.md"] = "---\ntitle: 乙\n---\n\n同名。\n"
        files["content/guidance/d.md"] = "---\ntitle: 丁\n---\n\n见[[乙]]。\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        let failure = try #require(site.failedBuild())
        #expect(failure.diagnostics.map(\.description) == [
            "content/guidance/d.md:5:2: error: broken link '[[乙]]': '乙' names several documents (speeches/2022-05-01-b.md, speeches/2023-01-01-e.md); link by slug instead: [[second]] or [[2023-01-01-e]]",
        ])
    }
}
