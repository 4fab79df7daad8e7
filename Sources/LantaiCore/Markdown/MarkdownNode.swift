import Foundation

/// A Markdown element converted once from cmark-gfm's C tree into a Swift value.
///
/// Positions are the body's line and its UTF-8 byte column as cmark reports them; the document
/// stage turns them into file lines and character columns for diagnostics.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case paragraph
        case heading(level: Int)
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `checked` is nil for an ordinary item and set for a task-list item.
        case item(checked: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(literal: String)
        case thematicBreak
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(literal: String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        /// A footnote reference. `label` is its definition's label as written there (the ids of
        /// both are made from it), `number` the one shown (definitions are numbered in the order
        /// they are first referenced), `occurrence` which reference to that definition this is.
        case footnoteReference(label: String, number: Int, occurrence: Int)
        /// A footnote definition; cmark moves them to the end of the document in number order
        /// and drops those never referenced. `references` counts the references (a back-link each).
        case footnoteDefinition(label: String, references: Int)
    }

    public enum TableAlignment: Sendable, Hashable {
        case none, left, center, right
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Body line (1-based) and UTF-8 byte column (1-based); 0 when cmark gives none (autolinks).
    public var line: Int
    public var byteColumn: Int
    /// Set on headings and paragraphs by `AnchorAssigner`.
    public var anchor: String?

    public init(kind: Kind, children: [MarkdownNode] = [], line: Int = 0, byteColumn: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.byteColumn = byteColumn
    }

    public var isBlock: Bool {
        switch kind {
        case .document, .paragraph, .heading, .blockQuote, .list, .item, .codeBlock, .htmlBlock,
             .thematicBreak, .table, .tableRow, .tableCell, .footnoteDefinition:
            return true
        default:
            return false
        }
    }

    /// The text a reader sees, without markup. Soft breaks join Chinese lines without a space.
    public var plainText: String {
        var collector = PlainTextCollector()
        collector.collect(self)
        return collector.result
    }
}

/// Collects visible text depth-first with an explicit stack, so deeply nested input cannot
/// exhaust the thread's stack.
struct PlainTextCollector {
    private(set) var result = ""

    mutating func collect(_ root: MarkdownNode) {
        var stack: [MarkdownNode] = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .text(let text), .code(let text):
                result += text
            case .codeBlock(_, let literal):
                appendSeparator()
                result += literal
            case .softBreak, .lineBreak:
                result += "\n"
            case .footnoteReference:
                // The number is markup, not text: a phrase around a note stays one phrase.
                break
            case .htmlInline(let literal), .htmlBlock(let literal):
                result += literal
            default:
                if node.isBlock, node.kind != .document { appendSeparator() }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        result = Self.joinLines(result)
    }

    private mutating func appendSeparator() {
        if let last = result.unicodeScalars.last, last != "\n" { result += "\n" }
    }

    /// Lines are joined with nothing between two CJK characters and with a space otherwise.
    static func joinLines(_ text: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            guard scalar == "\n" else { output.append(scalar); continue }
            guard let before = output.last, index + 1 < scalars.count else { continue }
            let after = scalars[index + 1]
            if before == " " || after == "\n" || after == " " { continue }
            if !(CJK.isCJK(before) && CJK.isCJK(after)) { output.append(" ") }
        }
        return String(output).trimmingCharacters(in: .whitespaces)
    }
}
