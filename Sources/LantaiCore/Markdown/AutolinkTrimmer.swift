/// Ends autolinks at the first CJK character.
///
/// cmark-gfm's autolink extension runs on through Chinese text (`https://example.com。结束` links
/// the whole run, including any further URL in it) because it expects a space after a URL;
/// Chinese writers never put one there. Autolinked nodes are recognisable by their missing source
/// position (0:0). The run is split into links that each end at CJK text or white space, and the
/// text between them.
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
            if case .link(let destination, _) = child.kind, child.line == 0,
               destination.unicodeScalars.contains(where: CJK.isCJK) {
                rebuilt += split(child.plainText)
                continue
            }
            trimChildren(of: &child)
            rebuilt.append(child)
        }
        node.children = rebuilt
    }

    static let schemes = ["https://", "http://", "www."]

    /// Splits autolinked text into URLs and the text around them.
    static func split(_ text: String) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var pendingText = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let start = schemes.compactMap({ rest.range(of: $0)?.lowerBound }).min() else {
                pendingText += rest
                break
            }
            pendingText += rest[..<start]
            var end = rest[start...].unicodeScalars.firstIndex { CJK.isCJK($0) || $0.properties.isWhitespace } ?? rest.endIndex
            while end > start, let last = rest[start..<end].unicodeScalars.last, ".,:;!?'\"".unicodeScalars.contains(last) {
                end = rest.unicodeScalars.index(before: end)
            }
            let url = String(rest[start..<end])
            if schemes.contains(url) {
                pendingText += url
            } else {
                if !pendingText.isEmpty { nodes.append(MarkdownNode(kind: .text(pendingText))) }
                pendingText = ""
                let destination = url.hasPrefix("www.") ? "http://" + url : url
                nodes.append(MarkdownNode(kind: .link(destination: destination, title: ""), children: [MarkdownNode(kind: .text(url))]))
            }
            rest = rest[end...]
        }
        if !pendingText.isEmpty { nodes.append(MarkdownNode(kind: .text(pendingText))) }
        return nodes
    }
}
