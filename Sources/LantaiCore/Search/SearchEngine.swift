import Foundation

/// What a person asked: terms separated by spaces, each a phrase, all required; and filters.
public struct SearchQuery: Sendable {
    public var text: String
    public var topic: String?
    public var year: String?
    public var type: String?
    public var limit: Int

    public init(text: String, topic: String? = nil, year: String? = nil, type: String? = nil, limit: Int = 10) {
        self.text = text
        self.topic = topic
        self.year = year
        self.type = type
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

    /// Every matching document id with the stream positions of each term's hits.
    public func matches(_ query: SearchQuery) throws -> [Int: [[Int]]] {
        let terms = query.terms
        guard !terms.isEmpty else { return [:] }
        var result: [Int: [[Int]]]?
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
        for (facets, value) in [(index.meta.topics, query.topic), (index.meta.years, query.year), (index.meta.types, query.type)] {
            guard let value else { continue }
            let allowed = Set(facets.first { $0.value == value || $0.label == value }?.documents ?? [])
            matches = matches.filter { allowed.contains($0.key) }
        }
        return matches
    }

    /// Documents containing one normalised term, with the positions where it starts (for a
    /// one-character term, one entry per occurrence count with position -1).
    func hits(of term: String) throws -> [Int: [Int]] {
        let scalars = Array(term.unicodeScalars)
        if scalars.count == 1 {
            let postings = try index.postings(for: term)
            return Dictionary(uniqueKeysWithValues: postings.map { ($0.document, Array(repeating: -1, count: $0.count)) })
        }
        let grams = (0..<(scalars.count - 1)).map { String(String.UnicodeScalarView([scalars[$0], scalars[$0 + 1]])) }
        var lists: [[Posting]] = []
        for gram in grams {
            let postings = try index.postings(for: gram)
            if postings.isEmpty { return [:] }
            lists.append(postings)
        }
        // Documents that have every bigram, then the positions where the chain is unbroken.
        var candidates = Set(lists.min { $0.count < $1.count }?.map(\.document) ?? [])
        for list in lists { candidates.formIntersection(list.map(\.document)) }
        let byDocument = lists.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.document, $0.positions) }) }
        var hits: [Int: [Int]] = [:]
        for document in candidates {
            let positionSets = byDocument.dropFirst().map { Set($0[document] ?? []) }
            let starts = (byDocument[0][document] ?? []).filter { start in
                positionSets.enumerated().allSatisfy { $0.element.contains(start + $0.offset + 1) }
            }
            if !starts.isEmpty { hits[document] = starts }
        }
        return hits
    }

    public func search(_ query: SearchQuery) throws -> SearchResults {
        let matches = try self.matches(query)
        let meta = index.meta
        let count = Double(max(meta.documentCount, 1))
        let averageLength = max(meta.averageLength, 1)
        let terms = query.terms
        var documentFrequency = Array(repeating: 0, count: terms.count)
        for lists in matches.values { for (term, _) in lists.enumerated() { documentFrequency[term] += 1 } }
        var scored: [(id: Int, score: Double)] = matches.map { id, lists in
            let lengths = id < meta.lengths.count ? meta.lengths[id] : [1, 0, 0]
            let norm = 1 - Self.b + Self.b * Double(lengths[0]) / averageLength
            var score = 0.0
            for (term, positions) in lists.enumerated() {
                let df = Double(max(documentFrequency[term], 1))
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let weight = positions.reduce(0.0) { sum, position in
                    sum + (position < 0 ? 1 : position < lengths[1] ? 3 : position < lengths[2] ? 2 : 1)
                }
                score += idf * weight * (Self.k1 + 1) / (weight + Self.k1 * norm)
            }
            return (id, score)
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        var results: [SearchResult] = []
        for (id, score) in scored.prefix(max(query.limit, 0)) {
            let entry = try index.entry(id)
            let snippets = SnippetMaker.snippets(segments: try index.segments(id), terms: terms, pageURL: entry.url)
            results.append(SearchResult(id: id, slug: entry.slug, url: entry.url + (snippets.first.map { $0.anchor.isEmpty ? "" : "#" + $0.anchor } ?? ""),
                                        title: entry.title, date: entry.date, type: entry.type, topics: entry.topics,
                                        score: (score * 1000).rounded() / 1000, snippets: snippets))
        }
        return SearchResults(query: query.text, total: matches.count, results: results)
    }
}
