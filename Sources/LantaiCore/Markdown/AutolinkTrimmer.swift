/// Ends autolinks at the first CJK character.
///
/// cmark-gfm's autolink extension runs on through Chinese text (`https://example.com。结束` links
/// the whole run) because it expects a space after a URL; Chinese writers never put one there.
/// Autolinked nodes are recognisable by their missing source position (0:0).
enum AutolinkTrimmer {
    static func trim(_ root: MarkdownNode) -> MarkdownNode {
        var root = root
        trimChildren(of: &root)
        return root
    }

    private static func trimChildren(of node: inout MarkdownNode) {
        guard !node.children.isEmpty else { return }
        var rebuilt: [MarkdownNode] = []
        rebuilt.reserveCapacity(node.children.count)
        for var child in node.children {
            if case .link(let destination, let title) = child.kind, child.line == 0,
               let cut = destination.unicodeScalars.firstIndex(where: CJK.isCJK) {
                let url = String(destination.unicodeScalars[..<cut])
                let linkText = child.plainText
                let visibleCut = linkText.unicodeScalars.firstIndex(where: CJK.isCJK) ?? linkText.unicodeScalars.endIndex
                let shown = String(linkText.unicodeScalars[..<visibleCut])
                let rest = String(linkText.unicodeScalars[visibleCut...])
                if !shown.isEmpty {
                    child.kind = .link(destination: url, title: title)
                    child.children = [MarkdownNode(kind: .text(shown))]
                    rebuilt.append(child)
                }
                if !rest.isEmpty { rebuilt.append(MarkdownNode(kind: .text(rest))) }
                continue
            }
            trimChildren(of: &child)
            rebuilt.append(child)
        }
        node.children = rebuilt
    }
}
