/// Renders one document's body and turns its broken links (errors), refused links and raw
/// HTML (warnings) into diagnostics.
enum BodyRenderer {
    /// The body's HTML and its diagnostics.
    static func render(_ document: Document, resolver: LinkResolver, afterParagraph: [String: String] = [:]) -> (html: String, diagnostics: [Diagnostic]) {
        var renderer = HTMLRenderer { destination, _ in resolver.target(for: destination, in: document) }
        renderer.afterParagraph = afterParagraph
        let html = renderer.render(document.body)
        let diagnostics = renderer.brokenLinks.map { link in
            Diagnostic.error(zh: "链接“\(link.destination)”打不开：\(link.reason.zh)", en: "broken link '\(link.destination)': \(link.reason.en)", in: document.displayPath,
                             at: document.fileLocation(bodyLine: link.line, byteColumn: link.byteColumn))
        } + renderer.notices.map { notice in
            Diagnostic.warning(notice.message, in: document.displayPath,
                               at: document.fileLocation(bodyLine: notice.line, byteColumn: notice.byteColumn))
        }
        return (html, diagnostics)
    }

    /// What a body's HTML is made from, short of rendering it: the render reads the document's
    /// tree (a function of its parse's inputs, `Document.sourceDigest`), asks the resolver about
    /// each link and image, and writes `notes` after the paragraphs they name, their links
    /// relative to the document's page — nothing else.
    struct Inputs: Sendable {
        /// A hash of those three, 16 hex digits: equal inputs, equal HTML.
        var fingerprint: String
        /// Whether the render would report something (raw HTML; a link or image broken, refused
        /// or leading out of the portal). Such a body is rendered by every build, so that every
        /// build reports its diagnostics.
        var reports: Bool
        /// The pages of the other documents it links to (for their backlinks).
        var linkedPages: Set<String>
    }

    /// From the body's references (`Document.references`), without its tree.
    static func inputs(of document: Document, resolver: LinkResolver, notes: [SimilarPassageNotes.Note]) -> Inputs {
        var answers: [String] = []
        var linked: Set<String> = []
        var reports = document.references.hasRawHTML
        for reference in document.references.references {
            switch resolver.target(for: reference.destination, in: document) {
            case .url(let url): answers.append("u" + url)
            case .outside(let url): answers.append("o" + url); reports = true
            case .unsafe: answers.append("x"); reports = true
            case .broken: answers.append("b"); reports = true
            }
            if !reference.isImage, let page = resolver.linkedPage(for: reference.destination, in: document), page != document.pagePath {
                linked.insert(page)
            }
        }
        var fingerprint = Fingerprint()
        fingerprint.add(document.sourceDigest)
        fingerprint.add(answers)
        fingerprint.add(notes.isEmpty ? "" : document.pagePath)
        fingerprint.add(notes)
        return Inputs(fingerprint: fingerprint.digits, reports: reports, linkedPages: linked)
    }

    /// The pages of the other documents that `document` links to (for their backlinks).
    static func linkedPages(of document: Document, resolver: LinkResolver) -> Set<String> {
        inputs(of: document, resolver: resolver, notes: []).linkedPages
    }
}
