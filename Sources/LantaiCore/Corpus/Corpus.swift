import Foundation

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

    /// What an analysis may take from an earlier one, and leaves for the next (the build cache
    /// keeps it between builds): each part is exact to take, whatever the corpus now holds.
    public struct Memory: Sendable {
        /// The paragraph pairs measured (`SimilarPassages`): nil until an analysis finds the
        /// similar passages from nothing, which reads them through `readPairs` (an update of
        /// `similar` does not need them) and leaves its own here.
        public var pairs: PairMeasures?
        public var readPairs: @Sendable () -> PairMeasures? = { nil }
        /// Whether `pairs` are other than those read.
        public internal(set) var pairsChanged = false
        /// The related documents with what ranking them computed (`RelatedRanking`).
        public var ranking: RelatedRanking?
        /// The similar passages with the candidate pairs that found them (`SimilarPassageState`).
        public var similar: SimilarPassageState?
        /// Documents as they were before their text changed, by source path: what lets the
        /// ranking and the similar passages be updated rather than made again.
        public var previous: [String: Document] = [:]

        public init() {}
    }

    /// Groups the documents and reports two documents that would be written to the same page.
    public static func analyze(_ documents: [Document], config: SiteConfig, catalog: TopicCatalog) -> (Corpus, [Diagnostic]) {
        var parts = PartTimes()
        var memory = Memory()
        return analyze(documents, config: config, catalog: catalog, memory: &memory, parts: &parts)
    }

    /// The same, with the time of its costly parts (related documents, similar passages) for
    /// `build --verbose`. `memory` holds what an earlier analysis left, and comes back with
    /// this one's. `documents` is consumed: a caller that hands over its only copy lets the
    /// documents' bigram counts go once related documents are found.
    public static func analyze(_ documents: consuming [Document], config: SiteConfig, catalog: TopicCatalog,
                               memory: inout Memory, parts: inout PartTimes) -> (Corpus, [Diagnostic]) {
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
            // By slug, which names a topic in the catalogue (comparing topics compares their signals).
            for entry in document.topicAnalysis where document.topics.contains(where: { $0.slug == entry.topic.slug }) {
                ranking[entry.topic.slug, default: []].append((index, entry))
            }
        }
        // Sorted by keys taken out first, then put in that order, rather than moving the entries
        // themselves (each a topic and its passages, counted references) in a sort of thousands.
        for (slug, entries) in ranking {
            let keys = entries.map { (share: $0.analysis.share, passages: $0.analysis.passages.count, document: $0.document) }
            let order = keys.indices.sorted { a, b in
                (keys[a].share, keys[a].passages, -keys[a].document) > (keys[b].share, keys[b].passages, -keys[b].document)
            }
            ranking[slug] = order.map { entries[$0] }
        }
        let configuredOrder = Dictionary(uniqueKeysWithValues: config.documentTypes.enumerated().map { ($1.name, $0) })
        let types = byType.keys
            .sorted { (configuredOrder[$0] ?? Int.max, $0) < (configuredOrder[$1] ?? Int.max, $1) }
            .map { name in (type: DocumentType(name: name, slug: config.typeSlug(for: name)), documents: byType[name] ?? []) }
        // Updated from the last ranking where that is exact (`RelatedRanking.updated`); the
        // verbose log says which.
        let relatedRanking: RelatedRanking
        do {
            let started = Date()
            let counts = Parallel.map(sorted) { document in
                document.bigramCounts.isEmpty ? BigramCounts.encoded(BigramCounts.of([document.title] + document.passages.map(\.text))) : document.bigramCounts
            }
            let paths = sorted.map { $0.sourcePath }
            let digests = sorted.indices.map { index in identity(sorted[index]) { ContentHash.of(counts[index]) } }
            let previous = memory.previous.mapValues { document in (identity(document) { ContentHash.of(document.bigramCounts) }, document.bigramCounts) }
            let updated = memory.ranking?.updated(paths: paths, digests: digests, counts: counts, previous: previous)
            relatedRanking = updated ?? RelatedRanking.ranked(paths: paths, digests: digests, counts: counts)
            parts.record(updated == nil ? "related" : "related (updated)", since: started)
        }
        memory.ranking = relatedRanking
        // Read; 110 MB at 10,000 documents that no later stage needs.
        for index in sorted.indices { sorted[index].bigramCounts = [] }
        // Likewise the similar passages (`SimilarPassageState.updated`).
        let similar: SimilarPassageState
        do {
            let started = Date()
            let paths = sorted.map { $0.sourcePath }
            // The texts are read only where a paragraph is measured (most stay in the build cache).
            let documents = sorted
            let text: SimilarPassages.Text = { documents[$0].passages[$1].text }
            let keys = sorted.map { $0.passages.map(\.bandKeys) }
            func digest(_ texts: [String], _ keys: [[UInt64]?]) -> UInt64 { SimilarPassageState.digest(texts: texts, keys: keys) }
            let digests = sorted.indices.map { index in identity(sorted[index]) { digest(sorted[index].passages.map(\.text), keys[index]) } }
            let previous = memory.previous.mapValues { document in
                let keys = document.passages.map(\.bandKeys)
                return (identity(document) { digest(document.passages.map(\.text), keys) }, keys)
            }
            let updated = memory.similar?.updated(paths: paths, digests: digests, text: text, keys: keys, previous: previous)
            if let updated {
                similar = updated
            } else {
                let measured = memory.pairs ?? memory.readPairs()
                let found = SimilarPassageState.found(paths: paths, digests: digests, text: text, keys: keys, measured: measured ?? PairMeasures())
                similar = found.state
                memory.pairs = found.measures
                memory.pairsChanged = found.measures != measured
            }
            parts.record(updated == nil ? "similar" : "similar (updated)", since: started)
        }
        memory.similar = similar
        let corpus = Corpus(
            config: config,
            catalog: catalog,
            documents: sorted,
            documentsByTopic: byTopic,
            topicRanking: ranking,
            related: relatedRanking.related,
            similarPassages: similar.notes,
            years: byYear.keys.sorted(by: >).map { (year: $0, documents: byYear[$0] ?? []) },
            types: types,
            taxonomies: config.taxonomies.map { ($0, values(of: $0, in: sorted)) })
        return (corpus, diagnostics)
    }

    /// What identifies a document's parse to the analysis's updates (`RelatedRanking`,
    /// `SimilarPassageState`): the digest of everything its parse read; for a document not
    /// parsed from a file (made by a test), `contents`, a hash of what the update reads of it.
    static func identity(_ document: Document, _ contents: () -> UInt64) -> UInt64 {
        document.sourceDigest != 0 ? document.sourceDigest : contents()
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
