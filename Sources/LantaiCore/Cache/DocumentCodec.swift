/// A parse (the document, or none, and its diagnostics) as bytes for the build cache, and back.
/// Topics are written as their place in the catalog the parse used: a cache entry is only read
/// under the same catalog (`DocumentCache` keys entries by it).
///
/// An entry is the length of its head (eight bytes, low first), the head (everything but the
/// Markdown tree and the paragraphs' texts, with the size and hash of each), the tree's bytes
/// (`MarkdownBody`) and the texts' (`StoredPassageTexts`): a build reads the heads of ten
/// thousand entries, and the trees and texts of the few documents it renders or compares anew.
struct DocumentCodec {
    let catalog: TopicCatalog

    /// The paragraphs' texts of a decoded document: at hand, or left in the entry's file.
    enum Texts {
        case inline([String])
        case stored(StoredPassageTexts)
    }

    func encode(_ document: Document?, _ diagnostics: [Diagnostic]) -> [UInt8] {
        var tree: [UInt8] = []
        var texts: [UInt8] = []
        var writer = BinaryWriter()
        writer.array(diagnostics) { writer, diagnostic in
            writer.string(diagnostic.path)
            writer.int(diagnostic.line)
            writer.int(diagnostic.column)
            writer.bool(diagnostic.severity == .error)
            writer.string(diagnostic.text.zh)
            writer.string(diagnostic.text.en)
        }
        writer.optional(document) { writer, document in
            let body = document.bodyTree.encoded()
            tree = body.bytes
            let stored = StoredPassageTexts.encode(document.passages.map(\.text))
            texts = stored.bytes
            write(document, tree: StoredBytes(count: body.bytes.count, check: body.check), texts: stored.span, to: &writer)
        }
        var entry: [UInt8] = []
        entry.reserveCapacity(8 + writer.bytes.count + tree.count + texts.count)
        withUnsafeBytes(of: UInt64(writer.bytes.count).littleEndian) { entry += $0 }
        entry += writer.bytes
        entry += tree
        entry += texts
        return entry
    }

    /// A whole entry, its tree kept as bytes and its texts decoded (both checked now).
    func decode(_ bytes: [UInt8]) -> (document: Document?, diagnostics: [Diagnostic])? {
        guard let headCount = Self.headCount(bytes), bytes.count >= 8 + headCount else { return nil }
        let treeStart = 8 + headCount
        return decode(head: Array(bytes[8..<treeStart])) { tree, texts, _, _ in
            let textStart = treeStart + tree.count
            guard bytes.count == textStart + texts.count, let body = MarkdownBody(bytes: Array(bytes[treeStart..<textStart]), check: tree.check),
                  let decoded = StoredPassageTexts.decode(Array(bytes[textStart...]), check: texts.check) else { return nil }
            return (body, .inline(decoded))
        }
    }

    /// The length of the head, from an entry's first eight bytes; nil when there are not eight.
    static func headCount(_ prefix: [UInt8]) -> Int? {
        guard prefix.count >= 8 else { return nil }
        let count = prefix.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return count <= UInt64(Int.max - 8) ? Int(count) : nil
    }

    /// An entry from its head; `stored` gives the document's tree and texts from their spans
    /// after the head, the number of paragraphs and the document's display path (nil when the
    /// entry cannot hold them).
    func decode(head: [UInt8], stored: (_ tree: StoredBytes, _ texts: StoredBytes, _ passages: Int, _ displayPath: String) -> (MarkdownBody, Texts)?)
        -> (document: Document?, diagnostics: [Diagnostic])? {
        var reader = BinaryReader(head)
        guard let diagnostics = reader.array({ reader -> Diagnostic? in
            guard let path = reader.string(), let line = reader.int(), let column = reader.int(),
                  let isError = reader.bool(), let chinese = reader.string(), let english = reader.string() else { return nil }
            return Diagnostic(path: path, line: line, column: column, severity: isError ? .error : .warning, text: Message(zh: chinese, en: english))
        }), let document = reader.optional({ readDocument(&$0, stored: stored) }), reader.atEnd else { return nil }
        return (document, diagnostics)
    }

    private func topicNumber(_ topic: Topic) -> Int {
        catalog.topics.firstIndex(of: topic) ?? -1
    }

    private func topic(_ reader: inout BinaryReader) -> Topic? {
        guard let number = reader.int(), catalog.topics.indices.contains(number) else { return nil }
        return catalog.topics[number]
    }

    private func write(_ document: Document, tree: StoredBytes, texts: StoredBytes, to writer: inout BinaryWriter) {
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
        for span in [tree, texts] {
            writer.int(span.count)
            writer.word(span.check)
        }
        writer.array(document.references.references) { writer, reference in
            writer.string(reference.destination)
            writer.bool(reference.isImage)
        }
        writer.bool(document.references.hasRawHTML)
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

    private func readDocument(_ reader: inout BinaryReader, stored: (StoredBytes, StoredBytes, Int, String) -> (MarkdownBody, Texts)?) -> Document? {
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
              let draft = reader.bool(), let treeCount = reader.int(), treeCount >= 0, let treeCheck = reader.word(),
              let textCount = reader.int(), textCount >= 0, let textCheck = reader.word(),
              let references = reader.array({ reader -> MarkdownReferences.Reference? in
                  guard let destination = reader.string(), let isImage = reader.bool() else { return nil }
                  return MarkdownReferences.Reference(destination: destination, isImage: isImage)
              }), let hasRawHTML = reader.bool(),
              let outline = reader.array({ reader -> OutlineEntry? in
                  guard let depth = reader.int(), let title = reader.string(), let anchor = reader.string() else { return nil }
                  return OutlineEntry(depth: depth, title: title, anchor: anchor)
              }),
              let paths = reader.array({ reader -> (titles: [String], anchors: [String])? in
                  guard let titles = reader.array({ $0.string() }), let anchors = reader.array({ $0.string() }) else { return nil }
                  return (titles, anchors)
              }),
              let passages = reader.array({ reader -> (ordinal: Int, anchor: String, path: Int, bandKeys: [UInt64]?)? in
                  guard let ordinal = reader.int(), let anchor = reader.string(),
                        let pathNumber = reader.int(), paths.indices.contains(pathNumber),
                        let bandKeys = reader.optional({ reader in reader.array { $0.word() } }) else { return nil }
                  return (ordinal, anchor, pathNumber, bandKeys)
              }),
              let diagnosticLines = reader.array({ reader -> (Int, String)? in
                  guard let number = reader.int(), let line = reader.string() else { return nil }
                  return (number, line)
              }),
              let bodyLineOffset = reader.int(), let sourceDigest = reader.word(),
              let bigramCounts = reader.byteRun(),
              let (body, paragraphTexts) = stored(StoredBytes(count: treeCount, check: treeCheck), StoredBytes(count: textCount, check: textCheck), passages.count, displayPath)
        else { return nil }
        if case .inline(let texts) = paragraphTexts, texts.count != passages.count { return nil }
        let passageList = passages.enumerated().map { index, passage in
            let text: Passage.TextSource = switch paragraphTexts {
            case .inline(let texts): .inline(texts[index])
            case .stored(let stored): .stored(stored, index)
            }
            return Passage(ordinal: passage.ordinal, anchor: passage.anchor, text: text, headingPath: paths[passage.path].titles,
                           headingAnchors: paths[passage.path].anchors, bandKeys: passage.bandKeys)
        }
        var document = Document(Document.Fields(sourcePath: sourcePath, displayPath: displayPath, slug: slug, pagePath: pagePath, title: title,
                        subtitle: texts[5], date: date, speaker: texts[0], position: texts[6], organization: texts[1], venue: texts[2], type: texts[3], summary: texts[4],
                        topics: topics, topicAnalysis: analysis, draft: draft, bodyTree: body,
                        references: MarkdownReferences(references: references, hasRawHTML: hasRawHTML), outline: outline, passages: passageList,
                        diagnosticLines: Dictionary(diagnosticLines, uniquingKeysWith: { first, _ in first }), bodyLineOffset: bodyLineOffset))
        document.sourceDigest = sourceDigest
        document.bigramCounts = bigramCounts
        return document
    }
}
