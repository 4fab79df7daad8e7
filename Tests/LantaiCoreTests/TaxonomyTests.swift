import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Speakers and organisations browsable as Hugo's and Zola's taxonomies are: an overview page of
/// the values and a page per value, declared in site.yml (default: speaker and organization).
@Suite struct TaxonomyTests {
    static let files = [
        "content/a.md": "---\ntitle: 甲\ndate: 2023-05-12\nspeaker: 李明\norganization: 县政府办公室\n---\n\n正文。\n",
        "content/b.md": "---\ntitle: 乙\ndate: 2022-01-03\nspeaker: 李明\n---\n\n正文。\n",
        "content/c.md": "---\ntitle: 丙\ndate: 2021-06-01\nspeaker: 王芳\norganization: 县政府办公室\n---\n\n正文。\n",
        "content/d.md": "---\ntitle: 丁\n---\n\n没有讲话人。\n",
    ]

    @Test func speakersAndOrganisationsHaveOverviewsAndPages() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let speakers = try #require(site.page("speakers/index.html"))
        #expect(speakers.contains("<h1>按讲话人浏览</h1>"))
        let liMing = "speakers/\(Slug.make("李明")).html"
        // The speaker with the most documents first.
        let first = try #require(speakers.range(of: "李明</a> <span class=\"count\">2 篇</span>"))
        let second = try #require(speakers.range(of: "王芳</a> <span class=\"count\">1 篇</span>"))
        #expect(first.lowerBound < second.lowerBound)
        let page = try #require(site.page(liMing))
        #expect(page.contains("<h1>李明</h1>") && page.contains("共 2 篇"))
        #expect(page.contains(">甲</a>") && page.contains(">乙</a>") && !page.contains(">丙</a>"))
        // The value's page links to the search with its filter, the name percent-encoded.
        #expect(page.contains("<a href=\"../search.html?speaker=%E6%9D%8E%E6%98%8E\">在这些文稿中检索</a>"))
        let organizationLink = "../search.html?org=%E5%8E%BF%E6%94%BF%E5%BA%9C%E5%8A%9E%E5%85%AC%E5%AE%A4"  // 县 is U+53BF: E5 8E BF
        #expect(try #require(site.page("organizations/\(Slug.make("县政府办公室")).html")).contains(organizationLink))
        let organization = try #require(site.page("organizations/\(Slug.make("县政府办公室")).html"))
        #expect(organization.contains(">甲</a>") && organization.contains(">丙</a>"))
        let archive = try #require(site.page("archive/index.html"))
        #expect(archive.contains("<a href=\"../speakers/index.html\">按讲话人浏览</a> <span class=\"count\">2 个</span>"))
        #expect(archive.contains("<a href=\"../organizations/index.html\">按单位浏览</a> <span class=\"count\">1 个</span>"))
        // Every link of the overview reaches a page.
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(sitemap.contains("<loc>\(liMing)</loc>"))
    }

    @Test func siteYmlChoosesTheTaxonomies() throws {
        var files = Self.files
        files["content/site.yml"] = "taxonomies: [speaker]\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        _ = try site.build().get()
        #expect(site.page("speakers/index.html") != nil)
        #expect(site.page("organizations/index.html") == nil)

        files["content/site.yml"] = "taxonomies: [speaker, 讲话人]\n"
        let bad = try SiteFixture(files: files)
        defer { bad.remove() }
        guard case .failure(let failure) = bad.build() else { Issue.record("an unknown taxonomy was accepted"); return }
        #expect(failure.diagnostics.map { $0.description(in: .zh) } == ["content/site.yml:1:23: 错误：“taxonomies”里的“讲话人”不能用来浏览：可以用 speaker、organization、venue、position"])
    }
}
