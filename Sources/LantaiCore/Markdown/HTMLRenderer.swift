/// Renders a `MarkdownNode` tree as HTML with the anchors `AnchorAssigner` set.
///
/// Every heading and paragraph carries its `id` and a small visible link to itself that a reader
/// can copy. Raw HTML is shown as text, never passed through. Links and images go through
/// `resolve`, which rewrites links to other documents and refuses unsafe schemes.
public struct HTMLRenderer {
    public typealias Resolver = (_ destination: String, _ isImage: Bool) -> LinkTarget

    private let resolve: Resolver
    private var output = ""
    public private(set) var brokenLinks: [BrokenLink] = []
    /// Refused links, and the first raw HTML with the number of places that have some: a
    /// page of pasted markup gives one warning, not thousands.
    public var notices: [RenderNotice] {
        var notices = refusedLinks
        if refusedLinkCount > refusedLinks.count, let last = refusedLinks.last {
            let more = refusedLinkCount - refusedLinks.count
            notices.append(RenderNotice(message: Message(zh: "这之后还有 \(more) 个链接或图片不允许使用，只显示文字",
                                                         en: "\(more) more links or images after this one are not allowed and shown as text"),
                                        line: last.line, byteColumn: last.byteColumn))
        }
        if let first = firstOutsideLink {
            let more = outsideLinkCount > 1 ? " and \(outsideLinkCount - 1) more" : ""
            let moreZH = outsideLinkCount > 1 ? "等 \(outsideLinkCount) 个" : ""
            notices.append(RenderNotice(message: Message(
                zh: "指向网站根目录的链接（“\(first.destination)”\(moreZH)）会离开门户：保留原样，只在门户和那些网页放在同一台服务器上时能打开；门户自己的文件请用相对路径链接（例如 ../guidance/x.md），或者在 site.yml 里写 root_links: allow 不再提示",
                en: "links to the web server's root ('\(first.destination)'\(more)) lead out of the portal: they are kept as written and work only where the portal is served beside those pages; link the portal's own files relatively (../guidance/x.md), or set 'root_links: allow' in site.yml to keep them quietly"),
                                        line: first.line, byteColumn: first.byteColumn))
        }
        if let first = firstRawHTML {
            let places = rawHTMLCount == 1 ? "" : " (the first of \(rawHTMLCount) places)"
            let placesZH = rawHTMLCount == 1 ? "" : "（共 \(rawHTMLCount) 处，这是第一处）"
            notices.append(RenderNotice(message: Message(zh: "这里的 HTML 代码按文字显示，不会生效\(placesZH)：请改用 Markdown 写法",
                                                         en: "raw HTML is shown as text, not as HTML\(places); write it in Markdown"),
                                        line: first.line, byteColumn: first.byteColumn))
        }
        return notices
    }
    /// The first refused links, each reported; the others are counted.
    private var refusedLinks: [RenderNotice] = []
    private var refusedLinkCount = 0
    private static let refusedLinksReported = 20
    private var firstRawHTML: (line: Int, byteColumn: Int)?
    /// Links to the web server's root: the first, and how many; one warning a document.
    private var firstOutsideLink: (destination: String, line: Int, byteColumn: Int)?
    private var outsideLinkCount = 0
    private var rawHTMLCount = 0
    /// Ready-made HTML written right after the paragraph with that anchor (类似表述 notes).
    public var afterParagraph: [String: String] = [:]

    public init(resolve: @escaping Resolver) {
        self.resolve = resolve
    }

    /// Renders the children of `root` (the document node itself adds no markup).
    public mutating func render(_ root: MarkdownNode) -> String {
        output = ""
        output.reserveCapacity(root.children.count * 256)
        renderChildren(root.children, tight: false)
        return output
    }

    private mutating func renderChildren(_ children: [MarkdownNode], tight: Bool) {
        for index in children.indices {
            let child = children[index]
            if case .footnoteDefinition = child.kind {
                // cmark moves the definitions to the end of the document: one list of notes.
                if index == 0 || !children[index - 1].isFootnoteDefinition {
                    output += "<section class=\"footnotes\" aria-label=\"注释\">\n<ol>\n"
                }
                render(child, tight: false)
                if index + 1 == children.count || !children[index + 1].isFootnoteDefinition {
                    output += "</ol>\n</section>\n"
                }
                continue
            }
            if case .softBreak = child.kind {
                let before = index > 0 ? children[index - 1].lastScalar : nil
                let after = index + 1 < children.count ? children[index + 1].firstScalar : nil
                if let before, let after, CJK.isCJK(before), CJK.isCJK(after) { continue }
                output += "\n"
                continue
            }
            render(child, tight: tight)
        }
    }

    /// `trailer` is written at the end of a paragraph, before its anchor link (a footnote's
    /// back-links in its last paragraph).
    private mutating func render(_ node: MarkdownNode, tight: Bool, trailer: String = "") {
        switch node.kind {
        case .document:
            renderChildren(node.children, tight: false)
        case .paragraph:
            let anchor = node.anchor ?? ""
            output += tight ? "<p class=\"tight\" id=\"\(anchor)\">" : "<p id=\"\(anchor)\">"
            renderChildren(node.children, tight: false)
            output += trailer
            // The mark (¶, #) is drawn by the theme's CSS, so copying the text does not copy it.
            output += "<a class=\"anchor\" href=\"#\(anchor)\" aria-label=\"本段链接\"></a></p>\n"
            if let note = afterParagraph[anchor] { output += note }
        case .heading(let level):
            let anchor = node.anchor ?? ""
            output += "<h\(level) id=\"\(anchor)\">"
            renderChildren(node.children, tight: false)
            output += "<a class=\"anchor\" href=\"#\(anchor)\" aria-label=\"本节链接\"></a></h\(level)>\n"
        case .blockQuote:
            wrap("blockquote", node, newline: true)
        case .list(let ordered, let start, let isTight):
            let tag = ordered ? "ol" : "ul"
            output += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in node.children { render(item, tight: isTight) }
            output += "</\(tag)>\n"
        case .item(let checked):
            if let checked {
                output += "<li class=\"task\"><input type=\"checkbox\" disabled\(checked ? " checked" : "")> "
            } else {
                output += "<li>"
            }
            renderChildren(node.children, tight: tight)
            output += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map { " class=\"language-\(HTMLEscape.attribute(String($0)))\"" } ?? ""
            let id = node.anchor.map { " id=\"\($0)\"" } ?? ""
            output += "<pre\(id)><code\(language)>\(HTMLEscape.text(literal))</code></pre>\n"
        case .htmlBlock(let literal):
            noteRawHTML(node)
            output += "<pre class=\"raw-html\">\(HTMLEscape.text(literal))</pre>\n"
        case .thematicBreak:
            output += "<hr>\n"
        case .table(let alignments):
            output += node.anchor.map { "<div class=\"table-wrap\" id=\"\($0)\"><table>\n" } ?? "<div class=\"table-wrap\"><table>\n"
            let header = node.children.prefix { if case .tableRow(true) = $0.kind { return true } else { return false } }
            let bodyRows = node.children.dropFirst(header.count)
            if !header.isEmpty {
                output += "<thead>\n"
                for row in header { renderRow(row, cell: "th", alignments: alignments) }
                output += "</thead>\n"
            }
            if !bodyRows.isEmpty {
                output += "<tbody>\n"
                for row in bodyRows { renderRow(row, cell: "td", alignments: alignments) }
                output += "</tbody>\n"
            }
            output += "</table></div>\n"
        case .tableRow, .tableCell:
            renderChildren(node.children, tight: false)
        case .text(let text):
            output += HTMLEscape.text(text)
        case .softBreak:
            output += "\n"
        case .lineBreak:
            output += "<br>\n"
        case .code(let code):
            output += "<code>\(HTMLEscape.text(code))</code>"
        case .htmlInline(let literal):
            noteRawHTML(node)
            output += HTMLEscape.text(literal)
        case .emphasis:
            wrap("em", node)
        case .strong:
            wrap("strong", node)
        case .strikethrough:
            wrap("del", node)
        case .link(let destination, let title):
            switch target(destination, isImage: false, node: node) {
            case .url(let url), .outside(let url):
                let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscape.attribute(title))\""
                output += "<a href=\"\(HTMLEscape.attribute(url))\"\(titleAttribute)>"
                renderChildren(node.children, tight: false)
                output += "</a>"
            case .unsafe, .broken:
                output += "<span class=\"dead-link\">"
                renderChildren(node.children, tight: false)
                output += "</span>"
            }
        case .footnoteReference(let label, let number, let occurrence):
            let id = Self.footnoteID(label)
            output += "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\(occurrence > 1 ? "-\(occurrence)" : "")\">\(number)</a></sup>"
        case .footnoteDefinition(let label, let references):
            let id = Self.footnoteID(label)
            let backLinks = Self.footnoteBackLinks(id: id, references: references)
            output += "<li id=\"fn-\(id)\">\n"
            let endsInParagraph = node.children.last?.kind == .paragraph
            for (index, child) in node.children.enumerated() {
                render(child, tight: false, trailer: endsInParagraph && index == node.children.count - 1 ? backLinks : "")
            }
            if !endsInParagraph { output += backLinks.drop { $0 == " " } + "\n" }
            output += "</li>\n"
        case .image(let source, let title):
            let alt = HTMLEscape.attribute(node.plainText)
            switch target(source, isImage: true, node: node) {
            case .url(let url), .outside(let url):
                let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscape.attribute(title))\""
                output += "<img src=\"\(HTMLEscape.attribute(url))\" alt=\"\(alt)\"\(titleAttribute)>"
            case .unsafe, .broken:
                output += "<span class=\"dead-link\">\(alt)</span>"
            }
        }
    }

    private mutating func wrap(_ tag: String, _ node: MarkdownNode, newline: Bool = false) {
        output += "<\(tag)>" + (newline ? "\n" : "")
        renderChildren(node.children, tight: false)
        output += "</\(tag)>" + (newline ? "\n" : "")
    }

    private mutating func renderRow(_ row: MarkdownNode, cell: String, alignments: [MarkdownNode.TableAlignment]) {
        output += "<tr>"
        for (index, child) in row.children.enumerated() {
            let alignment = index < alignments.count ? alignments[index] : .none
            switch alignment {
            case .none: output += "<\(cell)>"
            case .left: output += "<\(cell) class=\"align-left\">"
            case .center: output += "<\(cell) class=\"align-center\">"
            case .right: output += "<\(cell) class=\"align-right\">"
            }
            renderChildren(child.children, tight: false)
            output += "</\(cell)>"
        }
        output += "</tr>\n"
    }

    private mutating func target(_ destination: String, isImage: Bool, node: MarkdownNode) -> LinkTarget {
        let result = resolve(destination, isImage)
        switch result {
        case .broken(let reason):
            brokenLinks.append(BrokenLink(destination: destination, reason: reason, line: node.line, byteColumn: node.byteColumn))
        case .unsafe(let allowed):
            refusedLinkCount += 1
            guard refusedLinks.count < Self.refusedLinksReported else { break }
            refusedLinks.append(RenderNotice(
                message: Message(
                    zh: "门户里不允许\(isImage ? "图片" : "链接")“\(Self.shortened(destination))”（\(allowed.zh)）：只显示它的文字",
                    en: "\(isImage ? "image" : "link") '\(Self.shortened(destination))' is not allowed in the portal (\(allowed.en)); its text is shown without the \(isImage ? "image" : "link")"),
                line: node.line, byteColumn: node.byteColumn))
        case .outside:
            outsideLinkCount += 1
            if firstOutsideLink == nil { firstOutsideLink = (Self.shortened(destination), node.line, node.byteColumn) }
        case .url:
            break
        }
        return result
    }

    private static func shortened(_ destination: String) -> String {
        destination.count > 60 ? String(destination.prefix(60)) + "…" : destination
    }

    private mutating func noteRawHTML(_ node: MarkdownNode) {
        if firstRawHTML == nil { firstRawHTML = (node.line, node.byteColumn) }
        rawHTMLCount += 1
    }
}

extension HTMLRenderer {
    /// A footnote's label as it goes into its ids and links, as cmark-gfm writes it: the
    /// label's own text percent-encoded, then escaped for the attribute.
    static func footnoteID(_ label: String) -> String {
        HTMLEscape.attribute(URLEscape.href(label))
    }

    /// A link back to each reference of a note, as cmark-gfm writes them: `↩` to the first,
    /// `↩²`, `↩³` … to the others.
    static func footnoteBackLinks(id: String, references: Int) -> String {
        var links = ""
        for occurrence in stride(from: 1, through: references, by: 1) {
            links += occurrence == 1
                ? " <a href=\"#fnref-\(id)\" class=\"footnote-backref\" aria-label=\"返回正文\">↩</a>"
                : " <a href=\"#fnref-\(id)-\(occurrence)\" class=\"footnote-backref\" aria-label=\"返回正文第 \(occurrence) 处\">↩<sup class=\"footnote-ref\">\(occurrence)</sup></a>"
        }
        return links
    }
}

private extension MarkdownNode {
    var isFootnoteDefinition: Bool {
        if case .footnoteDefinition = kind { return true }
        return false
    }

    var firstScalar: Unicode.Scalar? {
        if case .text(let text) = kind { return text.unicodeScalars.first }
        return children.first?.firstScalar
    }

    var lastScalar: Unicode.Scalar? {
        if case .text(let text) = kind { return text.unicodeScalars.last }
        return children.last?.lastScalar
    }
}
