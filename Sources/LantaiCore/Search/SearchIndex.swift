import Foundation

/// The search index of a corpus, as the build writes it under `search/` (format in the README).
public struct SearchIndex: Sendable {
    public static let formatVersion = 2
    /// Document entries per `docs/<n>.json` and per-document statistics per `stats/<n>.json`.
    static let entriesPerFile = 16
    static let statsPerFile = 1024
    /// A posting list up to this many characters sits in its shard; a longer one gets files of its own.
    static let inlineLimit = 2048
    /// Aim of the inline lists' characters per shard.
    static let shardTarget = 8192
    /// Aim of the text characters' UTF-8 bytes per `text/<id>-<n>.json`.
    static let pieceTarget = 4096

    /// What a result shows about its document, and where its snippet text lies.
    public struct Entry: Sendable, Codable, Hashable {
        public var slug: String
        public var url: String
        public var title: String
        public var date: String?
        public var type: String?
        public var topics: [String]
        /// Stream start of each text piece `text/<id>-<n>.json`.
        public var pieces: [Int]
    }

    /// The file `search/index.json`: what every query reads first.
    public struct Meta: Sendable, Codable {
        public struct Facet: Sendable, Codable, Hashable {
            public var value: String
            public var label: String
            public var count: Int
        }
        public var version: Int
        public var documentCount: Int
        public var shardCount: Int
        public var entriesPerFile: Int
        public var statsPerFile: Int
        public var averageLength: Double
        public var topics: [Facet]
        public var years: [Facet]
        public var types: [Facet]
    }

    public var meta: Meta
    public var entries: [Entry]
    /// Per document, its statistics as `PostingCode` numbers (see `statistics(of:)`).
    var statistics: [[Int]]
    /// Per gram key, its postings.
    var lists: [UInt64: PostingListBuilder]
    /// Per document, the segments of each text piece.
    var pieces: [[[SearchDocument.Segment]]]

    public static func build(_ corpus: Corpus) -> SearchIndex {
        let documents = Parallel.map(corpus.documents) { SearchDocument($0) }
        var lists: [UInt64: PostingListBuilder] = [:]
        // In batches, so only a batch's grams are held at once; merged in document order.
        let batchSize = 256
        for batchStart in stride(from: 0, to: documents.count, by: batchSize) {
            let ids = Array(batchStart..<min(batchStart + batchSize, documents.count))
            let grams = Parallel.map(ids) { DocumentGrams(documents[$0]) }
            for (id, document) in zip(ids, grams) {
                let search = documents[id]
                for gram in document.counted {
                    let tier = SearchDocument.tier(of: gram.first, titleEnd: search.titleEnd, headingsEnd: search.headingsEnd)
                    lists[gram.key, default: PostingListBuilder()].add(id, gram.count, tier)
                }
                for (key, range) in zip(document.tripleKeys, document.tripleRanges) {
                    lists[key, default: PostingListBuilder()].add(id, positions: document.positions[range])
                }
            }
        }

        let yearIndex = Dictionary(uniqueKeysWithValues: corpus.years.enumerated().flatMap { index, year in year.documents.map { ($0, index + 1) } })
        let typeIndex = Dictionary(uniqueKeysWithValues: corpus.types.enumerated().flatMap { index, type in type.documents.map { ($0, index + 1) } })
        let topicIndex = Dictionary(uniqueKeysWithValues: corpus.catalog.topics.enumerated().map { ($1.slug, $0) })
        var statistics: [[Int]] = []
        var entries: [Entry] = []
        var pieces: [[[SearchDocument.Segment]]] = []
        for (id, (document, search)) in zip(corpus.documents, documents).enumerated() {
            let topics = document.topics.compactMap { topicIndex[$0.slug] }
            statistics.append([search.length, search.titleEnd, search.headingsEnd, yearIndex[id] ?? 0, typeIndex[id] ?? 0, topics.count] + topics)
            let documentPieces = Self.pieces(of: search.segments)
            pieces.append(documentPieces)
            entries.append(Entry(slug: document.slug, url: document.pagePath, title: document.title, date: document.date?.description,
                                 type: document.type, topics: document.topics.map(\.slug), pieces: documentPieces.map { $0[0].start }))
        }
        let facet = { (value: String, label: String, documents: [Int]) in Meta.Facet(value: value, label: label, count: documents.count) }
        let meta = Meta(
            version: formatVersion,
            documentCount: documents.count,
            shardCount: shardCount(inlineCharacters: lists.values.reduce(0) { $0 + ($1.bytes.count <= inlineLimit ? $1.bytes.count : 0) }),
            entriesPerFile: entriesPerFile,
            statsPerFile: statsPerFile,
            averageLength: documents.isEmpty ? 0 : Double(documents.reduce(0) { $0 + $1.length }) / Double(documents.count),
            topics: corpus.catalog.topics.map { facet($0.slug, $0.name, corpus.documentsByTopic[$0.slug] ?? []) },
            years: corpus.years.map { facet(String($0.year), "\($0.year)年", $0.documents) },
            types: corpus.types.map { facet($0.type.slug, $0.type.name, $0.documents) })
        return SearchIndex(meta: meta, entries: entries, statistics: statistics, lists: lists, pieces: pieces)
    }

    /// Consecutive segments grouped into pieces of about `pieceTarget` bytes (never empty).
    static func pieces(of segments: [SearchDocument.Segment]) -> [[SearchDocument.Segment]] {
        var pieces: [[SearchDocument.Segment]] = [[]]
        var size = 0
        for segment in segments {
            if size >= pieceTarget, !pieces[pieces.count - 1].isEmpty {
                pieces.append([])
                size = 0
            }
            pieces[pieces.count - 1].append(segment)
            size += segment.text.utf8.count
        }
        return pieces
    }

    /// A power of two that puts about `shardTarget` inline characters in a shard.
    static func shardCount(inlineCharacters: Int) -> Int {
        var count = 1
        while inlineCharacters / count > shardTarget, count < 65536 { count *= 2 }
        return count
    }

    /// The files of `search/`, each as JSON and as a script for `file://` pages.
    public func files() -> [OutputFile] {
        var files = SearchAssets.dataFiles(name: "index", json: SearchAssets.jsonData(meta))
        files += SearchAssets.foldingTable()
        for start in stride(from: 0, to: entries.count, by: meta.entriesPerFile) {
            let chunk = Array(entries[start..<min(start + meta.entriesPerFile, entries.count)])
            files += SearchAssets.dataFiles(name: "docs/\(start / meta.entriesPerFile)", json: SearchAssets.jsonData(chunk))
        }
        for start in stride(from: 0, to: statistics.count, by: meta.statsPerFile) {
            var bytes: [UInt8] = []
            for row in statistics[start..<min(start + meta.statsPerFile, statistics.count)] {
                for number in row { PostingCode.append(number, to: &bytes) }
            }
            files += SearchAssets.dataFiles(name: "stats/\(start / meta.statsPerFile)", json: JSONText.string(String(decoding: bytes, as: UTF8.self)))
        }
        files += termFiles()
        files += Parallel.map(Array(pieces.indices)) { id in
            pieces[id].enumerated().flatMap { number, piece in
                let rows = piece.map { JSONText.array([JSONText.quoted($0.anchor), String($0.start), JSONText.quoted($0.text)]) }
                return SearchAssets.dataFiles(name: "text/\(id)-\(number)", json: Data(JSONText.array(rows).utf8))
            }
        }.flatMap { $0 }
        return files
    }

    /// `terms/<shard>.json` with the short lists of its grams and, for each long list, the first
    /// document of each of its chunks and the chunk's file `terms/<shard>-<n>.json`.
    private func termFiles() -> [OutputFile] {
        var shards = Array(repeating: [(text: String, list: PostingListBuilder)](), count: meta.shardCount)
        for key in lists.keys.sorted() {
            let text = DocumentGrams.text(of: key)
            shards[TermShard.of(text, shardCount: meta.shardCount)].append((text, lists[key]!))
        }
        let grouped = shards
        return Parallel.map(Array(grouped.indices)) { number in
            let grams = grouped[number]
            var files: [OutputFile] = []
            var members: [String] = []
            var chunkFiles = 0
            for (text, list) in grams {
                if list.bytes.count <= Self.inlineLimit {
                    members.append(JSONText.quoted(text) + ":" + JSONText.quoted(String(decoding: list.bytes, as: UTF8.self)))
                    continue
                }
                var descriptors: [String] = []
                for index in list.chunks.indices {
                    descriptors.append(JSONText.array([String(list.chunks[index].document), String(chunkFiles)]))
                    files += SearchAssets.dataFiles(name: "terms/\(number)-\(chunkFiles)", json: JSONText.string(list.chunk(index)))
                    chunkFiles += 1
                }
                members.append(JSONText.quoted(text) + ":" + JSONText.array(descriptors))
            }
            files += SearchAssets.dataFiles(name: "terms/\(number)", json: Data(("{" + members.joined(separator: ",") + "}").utf8))
            return files
        }.flatMap { $0 }
    }
}

extension PostingListBuilder {
    /// A character or pair: document, count, and where it first occurs: 0 in the title, 1 in a
    /// heading, 2 in the text.
    mutating func add(_ document: Int, _ count: Int, _ tier: Int) {
        start(document)
        append(count)
        append(tier)
    }

    /// A triple: document, count, position deltas.
    mutating func add(_ document: Int, positions: ArraySlice<Int>) {
        start(document)
        append(positions.count)
        var previous = 0
        for position in positions {
            append(position - previous)
            previous = position
        }
    }
}

/// Small pieces of JSON written by hand where `JSONEncoder` is too slow for the index's volume.
enum JSONText {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped, and U+2028
    /// and U+2029, which old JavaScript engines refuse inside a script's string literal.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 2)
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20: bytes += Array("\\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16))".utf8)
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                pending = [byte]
                if let second = utf8.next() {
                    pending.append(second)
                    if let third = utf8.next() {
                        pending.append(third)
                        if second == 0x80, third == 0xA8 || third == 0xA9 {
                            pending = Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                        }
                    }
                }
                bytes += pending
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    static func string(_ text: String) -> Data {
        Data(quoted(text).utf8)
    }
}
