/// Reads footnote labels from the source: cmark-gfm keeps a definition's label but gives no
/// function to read it. A definition's node starts right after its `[^label]:` and the blanks
/// after it, on the same line (checked with the C library: `[^n1]: note` starts at column 8,
/// `[^e]:` alone on its line at column 6).
public struct FootnoteLabels {
    private let source: String
    /// The source's bytes and the offset of each line's start, made on the first definition
    /// (most documents have none).
    private var bytes: [UInt8] = []
    private var lineStarts: [Int] = []

    init(source: String) {
        self.source = source
    }

    /// The label of the definition whose node starts at `line` and `byteColumn` (both 1-based),
    /// or "" when the source before it is not `[^label]:`.
    mutating func label(line: Int, byteColumn: Int) -> String {
        if lineStarts.isEmpty {
            bytes = Array(source.utf8)
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
