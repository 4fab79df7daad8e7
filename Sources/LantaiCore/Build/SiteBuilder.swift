import Foundation

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    public var output: URL
    /// How the content and theme folders are spelled in diagnostics.
    public var contentDisplay: String
    public var themeDisplay: String
    public var includeDrafts = false
    /// The build cache's folder (`BuildCache`); nil keeps nothing, and every build parses and
    /// writes everything.
    public var cache: URL?
    /// The language of the stage lines and progress the build reports (its diagnostics carry both).
    public var language: Language = .en

    public init(content: URL, theme: URL, output: URL, contentDisplay: String? = nil, themeDisplay: String? = nil) {
        self.content = content
        self.theme = theme
        self.output = output
        self.contentDisplay = contentDisplay ?? content.path
        self.themeDisplay = themeDisplay ?? theme.path
        self.cache = Self.defaultCache(for: output)
    }

    /// `.lantai-cache/<output name>` beside the output folder.
    public static func defaultCache(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".lantai-cache").appendingPathComponent(output.lastPathComponent)
    }
}

/// The build pipeline: load → parse → analyze → render → index → write, each a named, timed stage.
/// Load reads the disk; render and index write each file into a staging folder as they make it
/// (only the files whose bytes changed, when the cache holds the manifest of the output);
/// write copies the static files and puts the staged files in place.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Receives one line per stage (`[2/5] parse: 120 documents in 0.04 s`).
    public var log: @Sendable (String) -> Void
    /// Parses kept from the previous build of this process; nil parses every file.
    public var memory: ParseMemory?
    /// Keeps what the render used, for quick pages of edited documents (`lantai serve`); nil keeps nothing.
    public var preview: PagePreview?
    /// Receives the progress of the long stages (parse, render, index); nil for none.
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(options: BuildOptions, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.log = log
    }

    /// A counter for the stage about to end next (the stage log counts the ended ones).
    private func counter(_ stages: StageLog, _ name: String, _ total: Int, _ unit: Message) -> ProgressCounter {
        let report = progress ?? { _ in }
        return ProgressCounter(BuildProgress(stage: stages.times.count + 1, stageCount: stages.count, name: say(Self.stageNames[name] ?? Message(zh: name, en: name)),
                                             done: 0, total: total, unit: say(unit)),
                               report: report)
    }

    /// The stages as the log names them.
    static let stageNames: [String: Message] = [
        "load": Message(zh: "读取", en: "load"), "parse": Message(zh: "解析", en: "parse"), "links": Message(zh: "链接", en: "links"),
        "analyze": Message(zh: "分析", en: "analyze"), "render": Message(zh: "生成页面", en: "render"),
        "index": Message(zh: "检索索引", en: "index"), "write": Message(zh: "写出", en: "write"),
    ]

    /// A line of the log in the build's language.
    func say(_ message: Message) -> String { message.text(options.language) }

    func say(zh: String, en: String) -> String { options.language == .zh ? zh : en }

    /// What loading and parsing produced: the stages `build` and `check` share.
    struct Parsed {
        var tree: ContentTree
        var theme: Result<Theme, BuildFailure>
        var all: [Document]
        var published: [Document]
        var diagnostics: [Diagnostic]
        /// Whether the build hands freed memory back between stages (`MemoryTrim`): only when it
        /// parsed more than a tenth of the documents anew. An update that took nearly every parse
        /// from the cache or from memory makes little garbage and reaches its peak before the
        /// first trim, while the trims ran on one core and their pages were faulted in again
        /// (an edit at 10,000 documents without them: CPU 5.3 → 4.9 s, wall 3.4 → 3.1 s, medians
        /// of six alternated runs; the peak 880 MB either way).
        var trimsMemory: Bool
        /// The last parse's documents of files whose text changed since (`DocumentCache.Parsed.previous`).
        var previous: [String: Document] = [:]
        /// What the paragraphs' texts left in the build cache gave when read; nil when no parse came from there.
        var storedTexts: StoredTextLog?

        /// Lets the documents' bigram counts go (the analysis reads them from its own copy).
        mutating func forgetBigramCounts() {
            for index in all.indices { all[index].bigramCounts = [] }
            for index in published.indices { published[index].bigramCounts = [] }
        }

        /// Resolves links between the documents, drafts included (a draft may be linked to).
        var resolver: LinkResolver {
            LinkResolver(pageOfSource: Dictionary(all.map { ($0.sourcePath, $0.pagePath) }, uniquingKeysWith: { first, _ in first }),
                         staticFiles: Set(tree.staticFiles), documents: all, config: tree.config)
        }
    }

    /// `cached`: parses are read from and kept in the build cache (`lantai build`; `lantai check`
    /// leaves the cache as the last build left it).
    func loadAndParse(_ stages: StageLog, cached: Bool) throws -> Parsed {
        // Files the cache vouches for are not read (`SourceStamps`); only where the parses come
        // from the cache, since the cache is then what has them.
        let cache = cached && memory == nil ? options.cache.map(BuildCache.init) : nil
        let loader = ContentLoader(contentDirectory: options.content, displayPrefix: options.contentDisplay)
        let stamps = cache?.readSourceStamps()
        var (tree, theme) = try stages.run("load") {
            let tree = try loader.load(vouched: stamps)
            let theme = Theme.load(from: options.theme, displayPrefix: options.themeDisplay)
            let files = tree.sources.count + tree.unread.count
            return ((tree, theme), say(zh: "\(files) 个 Markdown 文件（读了 \(tree.sources.count) 个），\(tree.staticFiles.count) 个其他文件",
                                       en: "\(files) Markdown files (\(tree.sources.count) read), \(tree.staticFiles.count) other files"))
        }
        var diagnostics = tree.diagnostics
        if case .failure(let failure) = theme { diagnostics += failure.diagnostics }
        let parser = DocumentParser(catalog: tree.catalog, types: tree.config.documentTypes)
        let parsed = stages.run("parse") {
            let counter = counter(stages, "parse", tree.sources.count + tree.unread.count, Message(zh: "篇", en: "documents"))
            if let memory {
                let results = memory.parse(tree.sources, with: parser, tick: counter.tick)
                return ((results: results, parsedAnew: results.count - memory.lastReused, previous: memory.lastPrevious, storedTexts: StoredTextLog?.none), say(zh: "\(results.count) 篇文稿", en: "\(results.count) documents"))
            }
            if let cache {
                let parses = cache.parses(catalog: tree.catalog, types: tree.config.documentTypes)
                let parsed = parses.parse(tree.sources, unread: tree.unread, read: { loader.source(reading: $0.relativePath) },
                           previousTextHashes: stamps?.records.mapValues(\.textHash) ?? [:], with: parser, tick: counter.tick)
                // A failed write costs only reading the files again next time.
                try? cache.writeSourceStamps(.recording(stamps: tree.stamps, textHashes: parsed.textHashes, listedAt: tree.listedAt))
                let results = parsed.results
                return ((results: results, parsedAnew: results.count - parsed.reused, previous: parsed.previous, storedTexts: parses.textLog), say(zh: "\(results.count) 篇文稿（解析了 \(results.count - parsed.reused) 篇）", en: "\(results.count) documents (\(results.count - parsed.reused) parsed)"))
            }
            let results = Parallel.map(tree.sources) { source in defer { counter.tick() }; return parser.parse(source) }
            return ((results: results, parsedAnew: results.count, previous: [String: Document](), storedTexts: StoredTextLog?.none), say(zh: "\(results.count) 篇文稿", en: "\(results.count) documents"))
        }
        // The documents keep what later stages need of the text; the files' text goes now
        // (a fifth of the memory a build holds).
        tree.sources = []
        let trimsMemory = parsed.parsedAnew * 10 > parsed.results.count
        if trimsMemory { MemoryTrim.releaseFreedPages() }
        diagnostics += parsed.results.flatMap(\.1)
        let all = parsed.results.compactMap(\.0)
        return Parsed(tree: tree, theme: theme, all: all, published: options.includeDrafts ? all : all.filter { !$0.draft },
                      diagnostics: diagnostics, trimsMemory: trimsMemory, previous: parsed.previous, storedTexts: parsed.storedTexts)
    }

    /// `lantai check`: reads and parses every file, checks pages, links and topics, writes nothing.
    public func check() throws -> CheckSummary {
        let stages = StageLog(count: 3, language: options.language, log: log)
        let parsed = try loadAndParse(stages, cached: false)
        var diagnostics = parsed.diagnostics
        stages.run("links") {
            diagnostics += Corpus.pageCollisions(parsed.published)
            if case .success(let theme) = parsed.theme {
                diagnostics += OutputCollisions.beforeRendering(documents: parsed.published, contentFiles: parsed.tree.staticFiles, themeFiles: theme.staticFiles,
                                                                catalog: parsed.tree.catalog, contentDisplay: options.contentDisplay)
            }
            let resolver = parsed.resolver
            let problems = Parallel.map(parsed.published) { BodyRenderer.render($0, resolver: resolver).diagnostics }
            diagnostics += problems.flatMap { $0 }
            return ((), say(zh: "\(parsed.published.count) 篇文稿", en: "\(parsed.published.count) documents"))
        }
        return CheckSummary(documents: parsed.published.count, drafts: parsed.all.count - parsed.published.count, diagnostics: diagnostics)
    }

    /// What the stages up to the render leave for the index and write stages.
    struct Rendered {
        /// The documents without their Markdown trees and body text, which only the render needs.
        var corpus: Corpus
        var sink: OutputSink
        /// The fingerprints of the pages' inputs, for the next build.
        var pageInputs: PageFingerprints
        /// What the last build left, when it describes the output in place.
        var previous: BuildState?
        var theme: Theme
        var pageCount: Int
        var draftCount: Int
        var staticFiles: [String]
        var diagnostics: [Diagnostic]
        /// `Parsed.trimsMemory`.
        var trimsMemory: Bool
        /// `Parsed.storedTexts`.
        var storedTexts: StoredTextLog?
    }

    /// Load, parse, analyze and render. A function of its own so that everything the render
    /// needed (Markdown trees, the link resolver, every document in full) is released when it
    /// returns, before the index stage fills its posting lists.
    /// What the analysis leaves in the build cache is written on a thread of its own, in
    /// `cacheWrites` (a build waits for it before it returns): 30 MB at 10,000 documents, which
    /// kept the render waiting a tenth of a second in every edit.
    func loadAnalyzeAndRender(_ stages: StageLog, writer: OutputWriter, previous: BuildState?, cacheWrites: DispatchGroup) throws -> Rendered {
        var parsed = try loadAndParse(stages, cached: true)
        let (tree, theme) = (parsed.tree, parsed.theme)
        var diagnostics = parsed.diagnostics

        // The analysis gets the one copy of the documents that holds their bigram counts, so
        // that they go as soon as it has read them.
        var forAnalysis = parsed.published
        parsed.forgetBigramCounts()
        let corpus = stages.run("analyze") {
            var parts = PartTimes()
            let cache = options.cache.map(BuildCache.init)
            var memory = Corpus.Memory()
            memory.readPairs = { cache?.readPairMeasures() }
            memory.ranking = cache?.readRelatedRanking()
            memory.similar = cache?.readSimilarPassages()
            memory.previous = parsed.previous
            let (ranked, found) = (memory.ranking, memory.similar)
            var documents: [Document] = []
            swap(&documents, &forAnalysis)
            let (corpus, problems) = Corpus.analyze(consume documents, config: tree.config, catalog: tree.catalog, memory: &memory, parts: &parts)
            // Each file only when it changed (a build whose analysis took everything from the last one leaves them as they are).
            let pairs = memory.pairsChanged ? memory.pairs : nil
            let ranking = memory.ranking != ranked ? memory.ranking : nil
            let similar = memory.similar != found ? memory.similar : nil
            DispatchQueue.global().async(group: cacheWrites) {
                if let pairs { try? cache?.writePairMeasures(pairs) }
                if let ranking { try? cache?.writeRelatedRanking(ranking) }
                if let similar { try? cache?.writeSimilarPassages(similar) }
            }
            diagnostics += problems
            return (corpus, say(zh: "\(corpus.catalog.topics.count) 个专题，\(corpus.years.count) 个年份（\(parts.summary)）", en: "\(corpus.catalog.topics.count) topics, \(corpus.years.count) years (\(parts.summary))"))
        }

        let (all, published, trims) = (parsed.all, parsed.published, parsed.trimsMemory)
        if trims { MemoryTrim.releaseFreedPages() }
        let resolver = parsed.resolver
        // From the render on, every file goes straight into the staging folder, which replaces
        // the output only when everything succeeded. Each document's body, page view and HTML
        // are made and written one document at a time (on every core), so the stage never holds
        // the whole site: only the links between documents are gathered first, for the backlinks.
        let (pageCount, sink, loadedTheme, backlinks, pageInputs) = try stages.run("render") {
            guard case .success(let loadedTheme) = theme, !diagnostics.hasErrors else {
                // Nothing is written, but the bodies' problems are reported with the others.
                diagnostics += Parallel.map(corpus.documents) { BodyRenderer.render($0, resolver: resolver).diagnostics }.flatMap { $0 }
                throw BuildFailure(diagnostics: diagnostics)
            }
            let notes = Parallel.map(Array(corpus.documents.indices)) { SimilarPassageNotes.notes(for: $0, in: corpus) }
            let bodies = Parallel.map(Array(corpus.documents.indices)) { BodyRenderer.inputs(of: corpus.documents[$0], resolver: resolver, notes: notes[$0]) }
            let planner = PagePlanner(corpus: corpus, links: bodies.map(\.linkedPages))
            let listPages = planner.listPages()
            let pageCount = listPages.count + corpus.documents.count
            let sink = try writer.makeSink(previous: previous?.output)
            // A page made from the same inputs as in the output is not rendered again.
            let inputs = PageFingerprints(previous: sink.previous == nil ? nil : previous?.pageInputs)
            let counter = counter(stages, "render", pageCount, Message(zh: "页", en: "pages"))
            // Renders and writes `page`; returns the name of its template when the theme lacks it.
            let write: @Sendable (PlannedPage) -> String? = { page in
                guard let html = loadedTheme.render(page) else {
                    inputs.forget(page.path)
                    return page.template
                }
                sink.write(html, to: page.path)
                return nil
            }
            let missing = Parallel.map(listPages) { page in
                defer { counter.tick() }
                return inputs.carryOver(page, theme: loadedTheme, sink: sink) ? nil : write(page)
            }
            // A document's page is fingerprinted with its body's inputs in place of the body, so
            // a page carried over costs no render of its body.
            let documents = Parallel.map(Array(corpus.documents.indices)) { index -> (diagnostics: [Diagnostic], missing: String?) in
                defer { counter.tick() }
                let body = bodies[index]
                let shell = planner.documentPage(index, body: body.fingerprint)
                if body.reports {
                    inputs.record(shell, theme: loadedTheme)
                } else if inputs.carryOver(shell, theme: loadedTheme, sink: sink) {
                    return ([], nil)
                }
                // A tree the cache kept is read now, for the page that needs it.
                var document = corpus.documents[index]
                guard let tree = document.bodyTree.loaded() else {
                    return ([.error(zh: "读不回生成缓存里这篇文稿的结构（缓存在生成过程中被改动、删除或已损坏）：请运行 lantai build --clean 重新生成",
                                    en: "cannot read this document's tree back from the build cache (changed, removed or damaged during the build): run lantai build --clean",
                                    in: document.displayPath)], nil)
                }
                document.bodyTree = tree
                let rendered = BodyRenderer.render(document, resolver: resolver, afterParagraph: SimilarPassageNotes.html(notes[index], onPage: document.pagePath))
                return (rendered.diagnostics, write(planner.documentPage(index, body: rendered.html)))
            }
            diagnostics += documents.flatMap(\.diagnostics)
            sink.write(SiteFeeds.atom(corpus), to: SiteFeeds.feedPath)
            sink.write(SiteFeeds.sitemap(pages: listPages.map(\.path) + corpus.documents.map { $0.pagePath }, corpus: corpus), to: SiteFeeds.sitemapPath)
            for template in Set((missing + documents.map(\.missing)).compactMap { $0 }).sorted() {
                diagnostics.append(.error(zh: "主题里没有模板“\(template).mustache”", en: "the theme has no template '\(template).mustache'", in: "\(options.themeDisplay)/templates"))
            }
            if diagnostics.hasErrors {
                writer.discard(sink.staging)
                throw BuildFailure(diagnostics: diagnostics)
            }
            let carried = inputs.carriedOver
            return ((pageCount, sink, loadedTheme, planner.backlinks, inputs),
                    say(zh: "\(pageCount) 页" + (carried > 0 ? "（生成了 \(pageCount - carried) 页）" : ""), en: "\(pageCount) pages" + (carried > 0 ? " (\(pageCount - carried) rendered)" : "")))
        }
        var slim = corpus
        slim.documents = Parallel.map(corpus.documents) { $0.slimmedAfterRender() }
        preview?.remember(PagePreview.State(
            corpus: slim, backlinks: backlinks, resolver: resolver, theme: loadedTheme, parser: DocumentParser(catalog: tree.catalog, types: tree.config.documentTypes),
            content: options.content, contentDisplay: options.contentDisplay, includeDrafts: options.includeDrafts,
            indexOfSource: Dictionary(slim.documents.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })))
        return Rendered(corpus: slim, sink: sink, pageInputs: pageInputs, previous: sink.previous == nil ? nil : previous, theme: loadedTheme, pageCount: pageCount,
                        draftCount: all.count - published.count, staticFiles: tree.staticFiles, diagnostics: diagnostics, trimsMemory: trims,
                        storedTexts: parsed.storedTexts)
    }

    public func build() throws -> BuildSummary {
        let started = Date()
        let stages = StageLog(count: 6, language: options.language, log: log)

        if let problem = OutputWriter.checkSafe(output: options.output, content: options.content, theme: options.theme,
                                                workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
            throw BuildFailure(problem)
        }
        MemoryTrim.trimOnlyWhenAsked
        let writer = OutputWriter(output: options.output)
        let cache = options.cache.map(BuildCache.init)
        // A publish a killed build left unfinished is finished first, and the state made to
        // describe what it finished (or, if it cannot be, none).
        let completion = writer.completeUnfinishedPublish()
        cache?.settle(after: completion)
        let state = cache?.readState()
        // What the build is done with is freed on another thread when it returns.
        let release = LaterRelease()
        defer { release.releaseInBackground() }
        let cacheWrites = DispatchGroup()
        defer { cacheWrites.wait() }
        var rendered = try loadAnalyzeAndRender(stages, writer: writer, previous: state, cacheWrites: cacheWrites)
        // The corpus has one holder, so that the index can let its text go as it reads it.
        var corpus = rendered.corpus
        rendered.corpus.documents = []
        let (sink, loadedTheme, trims) = (rendered.sink, rendered.theme, rendered.trimsMemory)
        if trims { MemoryTrim.releaseFreedPages() }
        do {
            let (index, numbers) = stages.run("index") {
                let counter = counter(stages, "index", corpus.documents.count, Message(zh: "篇", en: "documents"))
                // The topics' data first: it quotes passages, which the index lets go.
                do {
                    let topics = TopicData(corpus)
                    if !rendered.pageInputs.carryOver(TopicData.path, inputs: topics.fingerprint(), sink: sink) {
                        sink.write(topics.bytes(), to: TopicData.path)
                    }
                }
                let numbers = DocumentNumbers.assign(corpus.documents.map { $0.sourcePath }, previous: state?.numbers)
                let index = SearchIndex.write(&corpus, numbers: numbers, to: sink, previous: rendered.previous?.search, tick: counter.tick)
                if trims { MemoryTrim.releaseFreedPages() }
                return ((index, numbers), say(zh: "\(index.files) 个检索文件\(index.patched ? "（在上次的基础上修补）" : "")，\(TopicData.path)",
                                   en: "\(index.files) search files\(index.patched ? " (patched)" : ""), \(TopicData.path)"))
            }
            try stages.run("write") {
                for path in loadedTheme.staticFiles {
                    sink.write(try loadedTheme.staticContents(path), to: "static/" + path)
                }
                for path in rendered.staticFiles {
                    try sink.copy(options.content.appendingPathComponent(path), to: LinkResolver.outputPath(ofStatic: path))
                }
                if let failure = sink.firstFailure {
                    throw BuildFailure(.error(zh: "写不了页面：\(failure)", en: "cannot write the page: \(failure)", in: options.output.path))
                }
                // Every reader of the paragraphs' texts has run: a text the cache could not give
                // back read as empty, so nothing made from it may be published.
                if let lost = rendered.storedTexts?.lost, !lost.isEmpty {
                    throw BuildFailure(diagnostics: lost.map { path in
                        .error(zh: "读不回生成缓存里这篇文稿的段落（缓存在生成过程中被改动、删除或已损坏）：请运行 lantai build --clean 重新生成",
                               en: "cannot read this document's paragraphs back from the build cache (changed, removed or damaged during the build): run lantai build --clean",
                               in: path)
                    })
                }
                let twice = sink.writtenTwice
                if !twice.isEmpty {
                    throw BuildFailure(diagnostics: OutputCollisions.diagnostics(
                        paths: twice, documents: corpus.documents, contentFiles: rendered.staticFiles,
                        themeFiles: loadedTheme.staticFiles, contentDisplay: options.contentDisplay))
                }
                // The new state waits beside the old one and replaces it once the new output is
                // certain: after the swap (the old state goes before it), or as soon as the
                // journal that completes the moves is written. It never describes an output
                // other than the one in place (or the one the journal will finish when the next
                // build starts, which then renames it: `BuildCache.settle(after:)`).
                let state = BuildState(output: sink.made, pageInputs: rendered.pageInputs.recorded, search: index.state, numbers: numbers)
                let pending = (try? cache?.writePendingState(state, publish: sink.staging.lastPathComponent)) != nil
                if sink.previous == nil || !pending { cache?.removeState() }
                Failpoint.pass("publish-pending")
                try writer.publish(sink, certain: { if pending { cache?.commitPendingState() } })
                let textsRead = rendered.storedTexts.map { say(zh: "；读回了缓存里 \($0.read) 篇文稿的段落", en: "; paragraphs of \($0.read) documents read from the cache") } ?? ""
                return ((), say(zh: "写出 \(sink.fileCount) 个文件中的 \(sink.changedPaths.count) 个，\(sink.byteCount / 1_000_000) MB，在 \(options.output.path)",
                                en: "\(sink.changedPaths.count) of \(sink.fileCount) files written, \(sink.byteCount / 1_000_000) MB in \(options.output.path)") + textsRead)
            }
            release.hold((corpus, rendered, state, index, numbers))
            cacheWrites.wait()
            return BuildSummary(
                documents: corpus.documents.count, drafts: rendered.draftCount, pages: rendered.pageCount,
                files: sink.fileCount, written: sink.changedPaths.count,
                rendered: rendered.pageCount - rendered.pageInputs.carriedOver, searchPatched: index.patched,
                textsReadFromCache: rendered.storedTexts?.read ?? 0,
                seconds: Date().timeIntervalSince(started), stages: stages.times,
                warnings: rendered.diagnostics.filter { $0.severity == .warning }.sortedForDisplay())
        } catch {
            writer.discard(sink.staging)
            throw error
        }
    }
}
