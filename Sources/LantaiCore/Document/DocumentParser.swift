/// The parse stage: one `SourceFile` becomes one `Document`, with every problem reported.
public struct DocumentParser: Sendable {
    public let catalog: TopicCatalog
    /// The types a document may name (site.yml's and the defaults); nil accepts any.
    public let types: [DocumentType]?
    /// Made once: it compiles the catalog's signals.
    private let classifier: TopicClassifier
    /// What every parse reads besides its file, as a hash (`configuration(catalog:types:)`).
    private let configuration: UInt64

    public init(catalog: TopicCatalog, types: [DocumentType]? = nil) {
        self.catalog = catalog
        self.types = types
        classifier = TopicClassifier(catalog: catalog)
        configuration = Self.configuration(catalog: catalog, types: types)
    }

    /// What a parse reads besides the file: the topic catalogue and the document types (a
    /// document naming an unknown one is an error).
    static func configuration(catalog: TopicCatalog, types: [DocumentType]?) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(catalog)
        fingerprint.add(types)
        return fingerprint.hash
    }

    /// A hash of everything the parse of `file` reads: its paths and text and the configuration.
    /// The document carries it (`Document.sourceDigest`) and the build cache names parses by it.
    static func digest(of file: SourceFile, configuration: UInt64) -> UInt64 {
        digest(relativePath: file.relativePath, displayPath: file.displayPath, textHash: file.textHash, configuration: configuration)
    }

    /// The same from the hash of the text, which is all the build cache knows of a file it
    /// vouches for without reading it (`UnreadSource`).
    static func digest(relativePath: String, displayPath: String, textHash: UInt64, configuration: UInt64) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(configuration)
        fingerprint.add(relativePath)
        fingerprint.add(displayPath)
        fingerprint.add(textHash)
        return fingerprint.hash
    }

    public func parse(_ file: SourceFile) -> (Document?, [Diagnostic]) {
        let split: SplitSource
        switch SplitSource.split(file) {
        case .success(let value): split = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var diagnostics: [Diagnostic] = []
        var matter = FrontMatter()
        if let yaml = split.frontMatter {
            let (parsed, problems) = FrontMatter.parse(yaml, path: file.displayPath, firstLine: split.frontMatterFirstLine)
            matter = parsed
            diagnostics += problems
        }

        // One owner of the tree, so that the passes below change it in place instead of copying it.
        var (body, losses) = MarkdownParser.parseReporting(split.body)
        for footnote in losses.droppedFootnotes {
            let message = footnote.isRepeated
                ? Message(zh: "脚注“[^\(footnote.label)]”在这里又定义了一次：页面只显示第一个，这一个不会出现；给它换一个自己的标签",
                          en: "footnote '[^\(footnote.label)]' is defined a second time here; cmark-gfm shows only the first definition, so this one is left out; give it a label of its own")
                : Message(zh: "脚注“[^\(footnote.label)]”正文里没有引用，页面上不会出现：在正文里用 [^\(footnote.label)] 引用它，或者删掉它",
                          en: "footnote '[^\(footnote.label)]' is never referenced, so cmark-gfm leaves it out of the page; refer to it with [^\(footnote.label)] in the text, or delete it")
            diagnostics.append(.warning(message, in: file.displayPath,
                                        at: SourceLocation(inBody: split.body, lineOffset: split.bodyLineOffset, bodyLine: footnote.line, byteColumn: footnote.byteColumn)))
        }
        if let (line, byteColumn) = losses.firstFlattened {
            diagnostics.append(.warning(zh: "这里的引用和列表套了太多层（超过 \(MarkdownParser.maximumDepth) 层）：更深的内容会摊平显示在这一层",
                                        en: "quotes and lists are nested too deeply here (more than \(MarkdownParser.maximumDepth) levels of quotes, lists and items); what is deeper is shown flattened at this level",
                                        in: file.displayPath, at: SourceLocation(inBody: split.body, lineOffset: split.bodyLineOffset, bodyLine: line, byteColumn: byteColumn)))
        }
        if split.body.allSatisfy(\.isWhitespace) {
            let message = file.text.isEmpty
                ? Message(zh: "文件是空的：它的页面只有标题“\(Self.stem(of: file))”", en: "the file is empty; its page has only the title '\(Self.stem(of: file))'")
                : Message(zh: "开头的设置后面没有正文：它的页面是空的", en: "the document has no text after its front matter; its page will be empty")
            // The line after the front matter, or its last line when the file ends there without a newline.
            let lastLine = file.text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            diagnostics.append(.warning(message, in: file.displayPath, at: SourceLocation(line: min(split.bodyLineOffset + 1, lastLine), column: 1)))
        }
        let stem = Self.stem(of: file)
        let leadingTitle = Self.leadingTitle(of: body)
        let title = matter.title ?? leadingTitle ?? Self.firstLine(of: body) ?? stem
        // The page shows the title above the body; a leading heading that repeats it is dropped
        // so that it is neither shown twice nor counted in the outline's numbering.
        if leadingTitle != nil, leadingTitle == title { body.children.removeFirst() }
        var assigner = AnchorAssigner()
        assigner.assign(&body)

        if let types, let type = matter.type, !types.contains(where: { $0.name == type }) {
            let known = types.map(\.name).joined(separator: "、")
            diagnostics.append(.error(zh: "类型“\(type)”不是门户的文稿类型：改成其中之一（\(known)），或者先在 site.yml 的 types 里添加它",
                                      en: "type '\(type)' is not a document type of the site; use one of: \(known), or add it to 'types' in site.yml",
                                      in: file.displayPath, at: matter.typeLocation ?? .start))
        }

        var given: [Topic] = []
        var excluded: Set<String> = []
        for (key, names) in [("topics", matter.topics), ("exclude_topics", matter.excludeTopics)] {
            for name in names {
                guard let topic = catalog.topic(named: name.value) else {
                    let known = catalog.topics.map(\.name).joined(separator: "、")
                    diagnostics.append(.error(zh: "“\(key)”里的专题“\(name.value)”不在 \(TopicCatalog.fileName) 里：改成已有的专题之一（\(known)），或者先在 \(TopicCatalog.fileName) 里添加它",
                                              en: "topic '\(name.value)' in '\(key)' is not listed in \(TopicCatalog.fileName); add it there or use one of: \(known)",
                                              in: file.displayPath, at: name.location))
                    continue
                }
                if key == "topics" { if !given.contains(topic) { given.append(topic) } } else { excluded.insert(topic.slug) }
            }
        }
        let topicAnalysis = classifier.analyze(passages: assigner.passages, normalized: assigner.normalizedTexts, given: given, excluded: excluded)
        // Front-matter topics first, as written, then the ones the text carries, strongest first.
        let found = topicAnalysis.filter { !$0.fromFrontMatter && TopicClassifier.carries($0) }.sorted { $0.share > $1.share }
        let topics = given.filter { !excluded.contains($0.slug) } + found.map(\.topic)

        let slug = matter.slug ?? Slug.make(stem)
        let directory = file.relativePath.split(separator: "/").dropLast().map { Slug.make(String($0)) }
        let pagePath = (directory + [slug + ".html"]).joined(separator: "/")

        var document = Document(Document.Fields(
            sourcePath: file.relativePath,
            displayPath: file.displayPath,
            slug: slug,
            pagePath: pagePath,
            title: title,
            subtitle: matter.subtitle,
            date: matter.date ?? DocumentDate(fileNamePrefix: stem),
            speaker: matter.speaker,
            position: matter.position,
            organization: matter.organization,
            venue: matter.venue,
            type: matter.type,
            summary: matter.summary,
            topics: topics,
            topicAnalysis: topicAnalysis,
            draft: matter.draft,
            bodyTree: MarkdownBody(body),
            references: MarkdownReferences(of: body),
            outline: assigner.outline,
            passages: assigner.passages,
            diagnosticLines: Document.diagnosticLines(of: body, in: split.body),
            bodyLineOffset: split.bodyLineOffset))
        document.sourceDigest = Self.digest(of: file, configuration: configuration)
        document.bigramCounts = BigramCounts.encoded(normalized: [SearchNormalizer.normalize(title)] + assigner.normalizedTexts)
        return (document, diagnostics)
    }

    /// The file name without `.md`: the fallback title and slug.
    static func stem(of file: SourceFile) -> String {
        let fileName = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        return fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    }

    /// The text of a level-1 heading that opens the body.
    static func leadingTitle(of body: MarkdownNode) -> String? {
        guard let first = body.children.first, case .heading(level: 1) = first.kind else { return nil }
        return first.plainText.nonBlank
    }

    /// The first line of the body's first block, for files with neither front matter nor a title.
    static func firstLine(of body: MarkdownNode) -> String? {
        guard let first = body.children.first else { return nil }
        return first.plainText.split(separator: "\n").first.map(String.init)?.nonBlank
    }
}
