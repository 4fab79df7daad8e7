@testable import LantaiCore
import Testing

/// A document page whose body's inputs are unchanged is carried over without rendering the
/// body, so the inputs must change whenever the body's HTML would: with the document's source,
/// with what any of its links or images resolves to, and with the notes under its paragraphs.
@Suite struct BodyInputsTests {
    static let parser = DocumentParser(catalog: TopicCatalog(topics: []))

    static func parse(_ path: String, _ text: String) throws -> Document {
        try #require(parser.parse(SourceFile(displayPath: "content/" + path, relativePath: path, text: text)).0)
    }

    static func resolver(_ documents: [Document], staticFiles: Set<String> = []) -> LinkResolver {
        LinkResolver(pageOfSource: Dictionary(uniqueKeysWithValues: documents.map { ($0.sourcePath, $0.pagePath) }), staticFiles: staticFiles, documents: documents)
    }

    static let linking = "---\ntitle: 甲\n---\n\n见[乙](b.md)和![图](images/x.png)。\n"

    @Test func theInputsFollowTheSourceTheLinksAndTheNotes() throws {
        let a = try Self.parse("a.md", Self.linking)
        let b = try Self.parse("b.md", "---\ntitle: 乙\n---\n\n正文。\n")
        let images: Set<String> = ["images/x.png"]
        let base = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b], staticFiles: images), notes: [:])
        #expect(!base.reports)
        #expect(base.linkedPages == ["b.html"])
        #expect(BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b], staticFiles: images), notes: [:]).fingerprint == base.fingerprint)

        var moved = b
        moved.pagePath = "elsewhere/b.html"
        let afterMove = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, moved], staticFiles: images), notes: [:])
        #expect(afterMove.fingerprint != base.fingerprint, "a linked page moved")

        let noted = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b], staticFiles: images), notes: ["p-1": "<aside>类似表述</aside>\n"])
        #expect(noted.fingerprint != base.fingerprint, "a note under a paragraph")

        let edited = try Self.parse("a.md", Self.linking.replacingOccurrences(of: "见", with: "参见"))
        #expect(BodyRenderer.inputs(of: edited, resolver: Self.resolver([edited, b], staticFiles: images), notes: [:]).fingerprint != base.fingerprint, "the text changed")

        // The image is gone: the link now renders as dead text and is reported.
        let missingImage = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b]), notes: [:])
        #expect(missingImage.fingerprint != base.fingerprint)
        #expect(missingImage.reports)
    }

    /// A body the render would say something about is always rendered: its warnings are the
    /// render's, reported by every build.
    @Test func aBodyWithRawHTMLOrALinkOutOfThePortalReports() throws {
        let html = try Self.parse("c.md", "---\ntitle: 丙\n---\n\n正文<b>加粗</b>。\n")
        #expect(BodyRenderer.inputs(of: html, resolver: Self.resolver([html]), notes: [:]).reports)
        let root = try Self.parse("d.md", "---\ntitle: 丁\n---\n\n[通知](/oa/notice.html)\n")
        #expect(BodyRenderer.inputs(of: root, resolver: Self.resolver([root]), notes: [:]).reports)
        let plain = try Self.parse("e.md", "---\ntitle: 戊\n---\n\n[网站](https://www.gov.cn/)\n")
        #expect(!BodyRenderer.inputs(of: plain, resolver: Self.resolver([plain]), notes: [:]).reports)
    }
}
