/// Renders one document's body and turns its broken links (errors), refused links and raw
/// HTML (warnings) into diagnostics.
enum BodyRenderer {
    /// The body's HTML, its broken links, and the pages of the documents it links to.
    static func render(_ document: Document, resolver: LinkResolver, afterParagraph: [String: String] = [:]) -> (html: String, diagnostics: [Diagnostic], linkedPages: Set<String>) {
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
        return (html, diagnostics, linkedPages(of: document, resolver: resolver))
    }

    /// The pages of the other documents that `document` links to (for their backlinks).
    static func linkedPages(of document: Document, resolver: LinkResolver) -> Set<String> {
        var linked: Set<String> = []
        var stack = [document.body]
        while let node = stack.popLast() {
            if case .link(let destination, _) = node.kind, let page = resolver.linkedPage(for: destination, in: document), page != document.pagePath {
                linked.insert(page)
            }
            stack += node.children
        }
        return linked
    }
}
