import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Long lists are cut into pages: every document is on exactly one page of each list, in the
/// list's order, and the pages link to each other. A topic whose documents do not fit on its page
/// shows the first by share there and lists all of them by year, so that a new document changes
/// the pages of its year only.
@Suite struct PaginationTests {
    static let count = 260

    /// `count` documents of one type and one topic, one in five of 2021 and the others of 2023:
    /// the topic's page of 50 and its year pages (five of 2023, two of 2021), two pages of 2023
    /// and two type pages of 200.
    static func makeSite() throws -> SiteFixture {
        var files = ["content/topics.yml": "topics:\n  - name: 服务意识\n    slug: service\n"]
        for number in 1...count {
            let day = String(format: "\(number % 5 == 0 ? 2021 : 2023)-%02d-%02d", number % 12 + 1, number % 28 + 1)
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
        #expect(topic.map(\.path) == ["topics/service.html"], "the topic's own page has no pages after it")
        #expect(topic[0].documents == Array(ranking.prefix(50)))
        #expect(topic[0].html.contains("href=\"service/2023.html\">2023年</a>（208 篇）") && topic[0].html.contains("href=\"service/2021.html\">2021年</a>（52 篇）"))
        let inYear = { (year: Int) in ranking.filter { $0.hasPrefix("speeches/\(year)-") } }
        let recent = try Self.listPages("topics/service/2023.html", in: site)
        #expect(recent.map(\.path) == ["topics/service/2023.html"] + (2...5).map { "topics/service/2023/\($0).html" })
        #expect(recent.map(\.documents.count) == [50, 50, 50, 50, 8])
        #expect(recent.flatMap(\.documents) == inYear(2023))
        #expect(recent[1].html.contains("<ol class=\"topic-documents\" start=\"51\">"))
        #expect(recent[0].html.contains("第 1 / 5 页") && !recent[0].html.contains("rel=\"prev\""))
        #expect(recent[4].html.contains("href=\"4.html\" rel=\"prev\"") && recent[4].html.contains("href=\"../2023.html\">第一页"))
        #expect(recent[4].html.contains("href=\"../../service.html\">服务意识</a>"), "a year's pages lead back to the topic")
        let older = try Self.listPages("topics/service/2021.html", in: site)
        #expect(older.map(\.documents.count) == [50, 2] && older.flatMap(\.documents) == inYear(2021))

        let year = try Self.listPages("archive/2023.html", in: site)
        #expect(year.map(\.path) == ["archive/2023.html", "archive/2023/2.html"])
        #expect(year.flatMap(\.documents) == corpus.documents.map(\.pagePath).filter { $0.hasPrefix("speeches/2023-") })
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
        #expect(views.contains { ($0 as? TopicPageView)?.pager?.total == 5 })
    }

    /// A new document of 2021 renders the topic's page and its year's pages again, and no page of
    /// 2023's; the output still equals a full build.
    @Test func aNewDocumentChangesTheTopicPagesOfItsYearOnly() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let before = IncrementalBuildTests.files(under: site.output.appendingPathComponent("topics"))
        try site.write("---\ntitle: 新文稿\ndate: 2021-12-30\ntype: 讲话\ntopics: [服务意识]\n---\n\n要增强服务意识，增强服务意识。\n", to: "content/speeches/2021-12-30-new.md")
        _ = try SiteBuilder(options: site.options).build()
        let after = IncrementalBuildTests.files(under: site.output.appendingPathComponent("topics"))
        let changed = Set(after.keys.filter { after[$0]?.bytes != before[$0]?.bytes })
        #expect(changed.contains("service.html") && changed.contains("service/2021.html"))
        #expect(changed.allSatisfy { $0 == "service.html" || $0.hasPrefix("service/2021") || $0 == "index.html" }, "\(changed.sorted())")
        let full = try IncrementalBuildTests.fullBuild(of: site)
        for (path, file) in after where full["topics/" + path]?.bytes != file.bytes { Issue.record("topics/\(path) differs from the full build") }
    }
}
