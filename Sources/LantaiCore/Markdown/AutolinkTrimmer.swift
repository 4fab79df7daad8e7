/// Ends autolinks at the first CJK character.
///
/// cmark-gfm's autolink extension runs on through Chinese text (`https://example.com。结束` links
/// the whole run, including any further URL in it) because it expects a space after a URL;
/// Chinese writers never put one there. Autolinked nodes are recognisable by their missing source
/// position (0:0). The run is split into links that each end at CJK text or white space, and the
/// text between them.
enum AutolinkTrimmer {
    /// In place: a node's children are rebuilt only where an autolink runs into CJK text, so a
    /// large table or list is not copied. The converter flattens the tree beyond
    /// `MarkdownParser.maximumDepth`, so the recursion is shallow.
    static func trim(_ node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        if node.children.contains(where: isGluedAutolink) {
            var rebuilt: [MarkdownNode] = []
            rebuilt.reserveCapacity(node.children.count)
            for child in node.children {
                if isGluedAutolink(child) { rebuilt += split(child.plainText) } else { rebuilt.append(child) }
            }
            node.children = rebuilt
        }
        for index in node.children.indices where !node.children[index].children.isEmpty {
            trim(&node.children[index])
        }
    }

    /// Autolinked nodes are the links without a source position.
    private static func isGluedAutolink(_ node: MarkdownNode) -> Bool {
        guard case .link(let destination, _) = node.kind, node.line == 0 else { return false }
        return destination.unicodeScalars.contains(where: CJK.isCJK)
    }

    static let schemes: [[Unicode.Scalar]] = ["https://", "http://", "www."].map { Array($0.unicodeScalars) }
    static let trailingPunctuation: Set<Unicode.Scalar> = Set(".,:;!?'\"".unicodeScalars)

    /// Splits autolinked text into URLs and the text around them, in one pass over its scalars
    /// (a line of URLs glued to Chinese text is one autolink of any length).
    static func split(_ text: String) -> [MarkdownNode] {
        let scalars = Array(text.unicodeScalars)
        var nodes: [MarkdownNode] = []
        var pending = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard let scheme = schemes.first(where: { startsWith($0, in: scalars, at: index) }) else {
                pending.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !CJK.isCJK(scalars[end]), !scalars[end].properties.isWhitespace { end += 1 }
            while end > index, trailingPunctuation.contains(scalars[end - 1]) { end -= 1 }
            let url = scalars[index..<end]
            if url.count <= scheme.count {
                // Only the scheme, or less of it once trailing punctuation is cut (`www.。`): text.
                pending.append(contentsOf: url)
            } else {
                if !pending.isEmpty { nodes.append(MarkdownNode(kind: .text(String(pending)))) }
                pending = String.UnicodeScalarView()
                let shown = String(String.UnicodeScalarView(url))
                let destination = url.first == "w" ? "http://" + shown : shown
                nodes.append(MarkdownNode(kind: .link(destination: destination, title: ""), children: [MarkdownNode(kind: .text(shown))]))
            }
            index = end
        }
        if !pending.isEmpty { nodes.append(MarkdownNode(kind: .text(String(pending)))) }
        return nodes
    }

    private static func startsWith(_ prefix: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + prefix.count <= scalars.count else { return false }
        for offset in prefix.indices where scalars[index + offset] != prefix[offset] { return false }
        return true
    }
}
