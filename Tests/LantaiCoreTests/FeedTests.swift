import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LantaiCore
import LantaiTestSupport
import Testing

/// `feed.xml` (Atom) and `sitemap.xml`: well-formed XML, read back with the XML parser; every link
/// resolves to a file of the built site.
@Suite struct FeedTests {
    static let files = [
        "content/speeches/2023-05-12-a.md": "---\ntitle: 甲 & <乙> \"丙\"\nspeaker: 张明\ntype: 讲话\n---\n\n服务意识。\n",
        "content/speeches/2022-01-03-b.md": "---\ntitle: 第二篇\nsummary: 摘要\n---\n\n督查。\n",
        "content/speeches/2024-08-09-c.md": "---\ntitle: 第三篇\n---\n\n参谋作用。\n",
        "content/guidance/undated.md": "---\ntitle: 没有日期\n---\n\n正文。\n",
    ]

    /// Elements of an XML document by name, with their text and attributes, in order.
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes, ""))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }

    static func read(_ text: String) throws -> Reader {
        let reader = Reader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return reader
    }

    @Test func theFeedListsTheDatedDocumentsNewestFirstWithLinksThatResolve() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let feed = try #require(site.page("feed.xml"))
        let xml = try Self.read(feed)
        let titles = xml.elements.filter { $0.name == "title" }.map(\.text)
        #expect(titles == ["兰台", "第三篇", "甲 & <乙> \"丙\"", "第二篇"], "the site, then the dated documents, newest first")
        #expect(xml.elements.filter { $0.name == "updated" }.map(\.text) == ["2024-08-09T00:00:00Z", "2024-08-09T00:00:00Z", "2023-05-12T00:00:00Z", "2022-01-03T00:00:00Z"])
        #expect(xml.elements.filter { $0.name == "name" }.map(\.text) == ["兰台", "张明"], "the site as the feed's author, a speaker as an entry's")
        let links = xml.elements.filter { $0.name == "link" }.compactMap { $0.attributes["href"] }
        #expect(links.count == 5)
        for link in links {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(link).path), "\(link)")
        }
        #expect(feed.contains("<name>张明</name>"))
        #expect(feed.contains("<summary>摘要</summary>"))
    }

    @Test func theSitemapListsEveryPageOfTheSite() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        _ = try site.build().get()
        let xml = try Self.read(try #require(site.page("sitemap.xml")))
        let locations = xml.elements.filter { $0.name == "loc" }.map(\.text)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { $0.hasSuffix(".html") }
        #expect(Set(locations) == Set(pages))
        #expect(locations == locations.sorted())
        #expect(xml.elements.filter { $0.name == "lastmod" }.map(\.text).sorted() == ["2022-01-03", "2023-05-12", "2024-08-09"])
        // Every page names the feed.
        #expect(site.page("speeches/2023-05-12-a.html")?.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"兰台\" href=\"../feed.xml\">") == true)
    }

    @Test func withABaseURLTheLinksAreAbsolute() throws {
        var files = Self.files
        files["content/site.yml"] = "base_url: https://oa.example.gov.cn/portal\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        _ = try site.build().get()
        let sitemap = try Self.read(try #require(site.page("sitemap.xml")))
        #expect(sitemap.elements.filter { $0.name == "loc" }.allSatisfy { $0.text.hasPrefix("https://oa.example.gov.cn/portal/") })
        let feed = try #require(site.page("feed.xml"))
        #expect(feed.contains("<id>https://oa.example.gov.cn/portal/speeches/2024-08-09-c.html</id>"))

        files["content/site.yml"] = "base_url: oa.example.gov.cn\n"
        let bad = try SiteFixture(files: files)
        defer { bad.remove() }
        guard case .failure(let failure) = bad.build() else { Issue.record("a base_url without a scheme was accepted"); return }
        #expect(failure.diagnostics.map { $0.description(in: .zh) }.first?.hasPrefix("content/site.yml:1:11: 错误：“base_url”应当是门户发布的网址") == true)
    }
}
