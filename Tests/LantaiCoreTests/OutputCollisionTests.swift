import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Two things that would go to one output path are an error, not a race that one of them loses
/// silently: a document named like a page the portal makes, a copied file beside the Markdown
/// it was exported from (Node's docs ship `fs.md` and `fs.html`), a content file where a theme
/// file goes.
@Suite struct OutputCollisionTests {
    @Test func everyPathWrittenTwiceIsAnErrorAndNothingIsWritten() throws {
        let site = try SiteFixture(files: [
            "content/index.md": "---\ntitle: 首页文\n---\n\n正文甲。\n",
            "content/search.md": "---\ntitle: 乙\n---\n\n正文乙。\n",
            "content/b.md": "---\ntitle: 丙\n---\n\n正文丙。\n",
            "content/b.html": "<p>导出的网页</p>\n",
            "content/static/css/site.css": "body {}\n",
            "content/c.md": "---\ntitle: 丁\n---\n\n正文丁。\n",
        ])
        defer { site.remove() }
        let failure = try #require(site.failedBuild())
        #expect(failure.diagnostics.map(\.description) == [
            "content/b.html:1:1: error: 'b.html' would be written twice: as the page of content/b.md and as the copy of content/b.html; rename or move one of them",
            "content/index.md:1:1: error: 'index.html' would be written twice: as the page of content/index.md and as a page the portal makes (home, search, topic or archive page); rename or move content/index.md, or give it a 'slug'",
            "content/search.md:1:1: error: 'search.html' would be written twice: as the page of content/search.md and as a page the portal makes (home, search, topic or archive page); rename or move content/search.md, or give it a 'slug'",
            "content/static/css/site.css:1:1: error: 'static/css/site.css' would be written twice: as the copy of content/static/css/site.css and as the theme's static/css/site.css; rename or move content/static/css/site.css",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        // `lantai check` sees the same before anything is rendered.
        let check = try SiteBuilder(options: site.options).check()
        #expect(check.diagnostics.filter { $0.severity == .error }.sortedForDisplay().map(\.description) == failure.diagnostics.map(\.description))
    }
}
