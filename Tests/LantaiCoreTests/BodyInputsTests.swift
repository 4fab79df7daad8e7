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
        let base = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b], staticFiles: images), notes: [])
        #expect(!base.reports)
        #expect(base.linkedPages == ["b.html"])
        #expect(BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b], staticFiles: images), notes: []).fingerprint == base.fingerprint)

        var moved = b
        moved.pagePath = "elsewhere/b.html"
        let afterMove = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, moved], staticFiles: images), notes: [])
        #expect(afterMove.fingerprint != base.fingerprint, "a linked page moved")

        // Notes: each thing their HTML shows, and the page it is relative to, moves the inputs.
        typealias Note = SimilarPassageNotes.Note
        let note = Note(anchor: "p-1", links: [Note.Link(page: "b.html", anchor: "p-2", title: "乙", percent: 98)])
        let noted = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b], staticFiles: images), notes: [note])
        #expect(noted.fingerprint != base.fingerprint, "a note under a paragraph")
        // On a page without links, so that only the notes depend on where the page is.
        let plain = try Self.parse("z.md", "---\ntitle: 己\n---\n\n正文。\n\n又一段。\n")
        let plainNoted = BodyRenderer.inputs(of: plain, resolver: Self.resolver([plain, b]), notes: [note])
        var variants: [(String, [Note], Document)] = []
        for change in 0..<5 {
            var changed = note
            switch change {
            case 0: changed.anchor = "p-3"
            case 1: changed.links[0].page = "c.html"
            case 2: changed.links[0].anchor = "p-4"
            case 3: changed.links[0].title = "丙"
            default: changed.links[0].percent = 97
            }
            variants.append(("note field \(change)", [changed], plain))
        }
        variants.append(("a second link", [Note(anchor: "p-1", links: note.links + note.links)], plain))
        var movedSelf = plain
        movedSelf.pagePath = "notes/z.html"
        variants.append(("the noted page moved", [note], movedSelf))
        for (name, notes, document) in variants {
            #expect(SimilarPassageNotes.html(notes, onPage: document.pagePath) != SimilarPassageNotes.html([note], onPage: plain.pagePath), "\(name)")
            let inputs = BodyRenderer.inputs(of: document, resolver: Self.resolver([document, b]), notes: notes)
            #expect(inputs.fingerprint != plainNoted.fingerprint, "\(name)")
        }

        let edited = try Self.parse("a.md", Self.linking.replacingOccurrences(of: "见", with: "参见"))
        #expect(BodyRenderer.inputs(of: edited, resolver: Self.resolver([edited, b], staticFiles: images), notes: []).fingerprint != base.fingerprint, "the text changed")

        // The image is gone: the link now renders as dead text and is reported.
        let missingImage = BodyRenderer.inputs(of: a, resolver: Self.resolver([a, b]), notes: [])
        #expect(missingImage.fingerprint != base.fingerprint)
        #expect(missingImage.reports)
    }

    /// A body the render would say something about is always rendered: its warnings are the
    /// render's, reported by every build.
    @Test func aBodyWithRawHTMLOrALinkOutOfThePortalReports() throws {
        let html = try Self.parse("c.md", "---\ntitle: 丙\n---\n\n正文<b>加粗</b>。\n")
        #expect(BodyRenderer.inputs(of: html, resolver: Self.resolver([html]), notes: []).reports)
        let root = try Self.parse("d.md", "---\ntitle: 丁\n---\n\n[通知](/oa/notice.html)\n")
        #expect(BodyRenderer.inputs(of: root, resolver: Self.resolver([root]), notes: []).reports)
        let plain = try Self.parse("e.md", "---\ntitle: 戊\n---\n\n[网站](https://www.gov.cn/)\n")
        #expect(!BodyRenderer.inputs(of: plain, resolver: Self.resolver([plain]), notes: []).reports)
    }
}
