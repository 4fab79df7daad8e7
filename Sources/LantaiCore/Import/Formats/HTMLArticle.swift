import Foundation

/// The article of a web page, as lines: the block that holds it, its title, and what the page
/// shows around it (reported as removed).
struct Article {
    var lines: [ExtractedLine] = []
    var removals: [Removal] = []

    /// Class and id fragments of the containers government CMSs write an article's text into.
    static let editorContainers = [
        "trs_editor", "trs_ueditor", "custom_unionstyle", "article-content", "article_content", "articlecontent",
        "pages_content", "news_content", "newscontent", "content_text", "contenttext", "con_text", "fontzoom", "zoom",
        "ucapcontent", "wzcon", "article-body", "articlebody", "detail-content", "detailcontent", "main-text", "maintext",
    ]

    init(_ page: HTMLTree) {
        let body = Self.first(named: "body", in: page.root) ?? page.root
        let main = Self.editorContainer(in: body) ?? Self.densest(in: body) ?? body
        var articleLines = BlockLines.of(main)
        // The title: an h1 outside the container, or a heading there that says the page's own
        // title (ArticleTitle, <title>), else that title itself.
        var titleElement: HTMLTree.Element?
        if articleLines.first?.hint != .title {
            let declared = Self.declaredTitle(page.root)
            let headings = Self.all(in: body, skipping: main) { ["h1", "h2", "h3"].contains($0.name) }
            let saysTitle = { (heading: HTMLTree.Element) in
                declared.map { Simplified.fold(BlockLines.text(of: heading).trimmingCharacters(in: BlockLines.spaces)) == Simplified.fold($0) } ?? false
            }
            if let heading = headings.first(where: { $0.name == "h1" }) ?? headings.first(where: saysTitle),
               let text = BlockLines.of(heading).first?.text {
                titleElement = heading
                articleLines.insert(ExtractedLine(number: heading.line, text: text, hint: .title), at: 0)
            } else if let declared, articleLines.first.map({ Simplified.fold($0.text) != Simplified.fold(declared) }) ?? true {
                articleLines.insert(ExtractedLine(number: articleLines.first?.number ?? 1, text: declared, hint: .title), at: 0)
            } else if !articleLines.isEmpty {
                articleLines[0].hint = .title
            }
        }
        lines = articleLines
        let outside = BlockLines.of(body, skipping: [main] + (titleElement.map { [$0] } ?? []))
        removals = outside.map { Removal(line: $0.number, column: 1, text: $0.text, rule: "outside the article", wholeLine: true) }
    }

    /// The page's own name for the article: `<meta name="ArticleTitle">`, else `<title>` up to
    /// the site's name (`讲话标题_清源县人民政府`, `标题 - 网站`).
    static func declaredTitle(_ root: HTMLTree.Element) -> String? {
        if let meta = all(named: "meta", in: root).first(where: { ($0.attributes["name"] ?? "").lowercased() == "articletitle" }),
           let content = meta.attributes["content"]?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty {
            return content
        }
        guard let title = first(named: "title", in: root) else { return nil }
        let text = BlockLines.text(of: title).trimmingCharacters(in: .whitespacesAndNewlines)
        let name = text.components(separatedBy: CharacterSet(charactersIn: "_|")).first?.components(separatedBy: " - ").first
        return name?.trimmingCharacters(in: .whitespaces).nonBlank
    }

    /// The editor container with the most Chinese text, when one holds some.
    static func editorContainer(in body: HTMLTree.Element) -> HTMLTree.Element? {
        let candidates = all(in: body) { element in
            let names = (element.id + " " + element.classes).lowercased()
            return editorContainers.contains { names.contains($0) }
        }
        let best = candidates.max { chineseCount($0) < chineseCount($1) }
        return best.flatMap { chineseCount($0) >= 50 ? $0 : nil }
    }

    /// The element whose own text (text and inline elements directly in it, and its paragraphs)
    /// is the most Chinese: the block a page's article sits in when no container names it.
    static func densest(in body: HTMLTree.Element) -> HTMLTree.Element? {
        var best: (element: HTMLTree.Element, score: Int)?
        for element in all(in: body, where: { _ in true }) {
            var score = 0
            for child in element.children {
                switch child {
                case .text(let text, _): score += chineseCount(text)
                case .element(let inner) where !BlockLines.blocks.contains(inner.name) || inner.name == "p": score += chineseCount(inner)
                default: break
                }
            }
            if score > (best?.score ?? 0) { best = (element, score) }
        }
        return best?.element
    }

    static func chineseCount(_ element: HTMLTree.Element) -> Int {
        chineseCount(BlockLines.text(of: element))
    }

    static func chineseCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJK.isIdeograph($1) ? 1 : 0) }
    }

    static func first(named name: String, in element: HTMLTree.Element, skipping skipped: HTMLTree.Element? = nil) -> HTMLTree.Element? {
        all(in: element, skipping: skipped) { $0.name == name }.first
    }

    static func all(named name: String, in element: HTMLTree.Element) -> [HTMLTree.Element] {
        all(in: element) { $0.name == name }
    }

    /// Elements in document order that satisfy `test`, not looking inside `skipped`.
    static func all(in element: HTMLTree.Element, skipping skipped: HTMLTree.Element? = nil, where test: (HTMLTree.Element) -> Bool) -> [HTMLTree.Element] {
        var found: [HTMLTree.Element] = []
        func visit(_ current: HTMLTree.Element) {
            if let skipped, current == skipped { return }
            if test(current) { found.append(current) }
            for case .element(let child) in current.children { visit(child) }
        }
        visit(element)
        return found
    }
}

/// The lines a block of HTML shows: a line per paragraph, heading, list item and table row,
/// broken at `<br>`; white space collapsed as a browser does, a line break in the source between
/// two Chinese characters dropped.
struct BlockLines {
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody",
        "thead", "tfoot", "caption", "blockquote", "section", "article", "header", "footer", "nav", "aside", "main", "center",
        "pre", "form", "fieldset", "address", "figure", "figcaption", "hr", "body", "html", "title", "head",
    ]

    private var lines: [ExtractedLine] = []
    private var buffer = ""
    private var bufferLine = 0
    /// The bold text that opens the paragraph being collected.
    private var lead: String?
    private var skipped: [HTMLTree.Element]

    static func of(_ element: HTMLTree.Element, skipping skipped: [HTMLTree.Element] = []) -> [ExtractedLine] {
        var writer = BlockLines(skipped: skipped)
        writer.visit(element, listOrdered: nil)
        writer.flush(hint: nil)
        return writer.lines
    }

    /// All the text of an element, white space collapsed, on one line.
    static func text(of element: HTMLTree.Element) -> String {
        var text = ""
        func visit(_ node: HTMLTree.Node) {
            switch node {
            case .text(let value, _): text += value
            case .element(let child): child.children.forEach(visit)
            }
        }
        element.children.forEach(visit)
        return collapsed(text)
    }

    private mutating func visit(_ element: HTMLTree.Element, listOrdered: Bool?) {
        if skipped.contains(element) { return }
        switch element.name {
        case "br":
            flush(hint: nil)
            return
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush(hint: nil)
            let level = Int(String(element.name.last!)) ?? 2
            element.children.forEach { visit(node: $0, listOrdered: listOrdered) }
            flush(hint: level == 1 ? .title : .heading(level: level))
            return
        case "li":
            flush(hint: nil)
            element.children.forEach { visit(node: $0, listOrdered: listOrdered) }
            flush(hint: .listItem(ordered: listOrdered ?? false))
            return
        case "table" where isDataTable(element):
            flush(hint: nil)
            for row in Article.all(named: "tr", in: element) {
                let cells = row.children.compactMap { node -> String? in
                    guard case .element(let cell) = node, cell.name == "td" || cell.name == "th" else { return nil }
                    return Self.text(of: cell).trimmingCharacters(in: .whitespaces)
                }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                lines.append(ExtractedLine(number: row.line, text: cells.joined(separator: " "), hint: .tableRow(cells)))
            }
            return
        case "strong", "b":
            let opensParagraph = Self.collapsed(buffer).trimmingCharacters(in: .whitespaces).isEmpty && lead == nil
            element.children.forEach { visit(node: $0, listOrdered: listOrdered) }
            if opensParagraph { lead = Self.collapsed(buffer).trimmingCharacters(in: Self.spaces) }
            return
        default:
            break
        }
        let isBlock = Self.blocks.contains(element.name)
        if isBlock { flush(hint: nil) }
        let ordered = element.name == "ol" ? true : element.name == "ul" ? false : listOrdered
        element.children.forEach { visit(node: $0, listOrdered: ordered) }
        if isBlock { flush(hint: nil) }
    }

    private mutating func visit(node: HTMLTree.Node, listOrdered: Bool?) {
        switch node {
        case .text(let text, let line):
            if buffer.isEmpty { bufferLine = line }
            buffer += text
        case .element(let inner):
            visit(inner, listOrdered: listOrdered)
        }
    }

    /// A table of data, not of layout: cells hold short text, no blocks, and more than one column.
    private func isDataTable(_ table: HTMLTree.Element) -> Bool {
        let rows = Article.all(named: "tr", in: table)
        guard !rows.isEmpty else { return false }
        var columns = 0
        for row in rows {
            let cells = row.children.compactMap { node -> HTMLTree.Element? in
                if case .element(let cell) = node, cell.name == "td" || cell.name == "th" { return cell }
                return nil
            }
            columns = max(columns, cells.count)
            for cell in cells {
                let nested = Article.all(in: cell) { ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4"].contains($0.name) }
                if !nested.isEmpty || Self.text(of: cell).count > 100 { return false }
            }
        }
        return columns >= 2
    }

    static let spaces = CharacterSet(charactersIn: " \t\u{A0}\u{3000}")

    private mutating func flush(hint: LineHint?) {
        let text = Self.collapsed(buffer).trimmingCharacters(in: Self.spaces)
        defer {
            buffer = ""
            lead = nil
        }
        guard !text.isEmpty else { return }
        var lineHint = hint
        if lineHint == nil, let lead, !lead.isEmpty, lead.count < text.count, lead.count <= 60, text.hasPrefix(lead) {
            lineHint = .lead(lead)
        }
        lines.append(ExtractedLine(number: bufferLine, text: text, hint: lineHint))
    }

    /// HTML white space collapsed to one space; a run holding a line break between two Chinese
    /// characters (a line wrapped in the source) to nothing.
    static func collapsed(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = true
                if scalar == "\n" || scalar == "\r" { pendingBreak = true }
                continue
            }
            if pendingSpace, let last = output.last {
                if !(pendingBreak && CJK.isCJK(last) && CJK.isCJK(scalar)) { output.append(" ") }
            } else if pendingSpace, output.isEmpty {
                output.append(" ")
            }
            pendingSpace = false
            pendingBreak = false
            output.append(scalar)
        }
        if pendingSpace { output.append(" ") }
        return String(output)
    }
}
