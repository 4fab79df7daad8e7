/// One page to render: where it goes, with which template, from which view.
public struct PlannedPage: Sendable {
    public var path: String
    public var template: String
    /// What the page is made from, fingerprinted so that a build can tell whether the page would
    /// come out as the last build made it (`PageFingerprints`): the view itself, or for a page
    /// whose view is costly to make, a smaller value of which the view is a function.
    public var inputs: any Fingerprinted & Sendable
    private let makeView: @Sendable () -> any Fingerprinted & Sendable

    /// The view the template renders (made on each call when the page has inputs of its own).
    public var view: any Fingerprinted & Sendable { makeView() }

    public init(path: String, template: String, view: any Fingerprinted & Sendable) {
        self.path = path
        self.template = template
        inputs = view
        makeView = { view }
    }

    /// A page whose view is made only if it is rendered: a page carried over from the last
    /// build (same `inputs`) never makes it.
    public init(path: String, template: String, inputs: any Fingerprinted & Sendable, view: @escaping @Sendable () -> any Fingerprinted & Sendable) {
        self.path = path
        self.template = template
        self.inputs = inputs
        makeView = view
    }
}

/// Output paths of the pages that are not documents.
public enum SitePaths {
    public static let home = "index.html"
    public static let topics = "topics/index.html"
    public static let archive = "archive/index.html"
    public static let search = "search.html"
    public static func topic(_ slug: String) -> String { "topics/\(slug).html" }
    /// A topic's documents of `year` (nil: those without a date).
    public static func topicYear(_ slug: String, _ year: Int?) -> String { "topics/\(slug)/\(year.map(String.init) ?? "undated").html" }
    public static func year(_ year: Int) -> String { "archive/\(year).html" }
    public static func type(_ slug: String) -> String { "archive/type-\(slug).html" }
    /// The documents without a date, which no year lists.
    public static let undated = "archive/undated.html"
    public static func taxonomy(_ taxonomy: Taxonomy) -> String { "\(taxonomy.folder)/index.html" }
    public static func taxonomyValue(_ taxonomy: Taxonomy, _ value: String) -> String { "\(taxonomy.folder)/\(Slug.make(value)).html" }
}

/// Turns the corpus and the rendered document bodies into the list of pages.
public struct PagePlanner: Sendable {
    public var corpus: Corpus
    /// Page path → indexes of the documents that link to it.
    public var backlinks: [String: [Int]]

    /// `links[i]` holds the pages `corpus.documents[i]` links to.
    public init(corpus: Corpus, links: [Set<String>] = []) {
        self.init(corpus: corpus, backlinks: Self.backlinks(links))
    }

    init(corpus: Corpus, backlinks: [String: [Int]]) {
        self.corpus = corpus
        self.backlinks = backlinks
    }

    /// Page path → indexes, in increasing order, of the documents whose `links` hold it.
    static func backlinks(_ links: [Set<String>]) -> [String: [Int]] {
        var backlinks: [String: [Int]] = [:]
        for (index, pages) in links.enumerated() {
            for page in pages { backlinks[page, default: []].append(index) }
        }
        return backlinks
    }

    /// The pages of the site; `bodies[i]` is the rendered body of `corpus.documents[i]`.
    public func plan(bodies: [String]) -> [PlannedPage] {
        listPages() + corpus.documents.indices.map { documentPage($0, body: bodies[$0]) }
    }

    /// Documents per page of a topic (each with its best passages and headings).
    public static let topicDocumentsPerPage = 50
    /// Documents per page of a year or a type.
    public static let listDocumentsPerPage = 200

    /// Every page but the documents' own: home, topics, archives, search; made on every core.
    public func listPages() -> [PlannedPage] {
        Parallel.map(listPageMakers()) { $0() }
    }

    /// A function per list page that makes it.
    private func listPageMakers() -> [@Sendable () -> PlannedPage] {
        var makers: [@Sendable () -> PlannedPage] = [home, topicsOverview, archive, searchPage]
        makers += corpus.catalog.topics.flatMap(topicPages)
        makers += corpus.years.flatMap { year in
            archivePages(SitePaths.year(year.year), heading: "\(year.year)年", kind: "年份", year.documents, filter: ("year", String(year.year)))
        }
        makers += corpus.types.flatMap { type in
            archivePages(SitePaths.type(type.type.slug), heading: type.type.name, kind: "文稿类型", type.documents, filter: ("type", type.type.slug))
        }
        let undated = corpus.documents.indices.filter { corpus.documents[$0].date == nil }
        if !undated.isEmpty { makers += archivePages(SitePaths.undated, heading: "未注明日期", kind: "年份", undated) }
        for (taxonomy, values) in corpus.taxonomies {
            guard !values.isEmpty else { continue }
            makers.append { taxonomyOverview(taxonomy, values) }
            for (value, documents) in values {
                makers += archivePages(SitePaths.taxonomyValue(taxonomy, value), heading: value, kind: taxonomy.label, documents,
                                       filter: (taxonomy.parameter, value))
            }
        }
        return makers
    }

    private func layout(for path: String, title: String?, section: String) -> LayoutView {
        let siteTitle = corpus.config.title
        return LayoutView(
            root: SitePath.rootPrefix(of: path),
            siteTitle: siteTitle,
            siteDescription: corpus.config.description,
            pageTitle: title.map { "\($0) - \(siteTitle)" } ?? siteTitle,
            isHome: section == "home", isTopics: section == "topics", isArchive: section == "archive")
    }

    private func topicLinks(from path: String) -> [TopicLinkView] {
        corpus.catalog.topics.map { topic in
            TopicLinkView(name: topic.name, url: SitePath.relative(from: path, to: SitePaths.topic(topic.slug)),
                          description: topic.description, count: corpus.documentsByTopic[topic.slug]?.count ?? 0)
        }
    }

    /// A document in a list; `badges: false` on a topic's pages, which list one topic's documents.
    private func item(_ index: Int, from path: String, badges showsBadges: Bool = true) -> DocumentItemView {
        let document = corpus.documents[index]
        return DocumentItemView(
            title: document.title,
            url: SitePath.relative(from: path, to: document.pagePath),
            date: document.date?.chinese, isoDate: document.date?.description,
            type: document.type, speaker: document.speaker, organization: document.organization,
            summary: document.summary,
            topics: showsBadges ? badges(document, from: path) : [])
    }

    private func badges(_ document: Document, from path: String) -> [TopicLinkView] {
        document.topics.map {
            TopicLinkView(name: $0.name, url: SitePath.relative(from: path, to: SitePaths.topic($0.slug)), description: $0.description, count: 0)
        }
    }

    private func home() -> PlannedPage {
        let path = SitePaths.home
        let latest = corpus.documents.indices.prefix(corpus.config.latestCount).map { item($0, from: path) }
        let view = HomePageView(layout: layout(for: path, title: nil, section: "home"),
                                documentCount: corpus.documents.count, topics: topicLinks(from: path), latest: latest,
                                archiveURL: SitePath.relative(from: path, to: SitePaths.archive))
        return PlannedPage(path: path, template: "home", view: view)
    }

    private func searchPage() -> PlannedPage {
        let path = SitePaths.search
        return PlannedPage(path: path, template: "search", view: SearchPageView(layout: layout(for: path, title: "全文检索", section: "search")))
    }

    private func topicsOverview() -> PlannedPage {
        let path = SitePaths.topics
        let view = TopicsPageView(layout: layout(for: path, title: "专题", section: "topics"), topics: topicLinks(from: path))
        return PlannedPage(path: path, template: "topics", view: view)
    }

    /// A topic's page: its documents ranked by share, all of them when they fit on one page;
    /// otherwise the first `topicDocumentsPerPage` there, and every document on the pages of its
    /// year (ranked within the year, in pages of as many), so that a new or changed document
    /// moves the documents of its year's pages only and not every page after its rank.
    private func topicPages(_ topic: Topic) -> [@Sendable () -> PlannedPage] {
        let ranking = corpus.topicRanking[topic.slug] ?? []
        let base = SitePaths.topic(topic.slug)
        let perPage = Self.topicDocumentsPerPage
        var byYear: [Int?: [(document: Int, analysis: DocumentTopic)]] = [:]
        for entry in ranking { byYear[corpus.documents[entry.document].date?.year, default: []].append(entry) }
        @Sendable func passages(_ entries: [(document: Int, analysis: DocumentTopic)]) -> Int { entries.reduce(0) { $0 + $1.analysis.passages.count } }
        let chart = TopicChart.svg(counts: corpus.years.map(\.year).sorted().map { ($0, passages(byYear[$0] ?? [])) })
        let undatedPassages = passages(byYear[Int?.none] ?? [])
        // Newest first, those without a date last.
        let years: [(year: Int?, label: String, entries: [(document: Int, analysis: DocumentTopic)])] = ranking.count <= perPage ? [] :
            (corpus.years.map { Optional($0.year) } + [nil]).compactMap { year in byYear[year].map { (year, year.map { "\($0)年" } ?? "未注明日期", $0) } }
        let first = { @Sendable () -> PlannedPage in
            let view = TopicPageView(layout: layout(for: base, title: topic.name, section: "topics"), name: topic.name, description: topic.description,
                                     year: nil, topicURL: nil, count: ranking.count, passageCount: passages(ranking), start: 1, documents: [],
                                     listed: years.isEmpty ? nil : perPage,
                                     years: years.map { ArchiveLinkView(label: $0.label, url: SitePath.relative(from: base, to: SitePaths.topicYear(topic.slug, $0.year)),
                                                                        count: $0.entries.count) },
                                     chart: chart, undatedPassageCount: undatedPassages > 0 ? undatedPassages : nil, pager: nil)
            return topicPage(view, ranking.prefix(perPage), path: base)
        }
        return [first] + years.flatMap { year, label, entries -> [@Sendable () -> PlannedPage] in
            let yearPassages = passages(entries)
            return Pagination.pages(count: entries.count, perPage: perPage, base: SitePaths.topicYear(topic.slug, year)).map { page in { @Sendable () -> PlannedPage in
                let view = TopicPageView(layout: layout(for: page.path, title: Self.title("\(topic.name) · \(label)", page.pager), section: "topics"),
                                         name: topic.name, description: topic.description, year: label, topicURL: SitePath.relative(from: page.path, to: base),
                                         count: entries.count, passageCount: yearPassages, start: page.range.lowerBound + 1, documents: [],
                                         listed: nil, years: [], chart: nil, undatedPassageCount: nil, pager: page.pager)
                return topicPage(view, entries[page.range], path: page.path)
            } }
        }
    }

    /// A topic page with `entries`' documents, planned from its view without them and the
    /// documents' digests (`listed`).
    private func topicPage(_ view: TopicPageView, _ entries: ArraySlice<(document: Int, analysis: DocumentTopic)>, path: String) -> PlannedPage {
        let full = { @Sendable in
            var full = view
            full.documents = entries.map { topicDocument($0, from: path) }
            return full
        }
        guard let inputs = listed(entries.map(\.document), page: view, path: path) else { return PlannedPage(path: path, template: "topic", view: full()) }
        return PlannedPage(path: path, template: "topic", inputs: inputs, view: full)
    }

    /// What a page listing `documents` is made from: its view without them and, for each, its
    /// parse's digest and page. A listed document's part of the page (its item, on a topic's
    /// page its passages and headings) is a function of the document — its parse's digest covers
    /// its text, metadata, page and topic analysis — and of the page's path. Nil when a document
    /// has no digest (not made by the parser): the page is then its own input.
    private func listed(_ documents: some Collection<Int>, page: some Fingerprinted & Sendable, path: String) -> ListedDocuments? {
        named(documents).map { ListedDocuments(page: page, path: path, documents: $0) }
    }

    /// Each document by its parse's digest and its page; nil when one has no digest.
    private func named(_ documents: some Collection<Int>) -> [NamedDocument]? {
        var named: [NamedDocument] = []
        named.reserveCapacity(documents.count)
        for index in documents {
            let document = corpus.documents[index]
            guard document.sourceDigest != 0 else { return nil }
            named.append(NamedDocument(digest: document.sourceDigest, page: document.pagePath))
        }
        return named
    }

    /// What a list's page is made from (`PlannedPage.inputs`, `listed`): its view without its
    /// documents (most of a list page's cost to plan and to fingerprint) and each document named
    /// by its parse's digest and its page instead.
    private struct ListedDocuments: Fingerprinted, Sendable {
        var page: any Fingerprinted & Sendable
        var path: String
        var documents: [NamedDocument]

        func fingerprint(into fingerprint: inout Fingerprint) {
            fingerprint.add(page)
            fingerprint.add(path)
            fingerprint.add(documents)
        }
    }

    /// A document another page shows a part of (an item in a list, a related document, a
    /// backlink), in that page's inputs: that part is a function of the document's parse, named
    /// by its digest, and of the two pages' paths.
    private struct NamedDocument: Fingerprinted, Sendable {
        var digest: UInt64
        var page: String

        func fingerprint(into fingerprint: inout Fingerprint) {
            fingerprint.add(digest)
            fingerprint.add(page)
        }
    }

    /// A page title, with the page's number after the first page of a list.
    private static func title(_ title: String, _ pager: PagerView?) -> String {
        guard let pager, pager.current > 1 else { return title }
        return "\(title)（第\(pager.current)页）"
    }

    private func topicDocument(_ entry: (document: Int, analysis: DocumentTopic), from path: String) -> TopicDocumentView {
        let document = corpus.documents[entry.document]
        let page = SitePath.relative(from: path, to: document.pagePath)
        var seen: Set<String> = []
        var headings: [HeadingLinkView] = []
        for found in entry.analysis.passages {
            let passage = document.passages[found.passage]
            for (depth, (title, anchor)) in zip(passage.headingPath, passage.headingAnchors).enumerated() where !seen.contains(anchor) {
                seen.insert(anchor)
                headings.append(HeadingLinkView(title: title, url: page + "#" + anchor, depth: depth + 1))
            }
        }
        return TopicDocumentView(
            item: item(entry.document, from: path, badges: false), percent: Self.percent(entry.analysis.share),
            passageCount: entry.analysis.passages.count, fromFrontMatter: entry.analysis.fromFrontMatter,
            passages: entry.analysis.bestPassages.prefix(3).map { passageLink($0, of: document, page: page, characters: 80) },
            headings: headings)
    }

    /// A link to a passage with its first `characters` characters: 80 on a topic's page, where
    /// the excerpt is what the reader decides by; fewer in a document's own topic list, whose
    /// passages are on the same page.
    private func passageLink(_ found: TopicPassage, of document: Document, page: String, characters: Int) -> PassageLinkView {
        let passage = document.passages[found.passage]
        return PassageLinkView(url: page + "#" + passage.anchor, excerpt: Self.excerpt(passage.text, characters: characters), viaHeading: found.viaHeading)
    }

    private func topicShares(_ document: Document, from path: String) -> [DocumentTopicView] {
        document.topicAnalysis.filter { document.topics.contains($0.topic) && !$0.passages.isEmpty }
            .sorted { $0.share > $1.share }
            .map { entry in
                DocumentTopicView(name: entry.topic.name, url: SitePath.relative(from: path, to: SitePaths.topic(entry.topic.slug)),
                                  percent: Self.percent(entry.share), passageCount: entry.passages.count,
                                  passages: entry.passages.map { passageLink($0, of: document, page: "", characters: 24) })
            }
    }

    /// A share as a whole percentage; a share above zero shows at least 1%.
    private func relatedItems(of index: Int, topics: [Topic], from path: String) -> [RelatedItemView] {
        guard index < corpus.related.count else { return [] }
        return corpus.related[index].map { entry in
            let other = corpus.documents[entry.document]
            // By slug, which names a topic in the catalogue (comparing topics compares their signals).
            let shared = other.topics.filter { topic in topics.contains { $0.slug == topic.slug } }.map(\.name)
            let reason = shared.isEmpty ? "用语相近" : "共同专题：" + shared.joined(separator: "、")
            return RelatedItemView(title: other.title, url: SitePath.relative(from: path, to: other.pagePath), reason: reason)
        }
    }

    static func percent(_ share: Double) -> Int {
        share > 0 ? max(1, Int((share * 100).rounded())) : 0
    }

    /// The start of a passage for a quote: at most `characters` characters.
    static func excerpt(_ text: String, characters: Int = 80) -> String {
        if let excerpt = CJK.prefixOfLoneScalars(text, characters: characters, mark: "…") { return excerpt }
        // Counting only the first characters + 1: a paragraph may have thousands.
        return text.utf8.count <= characters || text.prefix(characters + 1).count <= characters ? text : String(text.prefix(characters)) + "…"
    }

    private func taxonomyOverview(_ taxonomy: Taxonomy, _ values: [(value: String, documents: [Int])]) -> PlannedPage {
        let path = SitePaths.taxonomy(taxonomy)
        let view = TaxonomyPageView(
            layout: layout(for: path, title: taxonomy.label, section: "archive"), heading: taxonomy.label,
            values: values.map { ArchiveLinkView(label: $0.value, url: SitePath.relative(from: path, to: SitePaths.taxonomyValue(taxonomy, $0.value)), count: $0.documents.count) })
        return PlannedPage(path: path, template: "taxonomy", view: view)
    }

    private func archive() -> PlannedPage {
        let path = SitePaths.archive
        let view = ArchivePageView(
            layout: layout(for: path, title: "归档", section: "archive"),
            years: corpus.years.map { ArchiveLinkView(label: "\($0.year)年", url: SitePath.relative(from: path, to: SitePaths.year($0.year)), count: $0.documents.count) },
            types: corpus.types.map { ArchiveLinkView(label: $0.type.name, url: SitePath.relative(from: path, to: SitePaths.type($0.type.slug)), count: $0.documents.count) },
            undatedCount: Optional(corpus.documents.filter { $0.date == nil }.count).flatMap { $0 > 0 ? $0 : nil },
            undatedURL: SitePath.relative(from: path, to: SitePaths.undated),
            taxonomies: corpus.taxonomies.compactMap { taxonomy, values in
                values.isEmpty ? nil : ArchiveLinkView(label: taxonomy.label, url: SitePath.relative(from: path, to: SitePaths.taxonomy(taxonomy)), count: values.count)
            })
        return PlannedPage(path: path, template: "archive", view: view)
    }

    /// The pages of a year's, a type's or a taxonomy value's documents; `filter` is the search
    /// page's parameter that keeps the same documents (`speaker=李明`), for a link to search them.
    private func archivePages(_ base: String, heading: String, kind: String, _ indexes: [Int],
                              filter: (parameter: String, value: String)? = nil) -> [@Sendable () -> PlannedPage] {
        Pagination.pages(count: indexes.count, perPage: Self.listDocumentsPerPage, base: base).map { page in { () -> PlannedPage in
            let view = ListPageView(layout: layout(for: page.path, title: Self.title(heading, page.pager), section: "archive"),
                                    heading: heading, kind: kind, count: indexes.count, documents: [], pager: page.pager,
                                    searchURL: filter.map { SitePath.relative(from: page.path, to: SitePaths.search) + "?" + $0.parameter + "=" + SitePath.queryValue($0.value) })
            let full = { @Sendable in
                var full = view
                full.documents = indexes[page.range].map { item($0, from: page.path) }
                return full
            }
            // A listed document is a function of its parse and the page's path, as on a topic's page.
            guard let inputs = listed(indexes[page.range], page: view, path: page.path) else { return PlannedPage(path: page.path, template: "list", view: full()) }
            return PlannedPage(path: page.path, template: "list", inputs: inputs, view: full)
        } }
    }

    /// The page of `corpus.documents[index]` around its rendered body.
    /// `document` replaces `corpus.documents[index]` (an edited document's quick page).
    public func documentPage(_ index: Int, document edited: Document? = nil, body: String) -> PlannedPage {
        let document = edited ?? corpus.documents[index]
        let path = document.pagePath
        let linking = backlinks[path] ?? []
        let related = index < corpus.related.count ? corpus.related[index].map(\.document) : []
        let view = DocumentPageView(
            layout: layout(for: path, title: document.title, section: ""),
            title: document.title,
            subtitle: document.subtitle,
            date: document.date?.chinese, isoDate: document.date?.description,
            yearURL: document.date.map { SitePath.relative(from: path, to: SitePaths.year($0.year)) },
            speaker: document.speaker, position: document.position, organization: document.organization, venue: document.venue,
            type: document.type,
            typeURL: document.type.map { SitePath.relative(from: path, to: SitePaths.type(corpus.config.typeSlug(for: $0))) },
            summary: document.summary,
            topics: badges(document, from: path),
            topicShares: [], backlinks: [], related: [], outline: [],
            body: body)
        let full = { @Sendable in
            var full = view
            full.topicShares = topicShares(document, from: path)
            full.backlinks = linking.map { item($0, from: path) }
            full.related = relatedItems(of: index, topics: document.topics, from: path)
            full.outline = document.outline.map { OutlineItemView(title: $0.title, anchor: $0.anchor, depth: $0.depth) }
            return full
        }
        // Without a parse's digest (a document not made by the parser) the view is its own input.
        guard document.sourceDigest != 0, let linking = named(linking), let related = named(related) else {
            return PlannedPage(path: path, template: "document", view: full())
        }
        return PlannedPage(path: path, template: "document",
                           inputs: OwnParse(page: view, digest: document.sourceDigest, backlinks: linking, related: related), view: full)
    }

    /// What a document's page is made from (`PlannedPage.inputs`): its view without its topic
    /// shares and outline, which quote its passages and are functions of its parse alone, nor
    /// its backlinks and related documents, which are functions of theirs (the costly parts of the
    /// view to make and to fingerprint); instead the parse's digest (a body's inputs hold it too,
    /// but a page given its rendered body, as `serve` makes one, must not rely on that) and the
    /// other documents named by theirs.
    private struct OwnParse: Fingerprinted, Sendable {
        var page: DocumentPageView
        var digest: UInt64
        var backlinks: [NamedDocument]
        var related: [NamedDocument]

        func fingerprint(into fingerprint: inout Fingerprint) {
            fingerprint.add(page)
            fingerprint.add(digest)
            fingerprint.add(backlinks)
            fingerprint.add(related)
        }
    }
}
