import Foundation

/// Reads a built index from `public/search/`, fetching only the files a query needs, as the
/// browser does. It caches what it read, so use one instance from one thread.
public final class IndexFiles {
    /// What the index knows of a document without its entry: see the README's `stats/<n>.js`
    /// and `facets/<n>.js`.
    public struct Statistics: Sendable, Hashable {
        public var length: Int
        public var titleEnd: Int
        public var headingsEnd: Int
        /// Index into `meta.years` and `meta.types`, nil when the document has none.
        public var year: Int?
        public var type: Int?
        /// Indexes into `meta.topics`.
        public var topics: [Int]
        /// Per taxonomy of `meta.taxonomies`, the index of the document's value, nil for none.
        public var taxonomies: [Int?]
    }

    public let folder: URL
    public let meta: SearchIndex.Meta
    /// Term shards read, by name (`terms/7`, `recent/3`).
    private var shards: [String: [String: ShardValue]] = [:]
    private var entryFiles: [Int: [SearchIndex.Entry?]] = [:]
    private var dateOrder: [Int]?
    private var statisticsFiles: [Int: [Statistics]] = [:]
    /// Names of the files read so far, for tests and the benchmark's bytes count.
    public private(set) var filesRead: [String] = []

    /// A gram's list in its shard: inline, or the first documents and file numbers of its chunks.
    private enum ShardValue: Decodable {
        case inline(String)
        case chunks([[Int]])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .inline(text) } else { self = .chunks(try container.decode([[Int]].self)) }
        }
    }

    public init(folder: URL) throws {
        self.folder = folder
        let url = folder.appendingPathComponent("index.js")
        guard let script = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure(.error(zh: "这里没有检索索引：先运行 lantai build 生成门户", en: "no search index here; run 'lantai build' first", in: url.path))
        }
        guard let data = SearchAssets.json(inScript: script) else {
            throw BuildFailure(.error(zh: "这不是检索索引文件：重新运行 lantai build", en: "this is not a search index file; rebuild the site", in: url.path))
        }
        struct Version: Decodable { var version: Int }
        let version = try JSONDecoder().decode(Version.self, from: data).version
        guard version == SearchIndex.formatVersion else {
            throw BuildFailure(.error(zh: "检索索引的版本 \(version) 与程序的 \(SearchIndex.formatVersion) 不同：重新运行 lantai build", en: "search index version \(version) is not \(SearchIndex.formatVersion); rebuild the site", in: url.path))
        }
        meta = try JSONDecoder().decode(SearchIndex.Meta.self, from: data)
        filesRead.append("index")
    }

    /// Every posting of a gram of one to three normalised characters, in document order: its
    /// list in the main segment, then its list in the recent one.
    public func postings(for gram: String) throws -> [Posting] {
        var postings = try postings(for: gram, in: .main, shardCount: meta.shardCount)
        if meta.recentShardCount > 0 { postings += try self.postings(for: gram, in: .recent, shardCount: meta.recentShardCount) }
        return postings
    }

    private func postings(for gram: String, in segment: SearchIndex.Segment, shardCount: Int) throws -> [Posting] {
        let name = "\(segment.folder)/\(TermShard.of(gram, shardCount: shardCount))"
        if shards[name] == nil { shards[name] = try read(name) }
        let triple = gram.unicodeScalars.count == 3
        switch shards[name]?[gram] {
        case nil:
            return []
        case .inline(let text):
            return try decode(text, triple: triple, file: name)
        case .chunks(let chunks):
            var postings: [Posting] = []
            for chunk in chunks {
                guard chunk.count == 3 else { throw corrupt(name) }
                let pack: [String] = try read("\(name)-\(chunk[1])")
                guard chunk[2] >= 0, chunk[2] < pack.count else { throw corrupt("\(name)-\(chunk[1])") }
                postings += try decode(pack[chunk[2]], triple: triple, file: "\(name)-\(chunk[1])")
            }
            return postings
        }
    }

    public func entry(_ id: Int) throws -> SearchIndex.Entry {
        let file = id / meta.entriesPerFile
        if entryFiles[file] == nil { entryFiles[file] = try read("docs/\(file)") }
        guard let entries = entryFiles[file], id % meta.entriesPerFile < entries.count, let entry = entries[id % meta.entriesPerFile] else { throw missing(id) }
        return entry
    }

    /// The document numbers newest first (`order.js`), read once.
    public func order() throws -> [Int] {
        if let dateOrder { return dateOrder }
        let order = try numbers("order")
        guard order.count == meta.documentCount, order.allSatisfy({ $0 >= 0 && $0 < meta.idCount }) else { throw corrupt("order") }
        dateOrder = order
        return order
    }

    public func statistics(_ id: Int) throws -> Statistics {
        let file = id / meta.statsPerFile
        if statisticsFiles[file] == nil {
            let ranking = try numbers("stats/\(file)")
            let facets = try numbers("facets/\(file)")
            var rows: [Statistics] = []
            var index = 0
            var facetIndex = 0
            // Per document: year + 1, type + 1, topic count, the topics, a value + 1 per taxonomy.
            let taxonomyCount = meta.taxonomies.count
            let index1 = { (number: Int) in number > 0 ? number - 1 : nil }
            while index + 3 <= ranking.count, facetIndex + 3 <= facets.count,
                  facetIndex + 3 + facets[facetIndex + 2] + taxonomyCount <= facets.count {
                let topicsEnd = facetIndex + 3 + facets[facetIndex + 2]
                guard let ends = SearchIndex.statistics(row: ranking[index..<(index + 3)]) else { throw corrupt("stats/\(file)") }
                rows.append(Statistics(length: ends.length, titleEnd: ends.titleEnd, headingsEnd: ends.headingsEnd,
                                       year: index1(facets[facetIndex]), type: index1(facets[facetIndex + 1]),
                                       topics: Array(facets[(facetIndex + 3)..<topicsEnd]),
                                       taxonomies: facets[topicsEnd..<(topicsEnd + taxonomyCount)].map(index1)))
                index += 3
                facetIndex = topicsEnd + taxonomyCount
            }
            statisticsFiles[file] = rows
        }
        guard let rows = statisticsFiles[file], id % meta.statsPerFile < rows.count else { throw missing(id) }
        return rows[id % meta.statsPerFile]
    }

    /// The numbers of a PostingCode file (`stats/<n>`, `facets/<n>`).
    private func numbers(_ name: String) throws -> [Int] {
        let text: String = try read(name)
        guard let numbers = PostingCode.decode(text) else { throw corrupt(name) }
        return numbers
    }

    /// Every segment of a document, from all its text pieces.
    public func segments(_ id: Int) throws -> [(anchor: String, start: Int, text: String)] {
        var segments: [(anchor: String, start: Int, text: String)] = []
        for piece in try entry(id).pieces.indices {
            let rows: [SegmentRow] = try read("text/\(id)-\(piece)")
            for row in rows {
                guard let text = TextCode.decode(row.text) else { throw corrupt("text/\(id)-\(piece)") }
                segments.append((row.anchor, row.start, text))
            }
        }
        return segments
    }

    private func decode(_ text: String, triple: Bool, file: String) throws -> [Posting] {
        guard let postings = Posting.decode(text, triple: triple) else { throw corrupt(file) }
        return postings
    }

    private func missing(_ id: Int) -> BuildFailure {
        BuildFailure(.error(zh: "索引里缺少第 \(id) 篇文稿：重新运行 lantai build", en: "document \(id) is missing from the index", in: folder.path))
    }

    private func corrupt(_ name: String) -> BuildFailure {
        BuildFailure(.error(zh: "检索索引文件 \(name) 已损坏：重新运行 lantai build", en: "the search index file \(name) is damaged; rebuild the site", in: folder.path))
    }

    /// The JSON of `search/<name>.js`.
    private func read<T: Decodable>(_ name: String) throws -> T {
        filesRead.append(name)
        let url = folder.appendingPathComponent(name + ".js")
        guard let script = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure(.error(zh: "检索索引缺少 \(name).js：重新运行 lantai build", en: "the search index lacks \(name).js; rebuild the site", in: folder.path))
        }
        guard let data = SearchAssets.json(inScript: script) else { throw corrupt(name + ".js") }
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// A segment as stored in `search/text/<id>-<n>.js`: `[anchor, start, text in TextCode]`.
struct SegmentRow: Decodable {
    var anchor: String
    var start: Int
    var text: String

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        anchor = try container.decode(String.self)
        start = try container.decode(Int.self)
        text = try container.decode(String.self)
    }
}
