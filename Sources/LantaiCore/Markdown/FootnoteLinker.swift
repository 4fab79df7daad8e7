/// Reads footnote labels from the source: cmark-gfm keeps a definition's label but gives no
/// function to read it. A definition's node starts right after its `[^label]:` and the blanks
/// after it, on the same line (checked with the C library: `[^n1]: note` starts at column 8,
/// `[^e]:` alone on its line at column 6).
public struct FootnoteLabels {
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

extension FootnoteLabels {
    /// A footnote definition as written: its label and where its `[^` is.
    public struct Definition: Sendable, Hashable {
        public var label: String
        public var line: Int
        public var byteColumn: Int
        /// Whether an earlier definition has the same label (cmark keeps the first).
        public var isRepeated: Bool
    }

    /// Whether the text may define a footnote at all (checked on bytes, before any line scan).
    static func mayDefine(_ source: String) -> Bool {
        var previous: UInt8 = 0
        for byte in source.utf8 {
            if previous == UInt8(ascii: "["), byte == UInt8(ascii: "^") { return true }
            previous = byte
        }
        return false
    }

    /// The definitions cmark-gfm leaves out of the tree: a label none of the shown definitions
    /// has (never referenced), and each repeated label. cmark gives no trace of them, so lines
    /// that look like a definition are read from the source: `[^label]:` after at most three
    /// spaces and any `>` of block quotes, outside fenced code. (A definition inside a list item
    /// indented four spaces or more is not seen; one inside an HTML block would be, wrongly.)
    static func droppedDefinitions(in source: String, shown: Set<String>) -> [Definition] {
        var dropped: [Definition] = []
        var seen: Set<String> = []
        var fence: (marker: Character, length: Int)?
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.dropFirst(0)
            var spaces = 0
            while spaces < 4, rest.first == " " { rest = rest.dropFirst(); spaces += 1 }
            if spaces < 4, let marker = rest.first, marker == "`" || marker == "~" {
                let length = rest.prefix { $0 == marker }.count
                if length >= 3 {
                    if let open = fence {
                        if open.marker == marker, length >= open.length, rest.dropFirst(length).allSatisfy(\.isWhitespace) { fence = nil }
                    } else if marker == "~" || !rest.dropFirst(length).contains("`") {
                        fence = (marker, length)
                    }
                    continue
                }
            }
            guard fence == nil, spaces < 4 else { continue }
            while rest.first == ">" { rest = rest.dropFirst(); if rest.first == " " { rest = rest.dropFirst() } }
            guard rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"), rest[close...].hasPrefix("]:") else { continue }
            let label = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
            guard !label.isEmpty, !label.allSatisfy(\.isWhitespace) else { continue }
            let key = FootnoteLinker.normalized(label)
            let column = line.utf8.distance(from: line.startIndex, to: rest.startIndex) + 1
            if seen.contains(key) {
                dropped.append(Definition(label: label, line: index + 1, byteColumn: column, isRepeated: true))
            } else {
                seen.insert(key)
                if !shown.contains(key) { dropped.append(Definition(label: label, line: index + 1, byteColumn: column, isRepeated: false)) }
            }
        }
        return dropped
    }
}

/// Gives each footnote reference its definition's label and its occurrence, and each
/// definition its count of references, as cmark-gfm's HTML renderer works them out: the
/// definition numbered n is the n-th definition at the end of the document.
enum FootnoteLinker {
    static func link(_ root: inout MarkdownNode) {
        // A label the source did not give (`FootnoteLabels` found no `[^…]:`) is the note's
        // number, so its ids stay unique.
        var labels: [String] = []
        for index in root.children.indices {
            if case .footnoteDefinition(let label, let references) = root.children[index].kind {
                labels.append(label.isEmpty ? String(labels.count + 1) : label)
                root.children[index].kind = .footnoteDefinition(label: labels[labels.count - 1], references: references)
            }
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

    /// The labels of the definitions in the tree, as cmark matches labels.
    static func definedLabels(_ root: MarkdownNode) -> Set<String> {
        var labels: Set<String> = []
        for child in root.children {
            if case .footnoteDefinition(let label, _) = child.kind { labels.insert(normalized(label)) }
        }
        return labels
    }

    /// cmark matches labels case-insensitively with runs of white space as one space.
    static func normalized(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
