import Foundation

/// Updates the search index a previous build wrote when only a few documents changed: only
/// their text pieces and the shards of the grams whose postings they change are made again;
/// every other search file is carried over from the output untouched.
///
/// A document's postings depend on nothing but its own text, so the index of the documents
/// under the same numbers is the old index with the changed documents' postings replaced. The
/// old postings are read back from their text pieces in the output (verified against the
/// manifest); each touched list is decoded, the changed documents' entries are swapped, and the
/// list and its shard are made again by the code a full build uses, so the bytes are the ones a
/// full build writes (the incremental build tests compare them). The recent segment
/// (`DocumentNumbers.recentStart`) is small and made again whole from its documents when one of
/// them changed; a document that a fold moves out of it counts as added to the main shards.
///
/// Gives up (nil) when anything is not as expected: too many changed documents, a file missing
/// or different from the manifest, or a shard count that would change. The caller then builds
/// the whole index.
struct SearchIndexPatch {
    /// A document's entry in one gram's list without the document number, encoded
    /// (`PostingCode`): the count, then the tier for one or two characters or the position deltas
    /// for three. It does not depend on where in the list it stands, so it is copied as it is.
    typealias Payload = [UInt8]

    /// At most this many changed documents, or one in this many of the corpus, are patched in.
    static let minimumLimit = 16
    static let corpusShare = 200

    let previous: SearchIndexState
    let corpus: Corpus
    /// Per document number, its document's position in the corpus (nil: no document).
    let slots: [Int?]
    /// Per document number, its document's search fingerprint.
    let fingerprints: [UInt64?]
    /// The new index's first number of the recent segment (`DocumentNumbers.recentStart`).
    let recentStart: Int
    let sink: any OutputFiles

    /// The previous index's document under number `id`, if it had one.
    private func previousDocument(_ id: Int) -> SearchIndexState.Document? {
        id < previous.documents.count ? previous.documents[id] : nil
    }

    /// Document numbers whose text pieces may differ: changed fingerprints, and numbers only the
    /// old or only the new index gives a document (added and removed documents).
    var changed: [Int] {
        (0..<max(previous.documents.count, fingerprints.count)).filter { id in
            previousDocument(id)?.fingerprint != (id < fingerprints.count ? fingerprints[id] : nil)
        }
    }

    /// Document numbers whose postings in the main segment (`terms/`) may differ: as `changed`,
    /// a document of a recent segment counting as none there, so that the documents the new
    /// index folds in from the previous recent segment are added to the main one.
    var changedInMain: [Int] {
        (0..<max(previous.documents.count, fingerprints.count)).filter { id in
            (id < previous.recentStart ? previousDocument(id)?.fingerprint : nil) != (id < recentStart && id < fingerprints.count ? fingerprints[id] : nil)
        }
    }

    func apply() -> SearchIndex.Made? {
        let changed = changed
        let inMain = changedInMain
        guard inMain.count <= max(Self.minimumLimit, corpus.documents.count / Self.corpusShare), let previousPaths = sink.previousPaths else { return nil }
        // The recent segment is small: made again from its documents whenever one of them
        // changed or it starts elsewhere.
        let remakeRecent = recentStart != previous.recentStart || changed.contains { $0 >= recentStart }
        let recentIDs = remakeRecent ? Array(recentStart..<slots.count) : []
        let wanted = Set(changed).union(inMain).union(recentIDs).sorted()
        let made = Parallel.map(wanted) { id -> SearchDocument? in
            id < slots.count ? slots[id].map { SearchDocument(corpus.documents[$0]) } : nil
        }
        let search = Dictionary(uniqueKeysWithValues: zip(wanted, made))
        // Old and new entries in the main segment of the documents whose entries there may differ, by gram.
        let versions = Parallel.map(inMain) { id -> (old: [UInt64: Payload], new: [UInt64: Payload])? in
            var old: [UInt64: Payload] = [:]
            if id < previous.recentStart, let state = previousDocument(id) {
                guard let document = oldDocument(id, state) else { return nil }
                old = Self.entries(of: DocumentGrams(document))
            }
            guard id < recentStart, let document = search[id] ?? nil else { return (old, [:]) }
            return (old, Self.entries(of: DocumentGrams(document)))
        }
        guard !versions.contains(where: { $0 == nil }) else { return nil }
        var replacements: [UInt64: [(id: Int, entry: Payload?)]] = [:]
        for (id, version) in zip(inMain, versions.map { $0! }) {
            for (key, entry) in version.old where version.new[key] != entry { replacements[key, default: []].append((id, version.new[key])) }
            for (key, entry) in version.new where version.old[key] == nil { replacements[key, default: []].append((id, entry)) }
        }
        var keysByShard: [Int: [UInt64]] = [:]
        for key in replacements.keys {
            keysByShard[TermShard.of(DocumentGrams.scalars(of: key), shardCount: previous.shardCount), default: []].append(key)
        }
        let shards = keysByShard.keys.sorted()
        let (byShard, replaced) = (keysByShard, replacements)
        let patched = Parallel.map(shards) { shard in patch(shard, keys: byShard[shard]!, replacements: replaced) }
        guard !patched.contains(where: { $0 == nil }) else { return nil }
        let inlineCharacters = previous.inlineCharacters + patched.reduce(0) { $0 + $1!.inlineChange }
        guard SearchIndex.shardCount(inlineCharacters: inlineCharacters) == previous.shardCount else { return nil }

        // Every other shard's files, the recent segment's unless made again, and every unchanged
        // document's pieces stay as they are.
        let touched = Set(shards)
        let changedSet = Set(changed)
        let recentPrefix = SearchAssets.folder + "/" + SearchIndex.Segment.recent.folder + "/"
        var kept: [String] = []
        for path in previousPaths {
            if let shard = Self.shard(ofTermsPath: path), !touched.contains(shard) { kept.append(path) }
            if !remakeRecent, path.hasPrefix(recentPrefix) { kept.append(path) }
        }
        var documents: [SearchIndexState.Document?] = []
        for id in slots.indices {
            if changedSet.contains(id) {
                guard let document = search[id] ?? nil, let fingerprint = fingerprints[id] else {
                    documents.append(nil)
                    continue
                }
                let pieces = SearchIndex.pieces(of: document.segments)
                documents.append(SearchIndexState.Document(fingerprint: fingerprint, length: document.length, titleEnd: document.titleEnd,
                                                           headingsEnd: document.headingsEnd, pieces: pieces.map { $0[0].segment.start }))
            } else {
                let state = previousDocument(id)
                documents.append(state)
                kept += (0..<(state?.pieces.count ?? 0)).map { SearchAssets.path("text/\(id)-\($0)") }
            }
        }
        guard sink.keep(kept) else { return nil }

        // Nothing can fail from here on: write.
        var files = kept.count
        for id in changed {
            if let document = search[id] ?? nil { files += SearchIndex.writePieces(of: document, id: id, to: sink).count }
        }
        for shard in patched {
            files += SearchIndex.write(shard!.file, to: sink)
        }
        var recentShardCount = previous.recentShardCount
        if remakeRecent {
            let grams = Parallel.map(recentIDs) { id in (search[id] ?? nil).map { (id: id, grams: DocumentGrams($0)) } }
            let recent = SearchIndex.writeRecent(SearchIndex.partitions(of: grams.compactMap { $0 }), to: sink)
            recentShardCount = recent.shardCount
            files += recent.files
        }
        return SearchIndex.Made(documents: documents, inlineCharacters: inlineCharacters, recentShardCount: recentShardCount, files: files)
    }

    /// Shard `shard` read from the output with the lists of `keys` rebuilt.
    private func patch(_ shard: Int, keys: [UInt64], replacements: [UInt64: [(id: Int, entry: Payload?)]]) -> (file: TermShardFile, inlineChange: Int)? {
        guard let json = previousJSON("terms/\(shard)"),
              var file = TermShardFile.read(shard: shard, json: json, pack: { previousJSON("terms/\(shard)-\($0)") }) else { return nil }
        var lists = Dictionary(file.lists.map { ($0.key, $0.list) }, uniquingKeysWith: { first, _ in first })
        var inlineChange = 0
        for key in keys {
            let replacing = replacements[key]!.sorted { $0.id < $1.id }
            var old: [(id: Int, payload: Range<Int>)] = []
            let oldList = lists[key] ?? PostingListBuilder()
            if lists[key] != nil {
                inlineChange -= oldList.bytes.count <= SearchIndex.inlineLimit ? oldList.bytes.count : 0
                guard let entries = Self.entries(of: oldList, triple: DocumentGrams.isTriple(key)) else { return nil }
                old = entries
            }
            // Both in document order: merge, the replacements taking the place of the old entries.
            var list = PostingListBuilder()
            var next = 0
            for entry in old {
                while next < replacing.count, replacing[next].id < entry.id {
                    if let payload = replacing[next].entry { list.add(replacing[next].id, payload: payload[...]) }
                    next += 1
                }
                if next < replacing.count, replacing[next].id == entry.id {
                    if let payload = replacing[next].entry { list.add(entry.id, payload: payload[...]) }
                    next += 1
                    continue
                }
                list.add(entry.id, payload: oldList.bytes[entry.payload])
            }
            for replacement in replacing[next...] {
                if let payload = replacement.entry { list.add(replacement.id, payload: payload[...]) }
            }
            guard !list.bytes.isEmpty else {
                lists[key] = nil
                continue
            }
            inlineChange += list.bytes.count <= SearchIndex.inlineLimit ? list.bytes.count : 0
            lists[key] = list
        }
        file.lists = lists.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return (file, inlineChange)
    }

    /// The JSON of the output's search file `name`, as the previous build wrote it.
    private func previousJSON(_ name: String) -> [UInt8]? {
        sink.previousContents(SearchAssets.path(name)).flatMap { SearchAssets.json(inScript: Data($0)) }.map { [UInt8]($0) }
    }

    /// Document `id` of the previous index, from its text pieces: their segments, normalised
    /// again, must give back the stream positions the pieces hold.
    private func oldDocument(_ id: Int, _ state: SearchIndexState.Document) -> SearchDocument? {
        var segments: [SearchDocument.Segment] = []
        for number in state.pieces.indices {
            guard let json = previousJSON("text/\(id)-\(number)"), let rows = Self.pieceRows(json) else { return nil }
            for row in rows {
                segments.append(SearchDocument.Segment(anchor: row.anchor, start: row.start, text: row.text, normalized: SearchNormalizer.normalize(row.text)))
            }
        }
        // Normalised again, the segments must lie where the pieces say.
        let lengths = segments.map { $0.normalized.unicodeScalars.count }
        guard SearchDocument.starts(ofSegmentsWith: lengths) == segments.map(\.start), lengths.reduce(0, { $0 + $1 + 1 }) == state.length else { return nil }
        return SearchDocument(segments: segments, length: state.length, titleEnd: state.titleEnd, headingsEnd: state.headingsEnd)
    }

    /// The rows `[anchor, start, text]` of a text piece, the text decoded from `TextCode`.
    static func pieceRows(_ json: [UInt8]) -> [(anchor: String, start: Int, text: String)]? {
        var reader = JSONScanner(json)
        var rows: [(anchor: String, start: Int, text: String)] = []
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        repeat {
            guard reader.take(UInt8(ascii: "[")), let anchor = reader.string(), reader.take(UInt8(ascii: ",")),
                  let start = reader.integer(), reader.take(UInt8(ascii: ",")), let text = reader.string(),
                  reader.take(UInt8(ascii: "]")) else { return nil }
            guard let text = TextCode.decode(String(decoding: text, as: UTF8.self)) else { return nil }
            rows.append((String(decoding: anchor, as: UTF8.self), start, text))
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "]")), reader.atEnd else { return nil }
        return rows
    }

    /// Each gram of a document with its entry.
    static func entries(of grams: DocumentGrams) -> [UInt64: Payload] {
        var entries: [UInt64: Payload] = [:]
        entries.reserveCapacity(grams.keys.count)
        for (index, key) in grams.keys.enumerated() {
            let count = Int(grams.counts[index])
            let value = Int(grams.values[index])
            var payload: Payload = []
            if DocumentGrams.isTriple(key) {
                PostingEntry.appendTriple(grams.positions[value..<(value + count)], to: &payload)
            } else {
                PostingEntry.appendGram(count: count, tier: SearchDocument.tier(of: value, titleEnd: grams.titleEnd, headingsEnd: grams.headingsEnd),
                                        to: &payload)
            }
            entries[key] = payload
        }
        return entries
    }

    /// The entries of a list: each document and where its payload lies in the list's bytes.
    /// Chunk by chunk, each counting its documents from 0. Nil when malformed.
    static func entries(of list: PostingListBuilder, triple: Bool) -> [(id: Int, payload: Range<Int>)]? {
        let chunks = list.chunks
        var entries: [(id: Int, payload: Range<Int>)] = []
        return list.bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            func number() -> Int? {
                PostingCode.read({
                    guard offset < bytes.count else { return nil }
                    defer { offset += 1 }
                    return bytes[offset]
                }) ?? nil
            }
            for index in chunks.indices {
                let end = index + 1 < chunks.count ? chunks[index + 1].offset : bytes.count
                guard chunks[index].offset == offset else { return nil }
                var document = 0
                while offset < end {
                    guard let delta = number() else { return nil }
                    document += delta
                    let start = offset
                    // A `PostingEntry`: one number, or for a triple of several occurrences the
                    // count less two and as many numbers and one more.
                    guard let first = number() else { return nil }
                    if triple, first & 1 != 0 {
                        guard let more = number() else { return nil }
                        for _ in 0...more {
                            guard number() != nil else { return nil }
                        }
                    }
                    guard offset <= end else { return nil }
                    entries.append((document, start..<offset))
                }
            }
            return entries
        }
    }

    /// The shard of `search/terms/<shard>.js` or `search/terms/<shard>-<n>.js`.
    static func shard(ofTermsPath path: String) -> Int? {
        let prefix = SearchAssets.folder + "/terms/"
        guard path.hasPrefix(prefix), path.hasSuffix(".js") else { return nil }
        let name = path.dropFirst(prefix.count).dropLast(3)
        return Int(name.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }
}
