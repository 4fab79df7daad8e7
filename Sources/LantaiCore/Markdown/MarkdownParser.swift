import CMarkGFM
import Foundation

/// Parses Markdown with cmark-gfm and its GFM extensions and converts the C tree into
/// `MarkdownNode` values. This is the only file of the library that touches cmark pointers.
///
/// Raw HTML is parsed as cmark parses it but never passed through: the renderer shows it as text.
public enum MarkdownParser {
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// Safe mode (raw HTML is never rendered by cmark anyway: we render) and footnotes.
    public static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES

    /// cmark-gfm's extension registry is process-wide, and its own once-guard is a plain int;
    /// a Swift `static let` runs the registration exactly once, whichever thread comes first.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public static func registerExtensions() {
        _ = registered
    }

    /// Serialises cmark-gfm's inline pass across the process.
    ///
    /// cmark-gfm keeps the table of characters that may start an inline construct in one
    /// process-wide array. `cmark_parser_finish` adds the characters of the parser's inline
    /// extensions (`~` for strikethrough, `:` and `w` for autolinks) when its inline pass starts
    /// and clears them when it ends, so a parser finishing on one thread clears them under a
    /// parser still reading inlines on another, which then silently misses strikethrough and
    /// links (cmark-gfm issue 221). The table cannot be set once and left alone: the
    /// strikethrough extension is found through the same character list at every closing `~`.
    /// So every inline pass in the process runs under this lock; block parsing (`feed`) and the
    /// conversion to Swift values stay parallel. The serial part is small: over 1,000 generated
    /// documents `cmark_parser_finish` takes 0.18 s of the parse stage's 4.5 s on one core.
    public static func withInlinePass<Result>(_ body: () throws -> Result) rethrows -> Result {
        inlinePassLock.lock()
        defer { inlinePassLock.unlock() }
        return try body()
    }

    private static let inlinePassLock = NSLock()

    public static func parse(_ markdown: String) -> MarkdownNode {
        parseReporting(markdown).root
    }

    /// What a parse leaves out or changes, for the document stage to report.
    public struct Losses: Sendable {
        /// Where the first container nested deeper than `maximumDepth` starts (source line and
        /// byte column), if any was flattened.
        public var firstFlattened: (line: Int, byteColumn: Int)?
        /// Footnote definitions cmark-gfm leaves out: never referenced, or a label's second one.
        public var droppedFootnotes: [FootnoteLabels.Definition] = []
    }

    /// Parses, and tells what the page will not show as written.
    public static func parseReporting(_ markdown: String) -> (root: MarkdownNode, losses: Losses) {
        registerExtensions()
        guard let parser = cmark_parser_new(options) else { return (MarkdownNode(kind: .document), Losses()) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let root = withInlinePass({ cmark_parser_finish(parser) }) else { return (MarkdownNode(kind: .document), Losses()) }
        defer { cmark_node_free(root) }
        var (tree, firstFlattened, hasFootnotes) = convert(root, source: markdown)
        var losses = Losses(firstFlattened: firstFlattened)
        if hasFootnotes { FootnoteLinker.link(&tree) }
        if FootnoteLabels.mayDefine(markdown) {
            losses.droppedFootnotes = FootnoteLabels.droppedDefinitions(in: markdown, shown: FootnoteLinker.definedLabels(tree))
        }
        AutolinkTrimmer.trim(&tree)
        WikiLinkFinder.rewrite(&tree)
        return (tree, losses)
    }

    /// Containers nested deeper than this are flattened into their ancestor at this depth, so
    /// that hostile input (thousands of nested quotes) keeps its text but cannot make any later
    /// tree walk exhaust a thread's stack.
    static let maximumDepth = 64

    /// Walks cmark's iterator (enter and exit events) with an explicit stack of open containers.
    private static func convert(_ root: OpaquePointer, source: String) -> (MarkdownNode, (line: Int, byteColumn: Int)?, hasFootnotes: Bool) {
        guard let iterator = cmark_iter_new(root) else { return (MarkdownNode(kind: .document), nil, false) }
        defer { cmark_iter_free(iterator) }
        var open: [MarkdownNode] = []
        var flattened = 0
        var firstFlattened: (line: Int, byteColumn: Int)?
        var finished: MarkdownNode?
        var labels = FootnoteLabels(source: source)
        var hasFootnotes = false
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let pointer = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                var node = makeNode(pointer)
                if case .footnoteDefinition = node.kind {
                    hasFootnotes = true
                    node.kind = .footnoteDefinition(label: labels.label(line: node.line, byteColumn: node.byteColumn), references: 0)
                }
                if isLeaf(pointer) {
                    if open.isEmpty { finished = node } else { open[open.count - 1].children.append(node) }
                } else if open.count >= maximumDepth {
                    flattened += 1
                    if firstFlattened == nil { firstFlattened = (node.line, node.byteColumn) }
                } else {
                    open.append(node)
                }
            } else if event == CMARK_EVENT_EXIT {
                // The children are converted: free their C nodes now rather than with the root,
                // so the two trees are not both whole in memory (a 5 MB table: cmark's tree is
                // some 190 MB). The iterator's next step points at a sibling or the parent.
                while let child = cmark_node_first_child(pointer) { cmark_node_free(child) }
                if flattened > 0 {
                    flattened -= 1
                } else if let node = open.popLast() {
                    if open.isEmpty { finished = node } else { open[open.count - 1].children.append(node) }
                }
            }
        }
        return (finished ?? MarkdownNode(kind: .document), firstFlattened, hasFootnotes)
    }

    /// Leaves get an enter event only; cmark decides by node type.
    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func makeNode(_ node: OpaquePointer) -> MarkdownNode {
        MarkdownNode(kind: kind(of: node),
                     line: Int(cmark_node_get_start_line(node)),
                     byteColumn: Int(cmark_node_get_start_column(node)))
    }

    /// Extension nodes are identified by their type string: their numeric ids are assigned at
    /// registration time and are not stable.
    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        // Footnotes are core nodes without a type string ("<unknown>"); their numbers are stable.
        switch cmark_node_get_type(node) {
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            // cmark has replaced the label by the definition's number; `FootnoteLinker` finds the rest.
            return .footnoteReference(label: "", number: Int(literal(node)) ?? 0, occurrence: 0)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // Its label is not in the C API; `convert` reads it from the source.
            return .footnoteDefinition(label: "", references: 0)
        default:
            break
        }
        let typeName = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        switch typeName {
        case "document": return .document
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(node)))
        case "block_quote": return .blockQuote
        case "list":
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0)
        case "item": return .item(checked: nil)
        case "tasklist": return .item(checked: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case "code_block": return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal(node))
        case "html_block": return .htmlBlock(literal: literal(node))
        case "thematic_break": return .thematicBreak
        case "table": return .table(alignments: alignments(of: node))
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "text": return .text(literal(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code(literal(node))
        case "html_inline": return .htmlInline(literal: literal(node))
        case "emph": return .emphasis
        case "strong": return .strong
        case "strikethrough": return .strikethrough
        case "link": return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case "image": return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default:
            // A construct this converter does not know keeps its text visible.
            return .text(literal(node))
        }
    }

    private static func alignments(of table: OpaquePointer) -> [MarkdownNode.TableAlignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(table))
        guard let raw = cmark_gfm_extensions_get_table_alignments(table) else {
            return Array(repeating: .none, count: count)
        }
        return (0..<count).map { index in
            switch raw[index] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
