/// A parse (the document, or none, and its diagnostics) as bytes for the build cache, and back.
/// Topics are written as their place in the catalog the parse used: a cache entry is only read
/// under the same catalog (`DocumentCache` keys entries by it).
struct DocumentCodec {
    let catalog: TopicCatalog

    func encode(_ document: Document?, _ diagnostics: [Diagnostic]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.array(diagnostics) { writer, diagnostic in
            writer.string(diagnostic.path)
            writer.int(diagnostic.line)
            writer.int(diagnostic.column)
            writer.bool(diagnostic.severity == .error)
            writer.string(diagnostic.text.zh)
            writer.string(diagnostic.text.en)
        }
        writer.optional(document) { writer, document in write(document, to: &writer) }
        return writer.bytes
    }

    func decode(_ bytes: [UInt8]) -> (document: Document?, diagnostics: [Diagnostic])? {
        var reader = BinaryReader(bytes)
        guard let diagnostics = reader.array({ reader -> Diagnostic? in
            guard let path = reader.string(), let line = reader.int(), let column = reader.int(),
                  let isError = reader.bool(), let chinese = reader.string(), let english = reader.string() else { return nil }
            return Diagnostic(path: path, line: line, column: column, severity: isError ? .error : .warning, text: Message(zh: chinese, en: english))
        }), let document = reader.optional({ readDocument(&$0) }), reader.atEnd else { return nil }
        return (document, diagnostics)
    }

    private func topicNumber(_ topic: Topic) -> Int {
        catalog.topics.firstIndex(of: topic) ?? -1
    }

    private func topic(_ reader: inout BinaryReader) -> Topic? {
        guard let number = reader.int(), catalog.topics.indices.contains(number) else { return nil }
        return catalog.topics[number]
    }

    private func write(_ document: Document, to writer: inout BinaryWriter) {
        for text in [document.sourcePath, document.displayPath, document.slug, document.pagePath, document.title] { writer.string(text) }
        writer.optional(document.date) { writer, date in
            writer.int(date.year)
            writer.int(date.month)
            writer.int(date.day)
        }
        for text in [document.speaker, document.organization, document.venue, document.type, document.summary, document.subtitle, document.position] {
            writer.optional(text) { $0.string($1) }
        }
        writer.array(document.topics) { $0.int(topicNumber($1)) }
        writer.array(document.topicAnalysis) { writer, entry in
            writer.int(topicNumber(entry.topic))
            writer.array(entry.passages) { writer, passage in
                writer.int(passage.passage)
                writer.double(passage.score)
                writer.bool(passage.viaHeading)
            }
            writer.double(entry.share)
            writer.bool(entry.fromFrontMatter)
        }
        writer.bool(document.draft)
        write(document.body, to: &writer)
        writer.array(document.outline) { writer, entry in
            writer.int(entry.depth)
            writer.string(entry.title)
            writer.string(entry.anchor)
        }
        // The paragraphs of a section share its heading path: each path is written once and a
        // paragraph names its path by number, so a decoded document shares the arrays as a parsed
        // one does (a copy a paragraph was some 75 MB of a rebuild's peak at 10,000 documents).
        var paths: [(titles: [String], anchors: [String])] = []
        var pathNumbers: [Int] = []
        for passage in document.passages {
            if paths.last.map({ $0.titles != passage.headingPath || $0.anchors != passage.headingAnchors }) ?? true {
                paths.append((passage.headingPath, passage.headingAnchors))
            }
            pathNumbers.append(paths.count - 1)
        }
        writer.array(paths) { writer, path in
            writer.array(path.titles) { $0.string($1) }
            writer.array(path.anchors) { $0.string($1) }
        }
        writer.array(Array(zip(document.passages, pathNumbers))) { writer, numbered in
            let (passage, pathNumber) = numbered
            writer.int(passage.ordinal)
            writer.string(passage.anchor)
            writer.string(passage.text)
            writer.int(pathNumber)
            writer.optional(passage.bandKeys) { writer, keys in writer.array(keys) { $0.word($1) } }
        }
        writer.array(document.diagnosticLines.sorted { $0.key < $1.key }) { writer, line in
            writer.int(line.key)
            writer.string(line.value)
        }
        writer.int(document.bodyLineOffset)
        writer.word(document.sourceDigest)
        writer.byteRun(document.bigramCounts)
    }

    private func readDocument(_ reader: inout BinaryReader) -> Document? {
        guard let sourcePath = reader.string(), let displayPath = reader.string(), let slug = reader.string(),
              let pagePath = reader.string(), let title = reader.string(),
              let date = reader.optional({ reader -> DocumentDate? in
                  guard let year = reader.int(), let month = reader.int(), let day = reader.int() else { return nil }
                  return DocumentDate(year: year, month: month, day: day)
              }) else { return nil }
        var texts: [String?] = []
        for _ in 0..<7 {
            guard let text = reader.optional({ $0.string() }) else { return nil }
            texts.append(text)
        }
        guard let topics = reader.array({ topic(&$0) }),
              let analysis = reader.array({ reader -> DocumentTopic? in
                  guard let topic = topic(&reader),
                        let passages = reader.array({ reader -> TopicPassage? in
                            guard let passage = reader.int(), let score = reader.double(), let viaHeading = reader.bool() else { return nil }
                            return TopicPassage(passage: passage, score: score, viaHeading: viaHeading)
                        }),
                        let share = reader.double(), let fromFrontMatter = reader.bool() else { return nil }
                  return DocumentTopic(topic: topic, passages: passages, share: share, fromFrontMatter: fromFrontMatter)
              }),
              let draft = reader.bool(), let body = readNode(&reader, depth: 0),
              let outline = reader.array({ reader -> OutlineEntry? in
                  guard let depth = reader.int(), let title = reader.string(), let anchor = reader.string() else { return nil }
                  return OutlineEntry(depth: depth, title: title, anchor: anchor)
              }),
              let paths = reader.array({ reader -> (titles: [String], anchors: [String])? in
                  guard let titles = reader.array({ $0.string() }), let anchors = reader.array({ $0.string() }) else { return nil }
                  return (titles, anchors)
              }),
              let passages = reader.array({ reader -> Passage? in
                  guard let ordinal = reader.int(), let anchor = reader.string(), let text = reader.string(),
                        let pathNumber = reader.int(), paths.indices.contains(pathNumber),
                        let bandKeys = reader.optional({ reader in reader.array { $0.word() } }) else { return nil }
                  return Passage(ordinal: ordinal, anchor: anchor, text: text, headingPath: paths[pathNumber].titles,
                                 headingAnchors: paths[pathNumber].anchors, bandKeys: bandKeys)
              }),
              let diagnosticLines = reader.array({ reader -> (Int, String)? in
                  guard let number = reader.int(), let line = reader.string() else { return nil }
                  return (number, line)
              }),
              let bodyLineOffset = reader.int(), let sourceDigest = reader.word(),
              let bigramCounts = reader.byteRun() else { return nil }
        var document = Document(sourcePath: sourcePath, displayPath: displayPath, slug: slug, pagePath: pagePath, title: title,
                        subtitle: texts[5], date: date, speaker: texts[0], position: texts[6], organization: texts[1], venue: texts[2], type: texts[3], summary: texts[4],
                        topics: topics, topicAnalysis: analysis, draft: draft, body: body, outline: outline, passages: passages,
                        diagnosticLines: Dictionary(diagnosticLines, uniquingKeysWith: { first, _ in first }), bodyLineOffset: bodyLineOffset)
        document.sourceDigest = sourceDigest
        document.bigramCounts = bigramCounts
        return document
    }

    private func write(_ node: MarkdownNode, to writer: inout BinaryWriter) {
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
        writer.array(node.children) { write($1, to: &$0) }
    }

    /// Deeper than the parser ever nests (it flattens beyond `MarkdownParser.maximumDepth`):
    /// bytes that claim more are not a cache entry.
    private static let maximumDepth = 512

    private func readNode(_ reader: inout BinaryReader, depth: Int) -> MarkdownNode? {
        guard depth < Self.maximumDepth, let tag = reader.int() else { return nil }
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
              let children = reader.array({ readNode(&$0, depth: depth + 1) }) else { return nil }
        var node = MarkdownNode(kind: kind, children: children, line: line, byteColumn: byteColumn)
        node.anchor = anchor
        return node
    }
}
