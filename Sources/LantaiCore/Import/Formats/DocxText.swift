import Foundation
import ZIPFoundation

/// A Word file (.docx), read with ZIPFoundation and the XML parser: paragraphs in order, headings
/// by their style (Title, Heading 1–9, 标题 n, or an outline level), bold leads, numbered and
/// bulleted lists by their numbering, tables as rows of cells, soft line breaks as line ends, and
/// footnotes. Lines are numbered by paragraph (a table row counts as one).
enum DocxText {
    static func read(_ bytes: [UInt8], name: String) -> Result<ExtractedText, Diagnostic> {
        // ZIPFoundation's in-memory archive traps when an entry's offset points past the end of
        // the data (its pull request #394, found here by FuzzImport); the file-backed reader
        // returns no bytes there instead, so the bytes are read from a temporary file.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("source.docx")
        let archive: Archive
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            return .failure(.error(zh: "打不开这个 Word 文件（.docx 已损坏，或者其实是别的文件）：用 Word 或 WPS 打开，重新另存为 .docx 后导入", en: "not a Word file that can be opened (the .docx is damaged, or is another kind of file): open it in Word or WPS and save it again as .docx", in: name))
        }
        func part(_ path: String) -> XMLElementNode? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            guard (try? archive.extract(entry, skipCRC32: false) { data.append($0) }) != nil else { return nil }
            return XMLElementNode.parse(data)
        }
        guard let document = part("word/document.xml"), let body = document.first("body") else {
            return .failure(.error(zh: "这个 .docx 里找不到正文（word/document.xml 缺失或损坏）：用 Word 或 WPS 打开，重新另存后导入", en: "this .docx has no document text (word/document.xml is missing or damaged): open it in Word or WPS and save it again", in: name))
        }
        let styles = WordStyles(part("word/styles.xml"), numbering: part("word/numbering.xml"))
        var reader = WordBodyReader(styles: styles, footnoteTexts: footnoteTexts(part("word/footnotes.xml")))
        reader.read(body)
        guard !reader.lines.isEmpty else {
            return .failure(.error(zh: "这个 Word 文件里没有文字", en: "this Word file has no text", in: name))
        }
        return .success(ExtractedText(lines: reader.lines, encoding: "Word (.docx)", footnotes: reader.footnotes))
    }

    /// The text of each footnote by its id; the separators Word keeps there are not notes.
    private static func footnoteTexts(_ part: XMLElementNode?) -> [String: String] {
        var texts: [String: String] = [:]
        for note in part?.children(named: "footnote") ?? [] where note.attributes["type"] == nil {
            guard let id = note.attributes["id"] else { continue }
            let text = note.all("t").map(\.text).joined().trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { texts[id] = text }
        }
        return texts
    }
}

/// What the styles and numbering parts say about a paragraph.
struct WordStyles {
    struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numberingID: String?
    }

    var styles: [String: Style] = [:]
    /// numId → the format of each level (`decimal`, `bullet`, `chineseCounting`, …).
    var formats: [String: [String: String]] = [:]

    init(_ stylesPart: XMLElementNode?, numbering: XMLElementNode?) {
        for style in stylesPart?.children(named: "style") ?? [] where style.attributes["type"] == "paragraph" {
            guard let id = style.attributes["styleId"] else { continue }
            let properties = style.first("pPr")
            styles[id] = Style(name: style.first("name")?.attributes["val"] ?? id, basedOn: style.first("basedOn")?.attributes["val"],
                               outlineLevel: properties?.first("outlineLvl")?.attributes["val"].flatMap(Int.init),
                               numberingID: properties?.first("numPr")?.first("numId")?.attributes["val"])
        }
        var abstract: [String: [String: String]] = [:]
        for definition in numbering?.children(named: "abstractNum") ?? [] {
            guard let id = definition.attributes["abstractNumId"] else { continue }
            var levels: [String: String] = [:]
            for level in definition.children(named: "lvl") {
                if let index = level.attributes["ilvl"], let format = level.first("numFmt")?.attributes["val"] { levels[index] = format }
            }
            abstract[id] = levels
        }
        for number in numbering?.children(named: "num") ?? [] {
            if let id = number.attributes["numId"], let abstractID = number.first("abstractNumId")?.attributes["val"] {
                formats[id] = abstract[abstractID] ?? [:]
            }
        }
    }

    /// The style and those it is based on, nearest first.
    func chain(_ id: String?) -> [Style] {
        var chain: [Style] = []
        var next = id
        while let current = next, let style = styles[current], chain.count < 20 {
            chain.append(style)
            next = style.basedOn
        }
        return chain
    }

    /// `.title`, or `.heading(level)` with Word's Heading 1 as level 2, for a paragraph's style.
    func hint(forStyle id: String?, outlineLevel: Int?) -> LineHint? {
        let chain = chain(id)
        if let name = chain.first?.name.lowercased() {
            if name == "title" || name == "标题" { return .title }
            for prefix in ["heading ", "标题 "] where name.hasPrefix(prefix) {
                if let level = Int(name.dropFirst(prefix.count)) { return .heading(level: min(level + 1, 6)) }
            }
        }
        if let level = outlineLevel ?? chain.lazy.compactMap(\.outlineLevel).first, level < 9 {
            return .heading(level: min(level + 2, 6))
        }
        return nil
    }

    /// A list item when the paragraph is numbered (by its own numbering, else its style's):
    /// ordered unless its level's format is a bullet.
    func listHint(numberingID: String?, level: String?, style id: String?) -> LineHint? {
        guard let numbering = numberingID ?? chain(id).lazy.compactMap(\.numberingID).first, numbering != "0" else { return nil }
        let format = formats[numbering]?[level ?? "0"] ?? "decimal"
        return format == "none" ? nil : .listItem(ordered: format != "bullet")
    }
}

/// Walks the body of a Word document into lines.
struct WordBodyReader {
    var styles: WordStyles
    var footnoteTexts: [String: String]
    var lines: [ExtractedLine] = []
    var footnotes: [(label: String, text: String)] = []
    private var number = 0
    private var footnoteLabels: [String: String] = [:]

    init(styles: WordStyles, footnoteTexts: [String: String]) {
        self.styles = styles
        self.footnoteTexts = footnoteTexts
    }

    mutating func read(_ container: XMLElementNode) {
        for child in container.elements {
            switch child.name {
            case "p": paragraph(child)
            case "tbl": table(child)
            case "sdt": if let content = child.first("sdtContent") { read(content) }
            case "customXml", "ins", "smartTag": read(child)
            default: break
            }
        }
    }

    private mutating func paragraph(_ paragraph: XMLElementNode) {
        number += 1
        let properties = paragraph.first("pPr")
        let styleID = properties?.first("pStyle")?.attributes["val"]
        let numbering = properties?.first("numPr")
        var hint = styles.hint(forStyle: styleID, outlineLevel: properties?.first("outlineLvl")?.attributes["val"].flatMap(Int.init))
        if hint == nil {
            hint = styles.listHint(numberingID: numbering?.first("numId")?.attributes["val"],
                                   level: numbering?.first("ilvl")?.attributes["val"], style: styleID)
        }
        var pieces: [String] = [""]
        var boldLead = ""
        var leadOpen = true
        collectRuns(paragraph, into: &pieces, boldLead: &boldLead, leadOpen: &leadOpen)
        for (index, piece) in pieces.enumerated() {
            let text = piece.trimmingCharacters(in: BlockLines.spaces)
            guard !text.isEmpty else { continue }
            var lineHint = hint
            let lead = boldLead.trimmingCharacters(in: BlockLines.spaces)
            if index == 0, hint == nil, !lead.isEmpty, lead.count < text.count, text.hasPrefix(lead) { lineHint = .lead(lead) }
            lines.append(ExtractedLine(number: number, text: text, hint: lineHint))
        }
    }

    /// Text of the runs in order; a soft line break (`w:br`, not a page break) starts a new piece.
    private mutating func collectRuns(_ element: XMLElementNode, into pieces: inout [String], boldLead: inout String, leadOpen: inout Bool) {
        for child in element.elements {
            switch child.name {
            case "r":
                let bold = Self.isBold(child.first("rPr"))
                for part in child.elements {
                    var text = ""
                    switch part.name {
                    case "t": text = part.text
                    case "tab": text = " "
                    case "br", "cr":
                        if part.attributes["type"] == nil || part.attributes["type"] == "textWrapping" {
                            pieces.append("")
                            leadOpen = false
                        }
                    case "footnoteReference":
                        if let id = part.attributes["id"], let note = footnoteTexts[id] { text = footnoteMark(id, note) }
                    default: break
                    }
                    guard !text.isEmpty else { continue }
                    pieces[pieces.count - 1] += text
                    if leadOpen {
                        if bold { boldLead += text } else if !text.trimmingCharacters(in: BlockLines.spaces).isEmpty { leadOpen = false }
                    }
                }
            case "hyperlink", "ins", "smartTag", "fldSimple", "customXml":
                collectRuns(child, into: &pieces, boldLead: &boldLead, leadOpen: &leadOpen)
            case "sdt":
                if let content = child.first("sdtContent") { collectRuns(content, into: &pieces, boldLead: &boldLead, leadOpen: &leadOpen) }
            default: break
            }
        }
    }

    private mutating func footnoteMark(_ id: String, _ note: String) -> String {
        if let label = footnoteLabels[id] { return FootnoteMark.reference(label) }
        let label = String(footnoteLabels.count + 1)
        footnoteLabels[id] = label
        footnotes.append((label, note))
        return FootnoteMark.reference(label)
    }

    private static func isBold(_ properties: XMLElementNode?) -> Bool {
        if let bold = properties?.first("b") {
            return !["0", "false", "off"].contains(bold.attributes["val"] ?? "")
        }
        return ["strong", "Strong"].contains(properties?.first("rStyle")?.attributes["val"] ?? "")
    }

    /// A table of two or more columns is a table; a one-column one (a frame around text) is read
    /// as the paragraphs in it.
    private mutating func table(_ table: XMLElementNode) {
        let rows = table.children(named: "tr")
        let columns = rows.map { $0.children(named: "tc").count }.max() ?? 0
        guard columns >= 2 else {
            for cell in rows.flatMap({ $0.children(named: "tc") }) { read(cell) }
            return
        }
        for row in rows {
            number += 1
            let cells = row.children(named: "tc").map { cell in
                cell.all("p").map { paragraph in paragraph.all("t").map(\.text).joined() }
                    .filter { !$0.isEmpty }.joined(separator: " ").trimmingCharacters(in: BlockLines.spaces)
            }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            lines.append(ExtractedLine(number: number, text: cells.joined(separator: " "), hint: .tableRow(cells)))
        }
    }
}
