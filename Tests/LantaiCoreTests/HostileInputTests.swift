import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// The fixture corpus of bad and hostile input under Tests/Fixtures/hostile: `rejected/` must
/// fail with exactly the messages of its `expected.txt`; `accepted/` must build, print exactly
/// its warnings, and produce pages in which no markup of the content's own survives.
@Suite struct HostileInputTests {
    static let rejected = RepositoryPaths.fixtures.appendingPathComponent("hostile/rejected/content")
    static let accepted = RepositoryPaths.fixtures.appendingPathComponent("hostile/accepted/content")

    @Test func everyRejectedFileGetsItsMessageAndNothingIsWritten() throws {
        let site = try SiteFixture(copying: Self.rejected)
        defer { site.remove() }
        let failure = try #require(site.failedBuild(), "the build should fail")
        let expected = try RepositoryPaths.expectedLines("hostile/rejected/expected.txt")
        #expect(failure.diagnostics.sortedForDisplay().map(\.description) == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let check = try SiteBuilder(options: site.options).check()
        #expect(check.diagnostics.sortedForDisplay().map(\.description) == expected, "check and build report the same")
    }

    @Test func acceptedFilesBuildWithTheirWarnings() throws {
        let site = try SiteFixture(copying: Self.accepted)
        defer { site.remove() }
        let summary = try site.build().get()
        #expect(summary.warnings.map(\.description) == (try RepositoryPaths.expectedLines("hostile/accepted/expected.txt")))
        // Template syntax in front matter is text, not a template.
        let page = try #require(site.page("speeches/front-matter.html"))
        #expect(page.contains("<h1>&lt;script&gt;window.__injected=1&lt;/script&gt;{{title}}</h1>"))
        #expect(page.contains("<dd>{{{layout}}}&lt;img src=x onerror=window.__injected=1&gt;</dd>"))
    }

    /// The elements the theme and the renderer write. A page built from hostile content may hold
    /// no other element, no event-handler attribute, no inline script and no script URL.
    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "link", "body", "header", "nav", "main", "article", "section", "aside", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "span", "div", "dl", "dt", "dd", "ul", "ol", "li", "pre", "code",
        "blockquote", "strong", "em", "del", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td",
        "figure", "figcaption", "details", "summary",
        "form", "input", "label", "button", "select", "option", "script", "noscript", "time", "mark", "small", "svg", "rect", "text", "g", "title",
    ]

    @Test func pagesBuiltFromHostileContentCarryNoMarkupOfItsOwn() throws {
        let site = try SiteFixture(copying: Self.accepted)
        defer { site.remove() }
        _ = try site.build().get()
        let pages = site.outputSnapshot().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 20)
        for (path, data) in pages {
            for tag in HTMLTag.all(in: String(decoding: data, as: UTF8.self)) {
                #expect(Self.allowedElements.contains(tag.name), "\(path): <\(tag.name)>")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(path): <\(tag.name) \(name)=…>")
                    if ["href", "src", "action", "formaction", "xlink:href"].contains(name) {
                        let url = value.trimmingCharacters(in: .whitespaces).lowercased()
                        #expect(!["javascript:", "vbscript:", "data:"].contains { url.hasPrefix($0) }, "\(path): \(name)=\(value)")
                    }
                }
                if tag.name == "script" {
                    let source = tag.attribute("src") ?? ""
                    #expect(source.hasSuffix(".js") && source.contains("static/js/"), "\(path): a script that is not the theme's: \(tag)")
                }
            }
        }
    }

    @Test func aTwentyMegabyteFileBuildsWithEveryParagraph() throws {
        let site = try SiteFixture(copying: Self.accepted)
        defer { site.remove() }
        let paragraph = "办公室要增强服务意识，发挥参谋作用，抓好督查落实，做到件件有着落、事事有回音。"
        var text = "---\ntitle: 很大的文件\ndate: 2023-04-01\n---\n\n"
        var count = 0
        while text.utf8.count < 20 * 1024 * 1024 {
            count += 1
            text += "第\(count)段。" + String(repeating: paragraph, count: 6) + "\n\n"
        }
        try site.write(text, to: "content/speeches/huge.md")
        _ = try site.build().get()
        let page = try #require(site.page("speeches/huge.html"))
        #expect(page.components(separatedBy: "<a class=\"anchor\" href=\"#p-").count - 1 == count)
        #expect(page.contains("第\(count)段。"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputFileForFile() throws {
        let site = try SiteFixture(copying: Self.accepted)
        defer { site.remove() }
        _ = try site.build().get()
        let before = site.outputSnapshot()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.rejected.path).filter { $0.hasSuffix(".md") }
        for name in names {
            try site.write(Data(contentsOf: Self.rejected.appendingPathComponent(name)), to: "content/rejected/\(name)")
        }
        try site.write("# 改过的\n", to: "content/speeches/bom.md")
        #expect(site.failedBuild() != nil, "the build should fail")
        let after = site.outputSnapshot()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, bytes) in before { #expect(after[path] == bytes, "\(path) changed") }
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(beside.filter { $0.hasPrefix(".public") } == [], "no staging folder is left beside the output")
    }
}
