import Foundation

/// The search index of a corpus, as the build writes it under `search/` (format in the README).
public enum SearchIndex {
    public static let formatVersion = 13
    /// Document entries per `docs/<n>.js`, and per-document numbers per `stats/<n>.js` (what
    /// ranking reads) and per `facets/<n>.js` (what only filters read). Small files, because a
    /// first page reads the entries of ten scattered documents and the statistics of the
    /// documents of the first window only.
    static let entriesPerFile = 2
    static let statsPerFile = 256
    /// A posting list up to this many characters sits in its shard; a longer one gets files of its own.
    static let inlineLimit = 2048
    /// Later chunks of a long list share a file, this many a file.
    static let chunksPerPack = 8
    /// Aim of the inline lists' characters per shard, and per shard of the recent segment: a
    /// query reads one shard of each segment per gram, and the recent one is the extra.
    static let shardTarget = 8192
    static let recentShardTarget = 1024
    /// Aim of the text characters' UTF-8 bytes per `text/<id>-<n>.js`.
    static let pieceTarget = 4096
    /// Documents whose grams are held at once before they are merged into the posting lists.
    static let batchSize = 256

    /// The two sets of term shards: the postings of documents numbered below
    /// `DocumentNumbers.recentStart` in `terms/`, those of the documents added since in `recent/`.
    enum Segment {
        case main, recent

        var folder: String { self == .main ? "terms" : "recent" }
    }

    /// What a result shows about its document, and where its snippet text lies.
    public struct Entry: Sendable, Codable, Hashable {
        public var slug: String
        public var url: String
        public var title: String
        public var date: String?
        public var type: String?
        public var speaker: String?
        public var topics: [String]
        /// Stream start of each text piece `text/<id>-<n>.js`.
        public var pieces: [Int]
    }

    /// The file `search/index.js`: what every query reads first.
    public struct Meta: Sendable, Codable {
        public struct Facet: Sendable, Codable, Hashable {
            public var value: String
            public var label: String
            public var count: Int
        }
        /// A taxonomy of the site (`speaker`, `organization` …) and its values, filtered by
        /// `parameter` (`speaker=`, `org=`).
        public struct Taxonomy: Sendable, Codable, Hashable {
            public var key: String
            public var parameter: String
            public var label: String
            public var values: [Facet]
        }
        public var version: Int
        /// Documents in the index.
        public var documentCount: Int
        /// Document numbers in use, holes included (`DocumentNumbers`): readers go over
        /// `0..<idCount`.
        public var idCount: Int
        public var shardCount: Int
        /// The first document number of the recent segment (`idCount` when it is empty) and its
        /// shard count (0 when it has no postings): a gram's list is its list in `terms/`
        /// followed by its list in `recent/`.
        public var recentStart: Int
        public var recentShardCount: Int
        public var entriesPerFile: Int
        public var statsPerFile: Int
        public var averageLength: Double
        public var topics: [Facet]
        public var years: [Facet]
        public var types: [Facet]
        public var taxonomies: [Taxonomy]
    }

    /// What writing an index did.
    struct Written {
        var files: Int
        /// For the next build: what it needs to patch this index.
        var state: SearchIndexState
        /// Whether the previous index was patched rather than made again.
        var patched: Bool
    }

    /// Builds the index of `corpus`, each document under its number in `numbers`, and writes its
    /// files through `sink`. With the state of the index in the output (`previous`), only the
    /// files that a few changed documents touch are made again (`SearchIndexPatch`); otherwise
    /// every file is, and the documents' passages are let go as they are indexed: their text is
    /// the largest part of what the build holds while the posting lists fill (the caller that
    /// holds no other copy of the corpus gets that memory back).
    static func write(_ corpus: inout Corpus, numbers: DocumentNumbers, to sink: some OutputFiles, previous: SearchIndexState? = nil,
                      tick: @escaping @Sendable () -> Void = {}) -> Written {
        let (ids, slots) = numbers.numbers(of: corpus.documents.map { $0.sourcePath })
        let fingerprints = Self.fingerprints(of: corpus.documents, slots: slots)
        var result: Made
        var patched = false
        if let previous, let patch = SearchIndexPatch(previous: previous, corpus: corpus, slots: slots, fingerprints: fingerprints,
                                                       recentStart: numbers.recentStart, sink: sink).apply() {
            result = patch
            patched = true
            for _ in corpus.documents { tick() }
        } else {
            result = writeAll(&corpus, slots: slots, fingerprints: fingerprints, recentStart: numbers.recentStart, to: sink, tick: tick)
        }
        let state = SearchIndexState(shardCount: shardCount(inlineCharacters: result.inlineCharacters),
                                     inlineCharacters: result.inlineCharacters, recentStart: numbers.recentStart,
                                     recentShardCount: result.recentShardCount, documents: result.documents)
        return Written(files: result.files + writeDocumentFiles(corpus, ids: ids, slots: slots, state: state, to: sink), state: state, patched: patched)
    }

    /// What making or patching the index's files gives: the state of each document number, the
    /// main segment's inline characters (its shard count follows them), the recent segment's
    /// shard count, and how many files were written or kept.
    struct Made {
        var documents: [SearchIndexState.Document?]
        var inlineCharacters: Int
        var recentShardCount: Int
        var files: Int
    }

    /// Each document number's fingerprint (nil for a hole).
    private static func fingerprints(of documents: [Document], slots: [Int?]) -> [UInt64?] {
        Parallel.map(slots) { slot in slot.map { SearchDocument.fingerprint(of: documents[$0]) } }
    }

    /// Text pieces per document, then the posting lists of every gram in their shards, those of
    /// numbers from `recentStart` on in the recent segment's. Only the posting lists are held
    /// until the end; each batch of documents leaves `corpus` without its passages.
    private static func writeAll(_ corpus: inout Corpus, slots: [Int?], fingerprints: [UInt64?], recentStart: Int, to sink: some OutputFiles,
                                 tick: @escaping @Sendable () -> Void) -> Made {
        let (partitions, recent) = (IndexPartition.empty(), IndexPartition.empty())
        var documents: [SearchIndexState.Document?] = []
        var files = 0
        for batchStart in stride(from: 0, to: slots.count, by: batchSize) {
            let ids = Array(batchStart..<min(batchStart + batchSize, slots.count))
            let read = ids.map { id -> Document? in
                guard let index = slots[id] else { return nil }
                defer { corpus.documents[index].passages = [] }
                return corpus.documents[index]
            }
            let batch = Parallel.map(Array(ids.indices)) { number -> (grams: DocumentGrams, state: SearchIndexState.Document)? in
                let id = ids[number]
                guard let document = read[number], let fingerprint = fingerprints[id] else { return nil }
                defer { tick() }
                let search = SearchDocument(document)
                let pieces = writePieces(of: search, id: id, to: sink)
                let state = SearchIndexState.Document(fingerprint: fingerprint, length: search.length, titleEnd: search.titleEnd,
                                                      headingsEnd: search.headingsEnd, pieces: pieces)
                return (grams: DocumentGrams(search), state: state)
            }
            Parallel.forEach(partitions.indices) { partition in
                for (id, document) in zip(ids, batch) {
                    if let document { (id < recentStart ? partitions : recent)[partition].add(id, document.grams, partition: partition) }
                }
            }
            for document in batch {
                documents.append(document?.state)
                files += document?.state.pieces.count ?? 0
            }
        }
        let inlineCharacters = Self.inlineCharacters(of: partitions)
        files += writeTerms(partitions, shardCount: shardCount(inlineCharacters: inlineCharacters), segment: .main, to: sink)
        let (recentShardCount, recentFiles) = writeRecent(recent, to: sink)
        return Made(documents: documents, inlineCharacters: inlineCharacters, recentShardCount: recentShardCount, files: files + recentFiles)
    }

    /// Characters of the lists that sit inline in their shards.
    private static func inlineCharacters(of partitions: [IndexPartition]) -> Int {
        partitions.reduce(0) { sum, partition in
            sum + partition.lists.reduce(0) { $0 + ($1.bytes.count <= inlineLimit ? $1.bytes.count : 0) }
        }
    }

    /// The posting lists of `documents` (in increasing number order).
    static func partitions(of documents: [(id: Int, grams: DocumentGrams)]) -> [IndexPartition] {
        let partitions = IndexPartition.empty()
        Parallel.forEach(partitions.indices) { partition in
            for document in documents { partitions[partition].add(document.id, document.grams, partition: partition) }
        }
        return partitions
    }

    /// The recent segment's shards, from its posting lists: its shard count (0 when it has no
    /// lists, and no files) and how many files.
    static func writeRecent(_ partitions: [IndexPartition], to sink: some OutputFiles) -> (shardCount: Int, files: Int) {
        guard partitions.contains(where: { !$0.keys.isEmpty }) else { return (0, 0) }
        let count = shardCount(inlineCharacters: inlineCharacters(of: partitions), target: recentShardTarget)
        return (count, writeTerms(partitions, shardCount: count, segment: .recent, to: sink))
    }

    /// Writes a document's text pieces `text/<id>-<n>.js`; returns the stream start of each.
    static func writePieces(of search: SearchDocument, id: Int, to sink: some OutputFiles) -> [Int] {
        let pieces = Self.pieces(of: search.segments)
        for (number, piece) in pieces.enumerated() {
            // Rows `[anchor, start, text in TextCode]`.
            var json: [UInt8] = [UInt8(ascii: "[")]
            json.reserveCapacity(piece.reduce(16) { $0 + $1.coded.utf8.count + $1.segment.anchor.utf8.count + 24 })
            for (index, (segment, coded)) in piece.enumerated() {
                json += index > 0 ? Array(",[".utf8) : [UInt8(ascii: "[")]
                JSONText.appendQuoted(segment.anchor, to: &json)
                json += ",\(segment.start),".utf8
                JSONText.appendQuoted(coded, to: &json)
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "]"))
            sink.write(SearchAssets.script(name: "text/\(id)-\(number)", json: json), to: SearchAssets.path("text/\(id)-\(number)"))
        }
        return pieces.map { $0[0].segment.start }
    }

    /// `index.js`, `fold.js`, `order.js`, and the entries, statistics and facets of every
    /// document number (empty for a hole), from the corpus and the index's state. Returns the
    /// number of files.
    private static func writeDocumentFiles(_ corpus: Corpus, ids: [Int], slots: [Int?], state: SearchIndexState, to sink: some OutputFiles) -> Int {
        let yearIndex = Dictionary(uniqueKeysWithValues: corpus.years.enumerated().flatMap { index, year in year.documents.map { ($0, index + 1) } })
        let typeIndex = Dictionary(uniqueKeysWithValues: corpus.types.enumerated().flatMap { index, type in type.documents.map { ($0, index + 1) } })
        let topicIndex = Dictionary(uniqueKeysWithValues: corpus.catalog.topics.enumerated().map { ($1.slug, $0) })
        let taxonomyIndexes = corpus.taxonomies.map { taxonomy in
            Dictionary(uniqueKeysWithValues: taxonomy.values.enumerated().flatMap { index, value in value.documents.map { ($0, index + 1) } })
        }
        let entries = zip(slots, state.documents).map { slot, indexed -> Entry? in
            guard let slot, let indexed else { return nil }
            let document = corpus.documents[slot]
            return Entry(slug: document.slug, url: document.pagePath, title: document.title, date: document.date?.description,
                         type: document.type, speaker: document.speaker, topics: document.topics.map(\.slug), pieces: indexed.pieces)
        }
        let statistics = state.documents.map { $0.map { statisticsRow(length: $0.length, titleEnd: $0.titleEnd, headingsEnd: $0.headingsEnd) } ?? [0, 0, 0] }
        let facets = slots.map { slot -> [Int] in
            guard let index = slot else { return [0, 0, 0] + taxonomyIndexes.map { _ in 0 } }
            let topics = corpus.documents[index].topics.compactMap { topicIndex[$0.slug] }
            return [yearIndex[index] ?? 0, typeIndex[index] ?? 0, topics.count] + topics + taxonomyIndexes.map { $0[index] ?? 0 }
        }
        let totalLength = state.documents.reduce(0) { $0 + ($1?.length ?? 0) }
        let facet = { (value: String, label: String, documents: [Int]) in Meta.Facet(value: value, label: label, count: documents.count) }
        let meta = Meta(
            version: formatVersion,
            documentCount: corpus.documents.count,
            idCount: slots.count,
            shardCount: state.shardCount,
            recentStart: state.recentStart,
            recentShardCount: state.recentShardCount,
            entriesPerFile: entriesPerFile,
            statsPerFile: statsPerFile,
            averageLength: corpus.documents.isEmpty ? 0 : Double(totalLength) / Double(corpus.documents.count),
            topics: corpus.catalog.topics.map { facet($0.slug, $0.name, corpus.documentsByTopic[$0.slug] ?? []) },
            years: corpus.years.map { facet(String($0.year), "\($0.year)年", $0.documents) },
            types: corpus.types.map { facet($0.type.slug, $0.type.name, $0.documents) },
            taxonomies: corpus.taxonomies.map { taxonomy, values in
                Meta.Taxonomy(key: taxonomy.rawValue, parameter: taxonomy.parameter, label: taxonomy.label,
                              values: values.map { facet($0.value, $0.value, $0.documents) })
            })
        sink.write(SearchAssets.script(name: "index", json: SearchAssets.json(meta)), to: SearchAssets.path("index"))
        sink.write(SearchAssets.script(name: "fold", json: FoldFile.json), to: SearchAssets.path("fold"))
        sink.write(SearchAssets.script(name: "code", json: TextCode.json), to: SearchAssets.path("code"))
        // The numbers newest first (the corpus's order), for sorting by date.
        var order: [UInt8] = []
        for id in ids { PostingCode.append(id, to: &order) }
        sink.write(SearchAssets.script(name: "order", json: "\"" + String(decoding: order, as: UTF8.self) + "\""), to: SearchAssets.path("order"))
        var files = 4
        // Every entry file is written again (a patch compares it with the one in the output), on
        // every core.
        let starts = Array(stride(from: 0, to: entries.count, by: entriesPerFile))
        Parallel.forEach(starts.indices) { number in
            let start = starts[number]
            let name = "docs/\(start / entriesPerFile)"
            sink.write(SearchAssets.script(name: name, json: Entry.json(entries[start..<min(start + entriesPerFile, entries.count)])), to: SearchAssets.path(name))
        }
        files += starts.count
        for (folder, rows) in [("stats", statistics), ("facets", facets)] {
            for start in stride(from: 0, to: rows.count, by: statsPerFile) {
                var bytes: [UInt8] = []
                for row in rows[start..<min(start + statsPerFile, rows.count)] {
                    for number in row { PostingCode.append(number, to: &bytes) }
                }
                let name = "\(folder)/\(start / statsPerFile)"
                sink.write(SearchAssets.script(name: name, json: "\"" + String(decoding: bytes, as: UTF8.self) + "\""), to: SearchAssets.path(name))
                files += 1
            }
        }
        return files
    }

    /// A document's row of `stats/<n>`: its length, then its title's and headings' ends. Where
    /// its segments are strided (`SearchDocument.starts`) the title's end is the stride, a power
    /// of two, and the headings' end a multiple of it: written as the power's exponent times two
    /// plus one and the multiple (two symbols where the ends took four or five; the statistics
    /// are a tenth of what a first query reads); otherwise as the title's end times two and the
    /// headings' end.
    static func statisticsRow(length: Int, titleEnd: Int, headingsEnd: Int) -> [Int] {
        if titleEnd > 0, titleEnd & (titleEnd - 1) == 0, headingsEnd % titleEnd == 0 {
            return [length, titleEnd.trailingZeroBitCount * 2 + 1, headingsEnd / titleEnd]
        }
        return [length, titleEnd * 2, headingsEnd]
    }

    /// The length and ends of a row of `stats/<n>` (`statisticsRow`); nil when they cannot be.
    static func statistics(row: ArraySlice<Int>) -> (length: Int, titleEnd: Int, headingsEnd: Int)? {
        guard row.count == 3 else { return nil }
        let (length, ends, more) = (row[row.startIndex], row[row.startIndex + 1], row[row.startIndex + 2])
        guard ends % 2 == 1 else { return (length, ends / 2, more) }
        guard ends / 2 < 62, more <= Int.max >> (ends / 2) else { return nil }
        return (length, 1 << (ends / 2), more << (ends / 2))
    }

    /// Consecutive segments, each with its text in `TextCode`, grouped into pieces of about
    /// `pieceTarget` bytes of coded text (never empty).
    static func pieces(of segments: [SearchDocument.Segment]) -> [[(segment: SearchDocument.Segment, coded: String)]] {
        var pieces: [[(segment: SearchDocument.Segment, coded: String)]] = [[]]
        var size = 0
        for segment in segments {
            if size >= pieceTarget, !pieces[pieces.count - 1].isEmpty {
                pieces.append([])
                size = 0
            }
            let coded = TextCode.encode(segment.text)
            pieces[pieces.count - 1].append((segment, coded))
            size += coded.utf8.count
        }
        return pieces
    }

    /// A power of two that puts about `target` inline characters in a shard.
    static func shardCount(inlineCharacters: Int, target: Int = shardTarget) -> Int {
        var count = 1
        while inlineCharacters / count > target, count < 65536 { count *= 2 }
        return count
    }

    /// Every term shard (see `TermShardFile`), each from the lists of its grams in the partitions.
    /// Returns the number of files.
    private static func writeTerms(_ partitions: [IndexPartition], shardCount: Int, segment: Segment, to sink: some OutputFiles) -> Int {
        // Per partition, (shard, key, list number) of each gram; then per shard its grams.
        let placed = Parallel.map(Array(partitions.indices)) { partition in
            partitions[partition].keys.enumerated().map { number, key in
                (shard: TermShard.of(DocumentGrams.scalars(of: key), shardCount: shardCount), key: key, number: number)
            }
        }
        var shards = Array(repeating: [(key: UInt64, partition: Int, number: Int)](), count: shardCount)
        for (partition, grams) in placed.enumerated() {
            for gram in grams { shards[gram.shard].append((gram.key, partition, gram.number)) }
        }
        let members = shards
        return Parallel.map(Array(members.indices)) { shard in
            let lists = members[shard].sorted { $0.key < $1.key }.map { ($0.key, partitions[$0.partition].lists[$0.number]) }
            return write(TermShardFile(folder: segment.folder, shard: shard, lists: lists), to: sink)
        }.reduce(0, +)
    }

    /// Writes a shard's files; returns how many.
    static func write(_ shard: TermShardFile, to sink: some OutputFiles) -> Int {
        let files = shard.files()
        for file in files { sink.write(SearchAssets.script(name: file.name, json: file.json), to: SearchAssets.path(file.name)) }
        return files.count
    }
}

/// The posting lists of the grams of one partition, filled by one thread at a time.
final class IndexPartition: @unchecked Sendable {
    private var table = GramTable(expected: 4096)
    private(set) var keys: [UInt64] = []
    private(set) var lists: [PostingListBuilder] = []

    /// One empty partition for each of `DocumentGrams.partitionCount`.
    static func empty() -> [IndexPartition] {
        (0..<DocumentGrams.partitionCount).map { _ in IndexPartition() }
    }

    /// Appends document `id`'s grams of this partition to their lists (ids come in increasing order).
    func add(_ id: Int, _ grams: DocumentGrams, partition: Int) {
        let range = grams.partitionStarts[partition]..<grams.partitionStarts[partition + 1]
        // The lists' numbers first (adding lists for new grams), then the postings through one
        // access to the lists rather than one per posting.
        var numbers: [Int] = []
        numbers.reserveCapacity(range.count)
        for index in range {
            let (number, isNew) = table.number(of: grams.keys[index])
            if isNew {
                keys.append(grams.keys[index])
                lists.append(PostingListBuilder())
            }
            numbers.append(number)
        }
        lists.withUnsafeMutableBufferPointer { lists in
            grams.positions.withUnsafeBufferPointer { positions in
                for (index, number) in zip(range, numbers) {
                    let count = Int(grams.counts[index])
                    if DocumentGrams.isTriple(grams.keys[index]) {
                        let start = Int(grams.values[index])
                        lists[number].add(id, positions: positions[start..<(start + count)])
                    } else {
                        let tier = SearchDocument.tier(of: Int(grams.values[index]), titleEnd: grams.titleEnd, headingsEnd: grams.headingsEnd)
                        lists[number].add(id, count: count, tier: tier)
                    }
                }
            }
        }
    }
}
