import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Long lists are cut into pages: every document is on exactly one page of each list, in the
/// list's order, and the pages link to each other.
@Suite struct PaginationTests {
    static let count = 260

    /// `count` documents of one year, one type and one topic: six topic pages of 50, two year
    /// pages and two type pages of 200.
    static func makeSite() throws -> SiteFixture {
        var files = ["content/topics.yml": "topics:\n  - name: 服务意识\n    slug: service\n"]
        for number in 1...count {
            let day = String(format: "2023-%02d-%02d", number % 12 + 1, number % 28 + 1)
            // Shares differ, so the topic's ranking is not the order of the documents.
            let filler = String(repeating: "其他工作。", count: number % 7)
            files["content/speeches/\(day)-d\(number).md"] = "---\ntitle: 文稿\(number)\ndate: \(day)\ntype: 讲话\ntopics: [服务意识]\n---\n\n要增强服务意识。\n\n\(filler)第\(number)篇。\n"
        }
        return try SiteFixture(files: files)
    }

    /// The pages of a list in order, as paths in the site, and the document pages each links to.
    static func listPages(_ first: String, in site: SiteFixture) throws -> [(path: String, documents: [String], html: String)] {
        var pages: [(path: String, documents: [String], html: String)] = []
        var next: String? = first
        while let path = next {
            let html = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            let documents = html.matches(of: /class="doc-title" href="([^"]+)"/).compactMap { SitePath.resolve(String($0.1), inDirectoryOf: path) }
            pages.append((path, documents, html))
            next = html.firstMatch(of: /href="([^"]+)" rel="next"/).flatMap { SitePath.resolve(String($0.1), inDirectoryOf: path) }
            #expect(pages.count <= 10, "the pages must end")
            if pages.count > 10 { break }
        }
        return pages
    }

    @Test func longListsArePagedWithEveryDocumentOnceInOrder() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try site.build().get()
        let tree = try ContentLoader(contentDirectory: site.content, displayPrefix: "content").load()
        let parser = DocumentParser(catalog: tree.catalog)
        let (corpus, _) = Corpus.analyze(tree.sources.compactMap { parser.parse($0).0 }, config: tree.config, catalog: tree.catalog)
        let ranking = try #require(corpus.topicRanking["service"]).map { corpus.documents[$0.document].pagePath }
        #expect(ranking.count == Self.count)
        #expect(ranking != corpus.documents.map(\.pagePath), "the ranking must differ from the plain order to check it")

        let topic = try Self.listPages("topics/service.html", in: site)
        #expect(topic.map(\.path) == ["topics/service.html"] + (2...6).map { "topics/service/\($0).html" })
        #expect(topic.map(\.documents.count) == [50, 50, 50, 50, 50, 10])
        #expect(topic.flatMap(\.documents) == ranking)
        #expect(topic[1].html.contains("<ol class=\"topic-documents\" start=\"51\">"))
        #expect(topic[0].html.contains("第 1 / 6 页") && !topic[0].html.contains("rel=\"prev\""))
        #expect(topic[5].html.contains("href=\"5.html\" rel=\"prev\"") && topic[5].html.contains("href=\"../service.html\">第一页"))

        let year = try Self.listPages("archive/2023.html", in: site)
        #expect(year.map(\.path) == ["archive/2023.html", "archive/2023/2.html"])
        #expect(year.flatMap(\.documents) == corpus.documents.map(\.pagePath))
        let typeSlug = corpus.config.typeSlug(for: "讲话")
        let type = try Self.listPages("archive/type-\(typeSlug).html", in: site)
        #expect(type.map(\.documents.count) == [200, 60])
        #expect(type.flatMap(\.documents) == corpus.documents.map(\.pagePath))
        #expect(LinkChecker.check(site: site.output) == [])
    }

    /// The pager's fields reach the templates (see `PageViewLookupTests`).
    @Test func pagedViewsAnswerEveryField() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let tree = try ContentLoader(contentDirectory: site.content, displayPrefix: "content").load()
        let parser = DocumentParser(catalog: tree.catalog)
        let (corpus, _) = Corpus.analyze(tree.sources.compactMap { parser.parse($0).0 }, config: tree.config, catalog: tree.catalog)
        let views = PagePlanner(corpus: corpus).listPages().map(\.view)
        let (missing, checked) = PageViewLookupTests.missingFields(in: views)
        #expect(missing.isEmpty, "\(missing.sorted())")
        #expect(checked > 100)
        #expect(views.contains { ($0 as? TopicPageView)?.pager?.total == 6 })
    }
}
