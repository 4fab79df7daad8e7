import Foundation

/// The search index of a corpus, as the build writes it under `search/` (format in the README).
public struct SearchIndex: Sendable {
    public static let formatVersion = 1

    /// What a result shows about its document.
    public struct Entry: Sendable, Codable, Hashable {
        public var slug: String
        public var url: String
        public var title: String
        public var date: String?
        public var type: String?
        public var topics: [String]
    }

    /// The file `search/index.json`: everything a query needs before it fetches postings.
    public struct Meta: Sendable, Codable {
        public struct Facet: Sendable, Codable, Hashable {
            public var value: String
            public var label: String
            public var documents: [Int]
        }
        public var version: Int
        public var documentCount: Int
        public var shardCount: Int
        public var chunkSize: Int
        public var averageLength: Double
        /// Per document: stream length, end of title, end of headings.
        public var lengths: [[Int]]
        public var topics: [Facet]
        public var years: [Facet]
        public var types: [Facet]
    }

    public var meta: Meta
    public var entries: [Entry]
    public var postings: [String: [Posting]]
    /// Per document: (anchor, stream start, text) of each segment, for snippets.
    public var segments: [[SearchDocument.Segment]]

    public static func build(_ corpus: Corpus) -> SearchIndex {
        let documents = Parallel.map(corpus.documents) { SearchDocument($0) }
        let local = Parallel.map(documents) { termPositions(of: $0) }
        var postings: [String: [Posting]] = [:]
        for (id, terms) in local.enumerated() {
            for (term, positions) in terms {
                let posting = term.unicodeScalars.count == 1
                    ? Posting(document: id, positions: [], count: positions.count)
                    : Posting(document: id, positions: positions, count: positions.count)
                postings[term, default: []].append(posting)
            }
        }
        let entries = corpus.documents.map { document in
            Entry(slug: document.slug, url: document.pagePath, title: document.title, date: document.date?.description,
                  type: document.type, topics: document.topics.map(\.slug))
        }
        let totalPositions = local.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } }
        let meta = Meta(
            version: formatVersion,
            documentCount: documents.count,
            shardCount: shardCount(forPositions: totalPositions),
            chunkSize: 200,
            averageLength: documents.isEmpty ? 0 : Double(documents.reduce(0) { $0 + $1.length }) / Double(documents.count),
            lengths: documents.map { [$0.length, $0.titleEnd, $0.headingsEnd] },
            topics: corpus.catalog.topics.map { Meta.Facet(value: $0.slug, label: $0.name, documents: corpus.documentsByTopic[$0.slug] ?? []) },
            years: corpus.years.map { Meta.Facet(value: String($0.year), label: "\($0.year)年", documents: $0.documents) },
            types: corpus.types.map { Meta.Facet(value: $0.type.slug, label: $0.type.name, documents: $0.documents) })
        return SearchIndex(meta: meta, entries: entries, postings: postings, segments: documents.map(\.segments))
    }

    /// Every one- and two-character term of a document with its stream positions. No bigram
    /// spans the boundary between two segments.
    static func termPositions(of document: SearchDocument) -> [String: [Int]] {
        var terms: [String: [Int]] = [:]
        for segment in document.segments {
            let scalars = Array(segment.normalized.unicodeScalars)
            for (offset, scalar) in scalars.enumerated() {
                let position = segment.start + offset
                terms[String(scalar), default: []].append(position)
                if offset + 1 < scalars.count {
                    var pair = String.UnicodeScalarView()
                    pair.append(scalar)
                    pair.append(scalars[offset + 1])
                    terms[String(pair), default: []].append(position)
                }
            }
        }
        return terms
    }

    /// About 5,000 positions a shard (some 25 KB of JSON), in powers of two up to 4,096 shards.
    static func shardCount(forPositions positions: Int) -> Int {
        var count = 1
        while positions / count > 5_000, count < 4096 { count *= 2 }
        return count
    }

    /// The files of `search/`, each as JSON and as a script for `file://` pages.
    public func files() -> [OutputFile] {
        var files = SearchAssets.dataFiles(name: "index", json: SearchAssets.jsonData(meta))
        files += SearchAssets.foldingTable()
        for start in stride(from: 0, to: entries.count, by: meta.chunkSize) {
            let chunk = Array(entries[start..<min(start + meta.chunkSize, entries.count)])
            files += SearchAssets.dataFiles(name: "docs/\(start / meta.chunkSize)", json: SearchAssets.jsonData(chunk))
        }
        var shards = Array(repeating: [String: [Int]](), count: meta.shardCount)
        for (term, list) in postings {
            shards[TermShard.of(term, shardCount: meta.shardCount)][term] = TermShard.encode(list, withPositions: term.unicodeScalars.count > 1)
        }
        for (number, shard) in shards.enumerated() {
            files += SearchAssets.dataFiles(name: "terms/\(number)", json: SearchAssets.jsonData(shard))
        }
        for (id, documentSegments) in segments.enumerated() {
            let rows = documentSegments.map { SegmentRow(anchor: $0.anchor, start: $0.start, text: $0.text) }
            files += SearchAssets.dataFiles(name: "text/\(id)", json: SearchAssets.jsonData(rows))
        }
        return files
    }
}

/// A segment as stored in `search/text/<id>.json`: `[anchor, start, text]`.
struct SegmentRow: Codable {
    var anchor: String
    var start: Int
    var text: String

    init(anchor: String, start: Int, text: String) {
        self.anchor = anchor
        self.start = start
        self.text = text
    }

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        anchor = try container.decode(String.self)
        start = try container.decode(Int.self)
        text = try container.decode(String.self)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(anchor)
        try container.encode(start)
        try container.encode(text)
    }
}
