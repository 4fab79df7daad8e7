import Foundation

/// Reads a built index from `public/search/`, fetching only the files a query needs, as the
/// browser does. It caches what it read, so use one instance from one thread.
public final class IndexFiles {
    public let folder: URL
    public let meta: SearchIndex.Meta
    private var shards: [Int: [String: [Int]]] = [:]
    private var chunks: [Int: [SearchIndex.Entry]] = [:]
    /// Names of the files read so far, for tests and the benchmark's bytes count.
    public private(set) var filesRead: [String] = []

    public init(folder: URL) throws {
        self.folder = folder
        let url = folder.appendingPathComponent("index.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure(.error("no search index here; run 'lantai build' first", in: url.path))
        }
        let meta = try JSONDecoder().decode(SearchIndex.Meta.self, from: data)
        guard meta.version == SearchIndex.formatVersion else {
            throw BuildFailure(.error("search index version \(meta.version) is not \(SearchIndex.formatVersion); rebuild the site", in: url.path))
        }
        self.meta = meta
        filesRead.append("index.json")
    }

    public func postings(for term: String) throws -> [Posting] {
        let shard = TermShard.of(term, shardCount: meta.shardCount)
        if shards[shard] == nil { shards[shard] = try read("terms/\(shard).json") }
        guard let flat = shards[shard]?[term] else { return [] }
        return TermShard.decode(flat, withPositions: term.unicodeScalars.count > 1)
    }

    public func entry(_ id: Int) throws -> SearchIndex.Entry {
        let chunk = id / meta.chunkSize
        if chunks[chunk] == nil { chunks[chunk] = try read("docs/\(chunk).json") }
        guard let entries = chunks[chunk], id % meta.chunkSize < entries.count else {
            throw BuildFailure(.error("document \(id) is missing from the index", in: folder.path))
        }
        return entries[id % meta.chunkSize]
    }

    public func segments(_ id: Int) throws -> [(anchor: String, start: Int, text: String)] {
        let rows: [SegmentRow] = try read("text/\(id).json")
        return rows.map { ($0.anchor, $0.start, $0.text) }
    }

    private func read<T: Decodable>(_ name: String) throws -> T {
        filesRead.append(name)
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BuildFailure(.error("the search index lacks \(name); rebuild the site", in: folder.path))
        }
        return try JSONDecoder().decode(T.self, from: data)
    }
}
