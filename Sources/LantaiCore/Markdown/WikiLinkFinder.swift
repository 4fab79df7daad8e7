import Foundation

/// Turns `[[标题]]`, `[[slug]]` and `[[标题|shown text]]` in running text into links whose
/// destination keeps the brackets (`[[标题]]`), so `LinkResolver` can look the target up among
/// all documents and a missing one is reported like any broken link, with its position.
///
/// cmark splits text at brackets into several text nodes, so adjacent text nodes are joined
/// first. Code spans and links keep their text as written.
enum WikiLinkFinder {
    static func rewrite(_ root: MarkdownNode) -> MarkdownNode {
        var root = root
        rewriteChildren(of: &root)
        return root
    }

    private static func rewriteChildren(of node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        if case .link = node.kind { return }
        if case .image = node.kind { return }
        var rebuilt: [MarkdownNode] = []
        rebuilt.reserveCapacity(node.children.count)
        var index = 0
        while index < node.children.count {
            guard case .text = node.children[index].kind else {
                var child = node.children[index]
                rewriteChildren(of: &child)
                rebuilt.append(child)
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

    /// The text as text and wiki-link nodes. A link's position is the text's position moved by
    /// the bytes before `[[` (the run is on one line: soft breaks are nodes of their own).
    static func split(_ text: String, line: Int, byteColumn: Int) -> [MarkdownNode] {
        guard hasOpeningBrackets(text) else { return [node(.text(text), line: line, byteColumn: byteColumn)] }
        var nodes: [MarkdownNode] = []
        var pending = ""
        var rest = Substring(text)
        var offset = 0
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let inner = rest[open.upperBound..<close.lowerBound]
            let before = rest[..<open.lowerBound]
            guard !inner.isEmpty, !inner.contains("["), !inner.contains("\n") else {
                pending += rest[..<open.upperBound]
                offset += rest[..<open.upperBound].utf8.count
                rest = rest[open.upperBound...]
                continue
            }
            pending += before
            offset += before.utf8.count
            if !pending.isEmpty { nodes.append(node(.text(pending), line: line, byteColumn: byteColumn)) }
            pending = ""
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let target = parts[0]
            let label = parts.count > 1 && !parts[1].isEmpty ? parts[1] : target
            var link = node(.link(destination: "[[\(target)]]", title: ""), line: line, byteColumn: line > 0 ? byteColumn + offset : 0)
            link.children = [node(.text(label), line: line, byteColumn: byteColumn)]
            nodes.append(link)
            offset += rest[open.lowerBound..<close.upperBound].utf8.count
            rest = rest[close.upperBound...]
        }
        pending += rest
        if !pending.isEmpty { nodes.append(node(.text(pending), line: line, byteColumn: byteColumn)) }
        return nodes
    }

    private static func node(_ kind: MarkdownNode.Kind, line: Int, byteColumn: Int) -> MarkdownNode {
        var node = MarkdownNode(kind: kind)
        node.line = line
        node.byteColumn = byteColumn
        return node
    }
}
