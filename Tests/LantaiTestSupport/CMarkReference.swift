import CMarkGFM
import Foundation
import LantaiCore

/// cmark-gfm's own HTML for a Markdown text, through the C library with the options and
/// extensions Lantai parses with: the reference our renderer is compared with.
///
/// The inline pass runs inside `MarkdownParser.withInlinePass`, like every parse of ours, so a
/// reference render on one thread cannot undo the special-character table of a parse on another.
public enum CMarkReference {
    public static func html(_ markdown: String) -> String {
        MarkdownParser.registerExtensions()
        guard let parser = cmark_parser_new(MarkdownParser.options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in MarkdownParser.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let root = MarkdownParser.withInlinePass({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, MarkdownParser.options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
