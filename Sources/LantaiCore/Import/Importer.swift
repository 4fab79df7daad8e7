import Foundation

/// One speech cut out of a source file, ready to be written.
public struct ImportedSpeech: Sendable, Hashable {
    public var metadata: SpeechMetadata
    public var blocks: [ImportBlock]
    /// The source lines the speech came from.
    public var sourceLines: ClosedRange<Int>
    /// `<slug>.md`.
    public var fileName: String
    public var markdown: String
}

/// What importing one file gave: its speeches and everything removed from it.
public struct ImportResult: Sendable, Hashable {
    public var sourceName: String
    public var encoding: String
    public var checksum: String
    public var speeches: [ImportedSpeech]
    public var removals: [Removal]
}

/// Options of an import that change the text.
public struct ImportOptions: Sendable {
    /// Keep half-width punctuation in Chinese text as it was.
    public var keepPunctuation = false
    /// The encoding the user named (`--encoding`, one of `ImportDecoder.forcible`); nil lets
    /// the decoder tell.
    public var encoding: String?

    public init(keepPunctuation: Bool = false, encoding: String? = nil) {
        self.keepPunctuation = keepPunctuation
        self.encoding = encoding
    }
}

/// Turns the bytes of a file people hold (text, Word, PDF, a saved web page) into clean Markdown
/// documents: read its lines by its format (`SourceReader`), clean them, fix punctuation, join
/// lines wrapped at one width, split where a new speech starts, read each speech's head lines,
/// metadata and outline, write Markdown. A pure function of its inputs (a PDF is read through
/// pdftotext); `ImportWriter` does the disk.
public struct Importer: Sendable {
    public var rules: ImportRules
    public var options: ImportOptions

    public init(rules: ImportRules = .defaults(), options: ImportOptions = ImportOptions()) {
        self.rules = rules
        self.options = options
    }

    /// Imports a file's bytes; `name` is the path shown in messages, and its last component is
    /// recorded as the document's source.
    public func importFile(_ bytes: [UInt8], name: String) -> Result<ImportResult, Diagnostic> {
        let sourceName = (name as NSString).lastPathComponent
        if Self.isLegacyOffice(bytes, name: sourceName) {
            return .failure(.error(zh: "这是老版本的 Word 或 WPS 文件（.doc、.wps），lantai 读不了：用 Word 或 WPS 打开，另存为 .docx（文件 → 另存为 → Word 文档），再导入 .docx", en: "an old Word or WPS file (.doc, .wps), which lantai cannot read: open it in Word or WPS, save it as .docx (文件 → 另存为 → Word 文档), and import the .docx", in: name))
        }
        let extracted: ExtractedText
        switch SourceReader.read(bytes, name: name, encoding: options.encoding) {
        case .success(let text): extracted = text
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        var (lines, removals) = LineCleaner(rules: rules).clean(extracted.lines)
        removals += extracted.removals
        if !options.keepPunctuation {
            for index in lines.indices {
                if case .tableRow? = lines[index].hint { continue }
                lines[index].text = PunctuationFixer.fix(lines[index].text)
                if case .lead(let lead)? = lines[index].hint { lines[index].hint = .lead(PunctuationFixer.fix(lead)) }
            }
        }
        guard !lines.isEmpty else {
            return .failure(.error(zh: "清理之后没有剩下正文（去掉了 \(removals.count) 处）：用 --report 看看去掉了什么", en: "no text left to import after cleaning (\(removals.count) lines removed)", in: name))
        }
        let checksum = SourceChecksum.hex(bytes)
        let splitter = SpeechSplitter(rules: rules)
        if extracted.mayBeHardWrapped {
            lines = HardWrappedLines.join(lines) { text in
                SpeechStructure.startsNumbered(Simplified.fold(text)) || HeadLine.read(text) != nil
                    || splitter.isSalutation(text) || SeparatorLine.matches(text)
            }
        }
        let split = splitter.split(lines)
        removals += split.removals
        var speeches: [ImportedSpeech] = []
        for part in split.parts {
            let (speech, moved) = assemble(part, splitter: splitter, extracted: extracted, collection: split.collectionTitle,
                                           provenance: (sourceName, checksum))
            speeches.append(speech)
            removals += moved
        }
        removals.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return .success(ImportResult(sourceName: sourceName, encoding: extracted.encoding, checksum: checksum,
                                     speeches: speeches, removals: removals))
    }

    /// One speech from its lines: the title, the head lines under it (into the front matter),
    /// the metadata, the blocks and the Markdown. Returns what it took out of the text.
    private func assemble(_ part: [SourceLine], splitter: SpeechSplitter, extracted: ExtractedText, collection: String?,
                          provenance: (sourceName: String, checksum: String)) -> (ImportedSpeech, [Removal]) {
        var removals: [Removal] = []
        var body = part[...]
        var title: String?
        if body[body.startIndex].hint == .title || splitter.isTitleLike(body[body.startIndex].text) {
            title = body.removeFirst().text
            // A title pasted twice.
            while let next = body.first, next.text == title {
                removals.append(Removal(line: next.number, column: 1, text: next.original, rule: "repeated title", wholeLine: true))
                body.removeFirst()
            }
        }
        var head: [HeadLine] = []
        while head.count < SpeechSplitter.headLimit, let first = body.first, let line = HeadLine.read(first.text) {
            head.append(line)
            removals.append(Removal(line: first.number, column: 1, text: first.original, rule: line.field, wholeLine: true, movedToFrontMatter: true))
            body.removeFirst()
        }
        let texts = body.map(\.text)
        var metadata = SpeechMetadata.read(.init(title: title, head: head, body: texts), rules: rules)
        metadata.collection = collection
        let blocks = SpeechStructure.blocks(Array(body)) + Self.footnotes(referencedIn: texts, from: extracted.footnotes)
        let range = part[0].number...part[part.count - 1].number
        let markdown = ImportedMarkdown.render(metadata, blocks: blocks, provenance: .init(
            sourceName: provenance.sourceName, sourceLines: range, checksum: provenance.checksum, encoding: extracted.encoding))
        let speech = ImportedSpeech(metadata: metadata, blocks: blocks, sourceLines: range, fileName: metadata.slug + ".md", markdown: markdown)
        return (speech, removals)
    }

    /// Word 97–2003 and WPS files: an OLE compound file (D0 CF 11 E0 A1 B1 1A E1), or named so.
    static func isLegacyOffice(_ bytes: [UInt8], name: String) -> Bool {
        let extensionName = (name as NSString).pathExtension.lowercased()
        return bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || ["doc", "wps", "dot", "wpt"].contains(extensionName)
    }

    /// The footnotes whose references are in a speech's text, in the order of their references.
    static func footnotes(referencedIn texts: [String], from notes: [(label: String, text: String)]) -> [ImportBlock] {
        guard !notes.isEmpty else { return [] }
        var labels: [String] = []
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: FootnoteMark.open), let close = rest[open...].firstIndex(of: FootnoteMark.close) {
                let label = String(rest[rest.index(after: open)..<close])
                if !labels.contains(label) { labels.append(label) }
                rest = rest[rest.index(after: close)...]
            }
        }
        return labels.compactMap { label in notes.first { $0.label == label }.map { .footnote(label: label, text: $0.text) } }
    }
}
