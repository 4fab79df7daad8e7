import Foundation

/// Turns `[[标题]]`, `[[slug]]` and `[[标题|shown text]]` in running text into links whose
/// destination keeps the brackets (`[[标题]]`), so `LinkResolver` can look the target up among
/// all documents and a missing one is reported like any broken link, with its position.
///
/// cmark splits text at brackets into several text nodes, so adjacent text nodes are joined
/// first. Code spans and links keep their text as written.
enum WikiLinkFinder {
    /// In place: a node's children are rebuilt only where a run of text nodes is to be joined
    /// or holds `[[`, so a large table or list is not copied. The recursion is shallow (see
    /// `AutolinkTrimmer.trim`).
    static func rewrite(_ node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        if case .link = node.kind { return }
        if case .image = node.kind { return }
        if needsRebuilding(node.children) {
            var rebuilt: [MarkdownNode] = []
            rebuilt.reserveCapacity(node.children.count)
            var index = 0
            while index < node.children.count {
                guard case .text = node.children[index].kind else {
                    rebuilt.append(node.children[index])
                    index += 1
                    continue
                }
                // Join the run of text nodes that cmark split.
                let first = node.children[index]
                var text = ""
                while index < node.children.count, case .text(let piece) = node.children[index].kind {
                    text += piece
                    index += 1
                }
                rebuilt += split(text, line: first.line, byteColumn: first.byteColumn)
            }
            node.children = rebuilt
        }
        for index in node.children.indices where !node.children[index].children.isEmpty {
            rewrite(&node.children[index])
        }
    }

    /// Whether two text nodes follow each other (cmark splits text at brackets) or one holds `[[`.
    private static func needsRebuilding(_ children: [MarkdownNode]) -> Bool {
        var previousIsText = false
        for child in children {
            guard case .text(let text) = child.kind else { previousIsText = false; continue }
            if previousIsText || hasOpeningBrackets(text) { return true }
            previousIsText = true
        }
        return false
    }

    /// Whether `[[` occurs, checked on the UTF-8 bytes: nearly every text run has none, and
    /// Foundation's `contains` folds characters first.
    static func hasOpeningBrackets(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x5B, previous == 0x5B { return true }
            previous = byte
        }
        return false
    }

    /// The text as text and wiki-link nodes, in one pass over its bytes: `[[` opens a link that
    /// the next `]]` closes unless a `[` or a line break comes first (then the search goes on
    /// from there). A link's position is the text's moved by the bytes before `[[` (the run is on
    /// one line: soft breaks are nodes of their own). A target left empty (`[[|x]]`) is text.
    static func split(_ text: String, line: Int, byteColumn: Int) -> [MarkdownNode] {
        guard hasOpeningBrackets(text) else { return [node(.text(text), line: line, byteColumn: byteColumn)] }
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), newline = UInt8(ascii: "\n")
        var nodes: [MarkdownNode] = []
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open else { index += 1; continue }
            var end = index + 2
            while end + 1 < bytes.count, bytes[end] != open, bytes[end] != newline, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            guard end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close, end > index + 2 else {
                // No link opens here; a `[` or a line break inside ends the search for this `[[`.
                index = max(end, index + 2)
                continue
            }
            let inner = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts[0].isEmpty else { index += 2; continue }
            if textStart < index { nodes.append(node(.text(String(decoding: bytes[textStart..<index], as: UTF8.self)), line: line, byteColumn: byteColumn)) }
            let label = parts.count > 1 && !parts[1].isEmpty ? parts[1] : parts[0]
            var link = node(.link(destination: "[[\(parts[0])]]", title: ""), line: line, byteColumn: line > 0 ? byteColumn + index : 0)
            link.children = [node(.text(label), line: line, byteColumn: byteColumn)]
            nodes.append(link)
            index = end + 2
            textStart = index
        }
        if textStart < bytes.count { nodes.append(node(.text(String(decoding: bytes[textStart...], as: UTF8.self)), line: line, byteColumn: byteColumn)) }
        return nodes
    }

    private static func node(_ kind: MarkdownNode.Kind, line: Int, byteColumn: Int) -> MarkdownNode {
        var node = MarkdownNode(kind: kind)
        node.line = line
        node.byteColumn = byteColumn
        return node
    }
}
