import Foundation

/// What a person asked: terms separated by spaces, each a phrase, all required; and filters.
public struct SearchQuery: Sendable {
    public var text: String
    public var topic: String?
    public var year: String?
    public var type: String?
    /// Only documents of these years, both included (`from=2019&to=2023`); an undated document
    /// is in no range.
    public var fromYear: Int?
    public var toYear: Int?
    /// Taxonomy filters by their parameter (`speaker`, `org`): only documents with that value.
    public var taxonomies: [String: String]
    /// Newest first (undated last) instead of by relevance, by the index's date order.
    public var byDate = false
    /// How many results of the ranked list to skip: `limit × (page − 1)`.
    public var offset = 0
    public var limit: Int

    public init(text: String, topic: String? = nil, year: String? = nil, type: String? = nil,
                fromYear: Int? = nil, toYear: Int? = nil, taxonomies: [String: String] = [:],
                byDate: Bool = false, offset: Int = 0, limit: Int = 10) {
        self.text = text
        self.topic = topic
        self.year = year
        self.type = type
        self.fromYear = fromYear
        self.toYear = toYear
        self.taxonomies = taxonomies
        self.byDate = byDate
        self.offset = offset
        self.limit = limit
    }

    /// The normalised terms: the query split at white space, each normalised; empty ones dropped.
    public var terms: [String] {
        var seen: Set<String> = []
        return text.split(whereSeparator: \.isWhitespace)
            .map { SearchNormalizer.normalize(String($0)) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

public struct SearchSnippet: Sendable, Codable, Hashable {
    public var anchor: String
    /// The page URL with the paragraph's anchor.
    public var url: String
    public var text: String
    /// Highlighted ranges as [start, end) offsets in Unicode scalars of `text`.
    public var highlights: [[Int]]
}

public struct SearchResult: Sendable, Codable {
    public var id: Int
    public var slug: String
    public var url: String
    public var title: String
    public var date: String?
    public var type: String?
    public var speaker: String?
    public var topics: [String]
    public var score: Double
    public var snippets: [SearchSnippet]
}

public struct SearchResults: Sendable, Codable {
    public var query: String
    public var total: Int
    public var results: [SearchResult]
}

/// Answers queries from the index files with the semantics of the search contract: the result
/// set of a query is exactly the set of documents whose normalised text contains every term.
public struct SearchEngine {
    public let index: IndexFiles
    static let k1 = 1.2
    static let b = 0.75

    public init(index: IndexFiles) {
        self.index = index
    }

    /// One term's hits in one document: how many, and where the first one is: 0 in the title,
    /// 1 in a heading, 2 in the text.
    public struct Hits: Sendable, Hashable {
        public var count: Int
        public var tier: Int
    }

    /// Every matching document id with the hits of each term, after the filters.
    public func matches(_ query: SearchQuery) throws -> [Int: [Hits]] {
        let terms = query.terms
        guard !terms.isEmpty else { return [:] }
        var result: [Int: [Hits]]?
        for term in terms {
            let hits = try self.hits(of: term)
            if let current = result {
                result = Dictionary(uniqueKeysWithValues: current.compactMap { id, lists in hits[id].map { (id, lists + [$0]) } })
            } else {
                result = hits.mapValues { [$0] }
            }
            if result?.isEmpty == true { return [:] }
        }
        var matches = result ?? [:]
        let meta = index.meta
        let wanted = (topic: query.topic.flatMap { value in meta.topics.firstIndex { $0.value == value || $0.label == value } ?? -1 },
                      year: query.year.flatMap { value in meta.years.firstIndex { $0.value == value || $0.label == value } ?? -1 },
                      type: query.type.flatMap { value in meta.types.firstIndex { $0.value == value || $0.label == value } ?? -1 })
        // The year facets inside the range, when one is given.
        let range: Set<Int>? = query.fromYear == nil && query.toYear == nil ? nil : Set(meta.years.indices.filter { index in
            guard let year = Int(meta.years[index].value) else { return false }
            return year >= (query.fromYear ?? Int.min) && year <= (query.toYear ?? Int.max)
        })
        // Per taxonomy with a filter: its position in the meta and the wanted value's (-1: none).
        let values: [(taxonomy: Int, value: Int)] = meta.taxonomies.enumerated().compactMap { index, taxonomy in
            query.taxonomies[taxonomy.parameter].map { wanted in (index, taxonomy.values.firstIndex { $0.value == wanted } ?? -1) }
        }
        if wanted.topic != nil || wanted.year != nil || wanted.type != nil || range != nil || !values.isEmpty {
            matches = try matches.filter { id, _ in
                let statistics = try index.statistics(id)
                return (wanted.topic.map { statistics.topics.contains($0) } ?? true)
                    && (wanted.year.map { statistics.year == $0 } ?? true)
                    && (wanted.type.map { statistics.type == $0 } ?? true)
                    && (range.map { allowed in statistics.year.map(allowed.contains) ?? false } ?? true)
                    && values.allSatisfy { statistics.taxonomies[$0.taxonomy] == $0.value }
            }
        }
        return matches
    }

    /// Documents containing one normalised term, looked up by its `SearchTokenizer` grams: one
    /// or two characters directly, a longer term exactly through the positions of its triples.
    func hits(of term: String) throws -> [Int: Hits] {
        let grams = SearchTokenizer.grams(of: term)
        guard let lead = grams.first else { return [:] }
        if term.unicodeScalars.count <= 2 {
            // A damaged list may name a document twice: its first entry counts, nothing traps.
            return Dictionary(try index.postings(for: lead.gram).map { ($0.document, Hits(count: $0.count, tier: $0.tier)) }, uniquingKeysWith: { first, _ in first })
        }
        var starts: [Int: [Int]] = [:]
        var others: [(offset: Int, positions: [Int: Set<Int>])] = []
        for gram in grams {
            let postings = try index.postings(for: gram.gram)
            if postings.isEmpty { return [:] }
            if gram.offset == 0 {
                starts = Dictionary(postings.map { ($0.document, $0.positions) }, uniquingKeysWith: { first, _ in first })
            } else {
                others.append((gram.offset, Dictionary(postings.map { ($0.document, Set($0.positions)) }, uniquingKeysWith: { first, _ in first })))
            }
        }
        var hits: [Int: Hits] = [:]
        for (document, candidates) in starts {
            let confirmed = candidates.filter { start in others.allSatisfy { $0.positions[document]?.contains(start + $0.offset) == true } }
            guard let first = confirmed.min() else { continue }
            let statistics = try index.statistics(document)
            hits[document] = Hits(count: confirmed.count, tier: SearchDocument.tier(of: first, titleEnd: statistics.titleEnd, headingsEnd: statistics.headingsEnd))
        }
        return hits
    }

    /// A term's weight in a document: its count, plus 2 when it occurs in the title or 1 when
    /// in a heading (the stream holds the title, then the headings, then the text).
    static func weight(_ hits: Hits) -> Double {
        Double(hits.count + [2, 1, 0][min(max(hits.tier, 0), 2)])
    }

    /// The first filter of a query that names no topic, year, type or taxonomy value of the
    /// index, with the ones it holds: such a filter would find nothing whatever the text, so it
    /// is refused.
    public func unknownFilter(in query: SearchQuery) -> Message? {
        let meta = index.meta
        var filters: [(value: String?, facets: [SearchIndex.Meta.Facet], option: String, zh: String)] = [
            (query.topic, meta.topics, "--topic", "专题"), (query.year, meta.years, "--year", "年份"), (query.type, meta.types, "--type", "类型"),
        ]
        filters += meta.taxonomies.map { (query.taxonomies[$0.parameter], $0.values, "--\($0.parameter)", $0.label) }
        if let parameter = query.taxonomies.keys.sorted().first(where: { key in !meta.taxonomies.contains { $0.parameter == key } }) {
            let key = Taxonomy.allCases.first { $0.parameter == parameter }?.rawValue ?? parameter
            let known = meta.taxonomies.map { "--" + $0.parameter }
            return Message(zh: "门户没有按 --\(parameter) 分类：在 site.yml 的 taxonomies 里加上 \(key)" + (known.isEmpty ? "" : "，或改用 " + known.joined(separator: "、")),
                           en: "the portal has no --\(parameter) taxonomy; add \(key) to 'taxonomies' in site.yml" + (known.isEmpty ? "" : " or use " + known.joined(separator: ", ")))
        }
        for filter in filters {
            guard let value = filter.value, !filter.facets.contains(where: { $0.value == value || $0.label == value }) else { continue }
            // What the option takes: a year as written (2023), a topic or type by its name.
            let known = filter.facets.map { filter.option == "--year" ? $0.value : $0.label }
            let list = known.isEmpty ? "" : known.joined(separator: "、")
            return Message(zh: known.isEmpty ? "门户里没有任何\(filter.zh)，去掉 \(filter.option)" : "没有“\(value)”这个\(filter.zh)：\(filter.option) 可以用 \(list)",
                           en: known.isEmpty ? "the portal has no \(filter.option.dropFirst(2)) to filter by; leave out \(filter.option)"
                                             : "\(filter.option) '\(value)' is not one of the portal's: \(known.joined(separator: ", "))")
        }
        return nil
    }

    public func search(_ query: SearchQuery) throws -> SearchResults {
        let matches = try self.matches(query)
        let meta = index.meta
        let count = Double(max(meta.documentCount, 1))
        let averageLength = max(meta.averageLength, 1)
        let terms = query.terms
        var documentFrequency = Array(repeating: 0, count: terms.count)
        for lists in matches.values { for (term, _) in lists.enumerated() { documentFrequency[term] += 1 } }
        var scored: [(id: Int, score: Double)] = try matches.map { id, lists in
            let statistics = try index.statistics(id)
            let norm = 1 - Self.b + Self.b * Double(statistics.length) / averageLength
            var score = 0.0
            for (term, hits) in lists.enumerated() {
                let df = Double(max(documentFrequency[term], 1))
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let weight = Self.weight(hits)
                score += idf * weight * (Self.k1 + 1) / (weight + Self.k1 * norm)
            }
            return (id, score)
        }
        if query.byDate {
            // A damaged order file with a number twice ranks it by its first place, never traps.
            let rank = Dictionary(try index.order().enumerated().map { ($1, $0) }, uniquingKeysWith: min)
            scored.sort { rank[$0.id, default: .max] < rank[$1.id, default: .max] }
        } else {
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        }
        var results: [SearchResult] = []
        for (id, score) in scored.dropFirst(max(query.offset, 0)).prefix(max(query.limit, 0)) {
            let entry = try index.entry(id)
            let snippets = SnippetMaker.snippets(segments: try index.segments(id), terms: terms, pageURL: entry.url)
            results.append(SearchResult(id: id, slug: entry.slug, url: entry.url + (snippets.first.map { $0.anchor.isEmpty ? "" : "#" + $0.anchor } ?? ""),
                                        title: entry.title, date: entry.date, type: entry.type, speaker: entry.speaker, topics: entry.topics,
                                        score: (score * 1000).rounded() / 1000, snippets: snippets))
        }
        return SearchResults(query: query.text, total: matches.count, results: results)
    }
}
