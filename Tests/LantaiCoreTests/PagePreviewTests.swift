import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// The quick pages `lantai serve` shows after an edit, before the full build ends.
@Suite struct PagePreviewTests {
    static let edited = IncrementalBuildTests.edited
    static let page = "speeches/county-speech-72e6c0.html"

    /// A site built once with a preview kept, and the absolute path of `relative` as the
    /// folder watcher reports it.
    static func builtSite() throws -> (SiteFixture, SiteBuilder) {
        let site = try IncrementalBuildTests.makeSite()
        var builder = SiteBuilder(options: site.options)
        builder.preview = PagePreview()
        _ = try builder.build()
        return (site, builder)
    }

    static func watched(_ site: SiteFixture, _ relative: String) -> String {
        site.root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func builtPage(_ site: SiteFixture) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(page), encoding: .utf8)
    }

    /// With the text unchanged the quick page is the page the build wrote, byte for byte: both
    /// go through the same body, plan and template.
    @Test func theQuickPageOfAnUnchangedDocumentIsTheBuiltPage() throws {
        let (site, builder) = try Self.builtSite()
        defer { site.remove() }
        let pages = try #require(builder.preview!.pages(forChanged: [Self.watched(site, Self.edited)]))
        #expect(Array(pages.keys) == [Self.page])
        #expect(pages[Self.page] == (try Self.builtPage(site)))
    }

    /// An edited paragraph shows in the quick page; the full build then shows it too.
    @Test func anEditedParagraphShowsBeforeTheBuild() throws {
        let (site, builder) = try Self.builtSite()
        defer { site.remove() }
        let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
        let old = "借此机会，我再提两点希望和要求："
        let new = "借此机会，我再提三点希望和要求，请大家督查落实："
        try #require(text.contains(old))
        try site.write(text.replacingOccurrences(of: old, with: new), to: Self.edited)
        let quick = try #require(builder.preview!.pages(forChanged: [Self.watched(site, Self.edited)])?[Self.page])
        #expect(quick.contains(new) && !quick.contains(old))
        #expect(!(try Self.builtPage(site)).contains(new), "the quick page is served from memory, the output is not touched")
        _ = try builder.build()
        #expect((try Self.builtPage(site)).contains(new))
    }

    /// A document cut down to one paragraph: the notes of the paragraphs that are gone are not
    /// looked up, and the page has only what is left.
    @Test func aDocumentWithFewerParagraphsGetsAQuickPage() throws {
        let (site, builder) = try Self.builtSite()
        defer { site.remove() }
        let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
        let frontMatterEnd = try #require(text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex))
        try site.write(String(text[..<frontMatterEnd.upperBound]) + "\n只剩下一段话。\n", to: Self.edited)
        let quick = try #require(builder.preview!.pages(forChanged: [Self.watched(site, Self.edited)])?[Self.page])
        #expect(quick.contains("只剩下一段话。"))
        #expect(!quick.contains("id=\"p-2\""))
    }

    /// Anything but an edit of published documents waits for the full build.
    @Test func otherChangesGetNoQuickPage() throws {
        let (site, builder) = try Self.builtSite()
        defer { site.remove() }
        let preview = builder.preview!
        let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
        #expect(preview.pages(forChanged: [Self.watched(site, "content/topics.yml")]) == nil, "the topic catalogue")
        try site.write("---\ntitle: 新的\n---\n\n新文稿。\n", to: "content/notes/2025-01-01-new.md")
        #expect(preview.pages(forChanged: [Self.watched(site, "content/notes/2025-01-01-new.md")]) == nil, "a new document")
        try site.write(text.replacingOccurrences(of: "---\n", with: "---\nslug: moved\n", options: [], range: text.startIndex..<text.index(text.startIndex, offsetBy: 4)),
                       to: Self.edited)
        #expect(preview.pages(forChanged: [Self.watched(site, Self.edited)]) == nil, "a page that moves")
        try site.write(text + "\n[断开的链接](missing.md)\n", to: Self.edited)
        #expect(preview.pages(forChanged: [Self.watched(site, Self.edited)]) == nil, "an edit with an error")
        try site.write(text, to: Self.edited)
        #expect(preview.pages(forChanged: [Self.watched(site, Self.edited)]) != nil, "the same edit without the error")
        #expect(preview.pages(forChanged: [Self.watched(site, "theme/templates/page.mustache")]) == nil, "the theme")
    }
}
