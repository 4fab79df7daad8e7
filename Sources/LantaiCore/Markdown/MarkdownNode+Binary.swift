/// A Markdown tree as bytes (`BinaryWriter`) and back: how the build cache keeps a parse's tree.
extension MarkdownNode {
    func write(to writer: inout BinaryWriter) {
        let node = self
        switch node.kind {
        case .document: writer.int(0)
        case .paragraph: writer.int(1)
        case .heading(let level): writer.int(2); writer.int(level)
        case .blockQuote: writer.int(3)
        case .list(let ordered, let start, let tight): writer.int(4); writer.bool(ordered); writer.int(start); writer.bool(tight)
        case .item(let checked): writer.int(5); writer.optional(checked) { $0.bool($1) }
        case .codeBlock(let info, let literal): writer.int(6); writer.string(info); writer.string(literal)
        case .htmlBlock(let literal): writer.int(7); writer.string(literal)
        case .thematicBreak: writer.int(8)
        case .table(let alignments):
            writer.int(9)
            writer.array(alignments) { writer, alignment in
                writer.int([MarkdownNode.TableAlignment.none, .left, .center, .right].firstIndex(of: alignment)!)
            }
        case .tableRow(let isHeader): writer.int(10); writer.bool(isHeader)
        case .tableCell: writer.int(11)
        case .text(let text): writer.int(12); writer.string(text)
        case .softBreak: writer.int(13)
        case .lineBreak: writer.int(14)
        case .code(let text): writer.int(15); writer.string(text)
        case .htmlInline(let literal): writer.int(16); writer.string(literal)
        case .emphasis: writer.int(17)
        case .strong: writer.int(18)
        case .strikethrough: writer.int(19)
        case .link(let destination, let title): writer.int(20); writer.string(destination); writer.string(title)
        case .image(let source, let title): writer.int(21); writer.string(source); writer.string(title)
        case .footnoteReference(let label, let number, let occurrence): writer.int(22); writer.string(label); writer.int(number); writer.int(occurrence)
        case .footnoteDefinition(let label, let references): writer.int(23); writer.string(label); writer.int(references)
        }
        writer.int(node.line)
        writer.int(node.byteColumn)
        writer.optional(node.anchor) { $0.string($1) }
        writer.array(node.children) { $1.write(to: &$0) }
    }

    /// Deeper than the parser ever nests (it flattens beyond `MarkdownParser.maximumDepth`):
    /// bytes that claim more are not a cache entry.
    static let deepestEncoded = 512

    static func read(_ reader: inout BinaryReader, depth: Int = 0) -> MarkdownNode? {
        guard depth < Self.deepestEncoded, let tag = reader.int() else { return nil }
        let kind: MarkdownNode.Kind
        switch tag {
        case 0: kind = .document
        case 1: kind = .paragraph
        case 2: guard let level = reader.int() else { return nil }; kind = .heading(level: level)
        case 3: kind = .blockQuote
        case 4:
            guard let ordered = reader.bool(), let start = reader.int(), let tight = reader.bool() else { return nil }
            kind = .list(ordered: ordered, start: start, tight: tight)
        case 5: guard let checked = reader.optional({ $0.bool() }) else { return nil }; kind = .item(checked: checked)
        case 6: guard let info = reader.string(), let literal = reader.string() else { return nil }; kind = .codeBlock(info: info, literal: literal)
        case 7: guard let literal = reader.string() else { return nil }; kind = .htmlBlock(literal: literal)
        case 8: kind = .thematicBreak
        case 9:
            let all: [MarkdownNode.TableAlignment] = [.none, .left, .center, .right]
            guard let alignments = reader.array({ reader -> MarkdownNode.TableAlignment? in
                reader.int().flatMap { all.indices.contains($0) ? all[$0] : nil }
            }) else { return nil }
            kind = .table(alignments: alignments)
        case 10: guard let isHeader = reader.bool() else { return nil }; kind = .tableRow(isHeader: isHeader)
        case 11: kind = .tableCell
        case 12: guard let text = reader.string() else { return nil }; kind = .text(text)
        case 13: kind = .softBreak
        case 14: kind = .lineBreak
        case 15: guard let text = reader.string() else { return nil }; kind = .code(text)
        case 16: guard let literal = reader.string() else { return nil }; kind = .htmlInline(literal: literal)
        case 17: kind = .emphasis
        case 18: kind = .strong
        case 19: kind = .strikethrough
        case 20: guard let destination = reader.string(), let title = reader.string() else { return nil }; kind = .link(destination: destination, title: title)
        case 21: guard let source = reader.string(), let title = reader.string() else { return nil }; kind = .image(source: source, title: title)
        case 22:
            guard let label = reader.string(), let number = reader.int(), let occurrence = reader.int() else { return nil }
            kind = .footnoteReference(label: label, number: number, occurrence: occurrence)
        case 23: guard let label = reader.string(), let references = reader.int() else { return nil }; kind = .footnoteDefinition(label: label, references: references)
        default: return nil
        }
        guard let line = reader.int(), let byteColumn = reader.int(), let anchor = reader.optional({ $0.string() }),
              let children = reader.array({ read(&$0, depth: depth + 1) }) else { return nil }
        var node = MarkdownNode(kind: kind, children: children, line: line, byteColumn: byteColumn)
        node.anchor = anchor
        return node
    }
}
