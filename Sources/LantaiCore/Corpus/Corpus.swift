/// All published documents with the groupings the pages need. Built once from the parsed
/// documents; pure, no disk.
public struct Corpus: Sendable {
    public var config: SiteConfig
    public var catalog: TopicCatalog
    /// Newest first; undated documents last, then by title.
    public var documents: [Document]
    /// Topic slug → indexes into `documents` of the documents that carry the topic.
    public var documentsByTopic: [String: [Int]]
    /// Topic slug → the documents that carry it, by how much of them is about it (share of
    /// text, then number of passages), with their analysis for that topic.
    public var topicRanking: [String: [(document: Int, analysis: DocumentTopic)]]
    /// Per document (same index), the most similar other documents.
    public var related: [[RelatedDocument]]
    /// Per document, paragraph index → paragraphs of other documents with nearly the same wording.
    public var similarPassages: [[Int: [SimilarPassage]]]
    /// Years, newest first, with their documents.
    public var years: [(year: Int, documents: [Int])]
    /// Document types in configuration order (then by name), with their documents.
    public var types: [(type: DocumentType, documents: [Int])]
    /// The site's taxonomies in configuration order, each with its values and their documents:
    /// the values with the most documents first, then by name.
    public var taxonomies: [(taxonomy: Taxonomy, values: [(value: String, documents: [Int])])]

    /// Groups the documents and reports two documents that would be written to the same page.
    public static func analyze(_ documents: [Document], config: SiteConfig, catalog: TopicCatalog) -> (Corpus, [Diagnostic]) {
        var parts = PartTimes()
        var measures = PairMeasures()
        return analyze(documents, config: config, catalog: catalog, measures: &measures, parts: &parts)
    }

    /// The same, with the time of its costly parts (related documents, similar passages) for
    /// `build --verbose`. `measures` holds the paragraph pairs an earlier build measured, and
    /// comes back with this corpus's (`SimilarPassages`).
    /// `documents` is consumed: a caller that hands over its only copy lets the documents'
    /// bigram counts go once related documents are found.
    public static func analyze(_ documents: consuming [Document], config: SiteConfig, catalog: TopicCatalog,
                               measures: inout PairMeasures, parts: inout PartTimes) -> (Corpus, [Diagnostic]) {
        let diagnostics = pageCollisions(documents)

        var sorted = documents.sorted(by: Self.newestFirst)
        _ = consume documents
        var byTopic: [String: [Int]] = [:]
        var byYear: [Int: [Int]] = [:]
        var byType: [String: [Int]] = [:]
        for (index, document) in sorted.enumerated() {
            for topic in document.topics { byTopic[topic.slug, default: []].append(index) }
            if let year = document.date?.year { byYear[year, default: []].append(index) }
            if let type = document.type { byType[type, default: []].append(index) }
        }
        var ranking: [String: [(document: Int, analysis: DocumentTopic)]] = [:]
        for (index, document) in sorted.enumerated() {
            for entry in document.topicAnalysis where document.topics.contains(entry.topic) {
                ranking[entry.topic.slug, default: []].append((index, entry))
            }
        }
        for slug in ranking.keys {
            ranking[slug]?.sort { a, b in
                (a.analysis.share, a.analysis.passages.count, -a.document) > (b.analysis.share, b.analysis.passages.count, -b.document)
            }
        }
        let configuredOrder = Dictionary(uniqueKeysWithValues: config.documentTypes.enumerated().map { ($1.name, $0) })
        let types = byType.keys
            .sorted { (configuredOrder[$0] ?? Int.max, $0) < (configuredOrder[$1] ?? Int.max, $1) }
            .map { name in (type: DocumentType(name: name, slug: config.typeSlug(for: name)), documents: byType[name] ?? []) }
        let related = parts.measure("related") { [sorted] in
            RelatedDocuments.compute(documentCount: sorted.count) { index in
                let document = sorted[index]
                guard document.bigramCounts.isEmpty else { return document.bigramCounts }
                return BigramCounts.encoded(BigramCounts.of([document.title] + document.passages.map(\.text)))
            }
        }
        // Read; 110 MB at 10,000 documents that no later stage needs.
        for index in sorted.indices { sorted[index].bigramCounts = [] }
        let (similar, measured) = parts.measure("similar") {
            SimilarPassages.find(texts: sorted.map { $0.passages.map(\.text) }, keys: sorted.map { $0.passages.map(\.bandKeys) }, measured: measures)
        }
        measures = measured
        let corpus = Corpus(
            config: config,
            catalog: catalog,
            documents: sorted,
            documentsByTopic: byTopic,
            topicRanking: ranking,
            related: related,
            similarPassages: similar,
            years: byYear.keys.sorted(by: >).map { (year: $0, documents: byYear[$0] ?? []) },
            types: types,
            taxonomies: config.taxonomies.map { ($0, values(of: $0, in: sorted)) })
        return (corpus, diagnostics)
    }

    /// A taxonomy's values with their documents (in corpus order), the values with the most
    /// documents first, then by name.
    static func values(of taxonomy: Taxonomy, in documents: [Document]) -> [(value: String, documents: [Int])] {
        var byValue: [String: [Int]] = [:]
        for (index, document) in documents.enumerated() {
            if let value = taxonomy.value(of: document) { byValue[value, default: []].append(index) }
        }
        return byValue.map { ($0.key, $0.value) }.sorted { $0.documents.count != $1.documents.count ? $0.documents.count > $1.documents.count : $0.value < $1.value }
    }

    /// An error for each document whose page is already another document's page.
    public static func pageCollisions(_ documents: [Document]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owner: [String: Document] = [:]
        for document in documents.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if let first = owner[document.pagePath] {
                diagnostics.append(.error(
                    zh: "这篇文稿的页面“\(document.pagePath)”和“\(first.displayPath)”的页面是同一个：在其中一篇开头的设置里写一个不同的 slug",
                    en: "this document's page '\(document.pagePath)' is also the page of '\(first.displayPath)'; give one of them another 'slug' in its front matter",
                    in: document.displayPath))
            } else {
                owner[document.pagePath] = document
            }
        }
        return diagnostics
    }

    static func newestFirst(_ a: Document, _ b: Document) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.title, a.sourcePath) < (b.title, b.sourcePath)
        }
    }
}
