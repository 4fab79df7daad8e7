/// Reads footnote labels from the source: cmark-gfm keeps a definition's label but gives no
/// function to read it. A definition's node starts right after its `[^label]:` and the blanks
/// after it, on the same line (checked with the C library: `[^n1]: note` starts at column 8,
/// `[^e]:` alone on its line at column 6).
struct FootnoteLabels {
    private let bytes: [UInt8]
    /// Byte offset of each line's start, made on the first definition.
    private var lineStarts: [Int] = []

    init(source: String) {
        bytes = Array(source.utf8)
    }

    /// The label of the definition whose node starts at `line` and `byteColumn` (both 1-based),
    /// or "" when the source before it is not `[^label]:`.
    mutating func label(line: Int, byteColumn: Int) -> String {
        if lineStarts.isEmpty {
            lineStarts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        }
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return "" }
        let lineStart = lineStarts[line - 1]
        var end = min(lineStart + byteColumn - 1, bytes.count)
        while end > lineStart, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end - lineStart >= 4, bytes[end - 1] == UInt8(ascii: ":"), bytes[end - 2] == UInt8(ascii: "]") else { return "" }
        let labelEnd = end - 2
        var start = labelEnd
        while start - 2 >= lineStart, !(bytes[start - 2] == UInt8(ascii: "[") && bytes[start - 1] == UInt8(ascii: "^")) { start -= 1 }
        guard start - 2 >= lineStart else { return "" }
        return String(decoding: bytes[start..<labelEnd], as: UTF8.self)
    }
}

/// Gives each footnote reference its definition's label and its occurrence, and each
/// definition its count of references, as cmark-gfm's HTML renderer works them out: the
/// definition numbered n is the n-th definition at the end of the document.
enum FootnoteLinker {
    static func link(_ root: inout MarkdownNode) {
        var labels: [String] = []
        for child in root.children {
            if case .footnoteDefinition(let label, _) = child.kind { labels.append(label) }
        }
        var occurrences = Array(repeating: 0, count: labels.count)
        for index in root.children.indices {
            linkReferences(in: &root.children[index], labels: labels, occurrences: &occurrences)
        }
        var number = 0
        for index in root.children.indices {
            if case .footnoteDefinition(let label, _) = root.children[index].kind {
                root.children[index].kind = .footnoteDefinition(label: label, references: occurrences[number])
                number += 1
            }
        }
    }

    /// In place, in document order. The converter flattens the tree beyond
    /// `MarkdownParser.maximumDepth`, so the recursion is shallow.
    private static func linkReferences(in node: inout MarkdownNode, labels: [String], occurrences: inout [Int]) {
        if case .footnoteReference(_, let number, _) = node.kind, labels.indices.contains(number - 1) {
            occurrences[number - 1] += 1
            node.kind = .footnoteReference(label: labels[number - 1], number: number, occurrence: occurrences[number - 1])
        }
        for index in node.children.indices {
            linkReferences(in: &node.children[index], labels: labels, occurrences: &occurrences)
        }
    }
}
