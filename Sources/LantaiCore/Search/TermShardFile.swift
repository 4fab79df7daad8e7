/// The files of one term shard: `terms/<shard>.js` with the short lists of its grams and, for
/// each long list, per chunk its first document, the file `terms/<shard>-<n>.js` (an array of
/// chunks) and its place there; grams in key order. Made by a full build from its posting lists,
/// and read back by a build that patches the shards an edit touches (`SearchIndexPatch`), which
/// then makes them again the same way, so a patched shard has the bytes a full build gives it.
/// The recent segment's shards are the same files under `recent/`.
struct TermShardFile {
    /// `terms` or `recent` (`SearchIndex.Segment`).
    var folder = SearchIndex.Segment.main.folder
    var shard: Int
    /// Grams in key order with their lists.
    var lists: [(key: UInt64, list: PostingListBuilder)]

    /// Name (`terms/<shard>` or `terms/<shard>-<n>`) and JSON of each file, the shard's own first.
    func files() -> [(name: String, json: [UInt8])] {
        var packs: [(name: String, json: [UInt8])] = []
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (index, gram) in lists.enumerated() {
            let list = gram.list
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += JSONText.quoted(DocumentGrams.text(of: gram.key)).utf8
            json.append(UInt8(ascii: ":"))
            if list.bytes.count <= SearchIndex.inlineLimit {
                json.append(UInt8(ascii: "\""))
                json += list.bytes
                json.append(UInt8(ascii: "\""))
                continue
            }
            // Chunk 0 alone in a file (a first page reads only it); the later chunks of the list
            // together, `chunksPerPack` a file (a complete scan reads them all anyway).
            let chunks = list.chunks
            json.append(UInt8(ascii: "["))
            var pack: [UInt8] = []
            var packed = 0
            func flush() {
                guard packed > 0 else { return }
                packs.append((name: "\(folder)/\(shard)-\(packs.count)", json: [UInt8(ascii: "[")] + pack + [UInt8(ascii: "]")]))
                pack = []
                packed = 0
            }
            for index in chunks.indices {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json += "[\(chunks[index].document),\(packs.count),\(packed)]".utf8
                if packed > 0 { pack.append(UInt8(ascii: ",")) }
                pack.append(UInt8(ascii: "\""))
                pack += list.chunk(index, of: chunks)
                pack.append(UInt8(ascii: "\""))
                packed += 1
                if index == 0 || packed == SearchIndex.chunksPerPack { flush() }
            }
            flush()
            json.append(UInt8(ascii: "]"))
        }
        json.append(UInt8(ascii: "}"))
        return [(name: "\(folder)/\(shard)", json: json)] + packs
    }

    /// Reads a shard back from the JSON of its files: `json` of `terms/<shard>.js`, `pack(n)` of
    /// `terms/<shard>-<n>.js`. Nil when anything is not as `files()` writes it.
    static func read(shard: Int, json: [UInt8], pack: (Int) -> [UInt8]?) -> TermShardFile? {
        var reader = JSONScanner(json)
        var packs: [Int: [[UInt8]]] = [:]
        var lists: [(key: UInt64, list: PostingListBuilder)] = []
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        if reader.take(UInt8(ascii: "}")) { return reader.atEnd ? TermShardFile(shard: shard, lists: []) : nil }
        repeat {
            guard let text = reader.string(), let key = DocumentGrams.key(of: String(decoding: text, as: UTF8.self)),
                  reader.take(UInt8(ascii: ":")) else { return nil }
            if let inline = reader.string() {
                lists.append((key, PostingListBuilder(restoring: inline, chunks: [(document: 0, offset: 0)])))
                continue
            }
            // Chunk references [first document, pack, place], their text from the packs.
            guard reader.take(UInt8(ascii: "[")) else { return nil }
            var bytes: [UInt8] = []
            var chunks: [(document: Int, offset: Int)] = []
            repeat {
                guard reader.take(UInt8(ascii: "[")), let document = reader.integer(), reader.take(UInt8(ascii: ",")),
                      let file = reader.integer(), reader.take(UInt8(ascii: ",")), let place = reader.integer(),
                      reader.take(UInt8(ascii: "]")) else { return nil }
                if packs[file] == nil {
                    guard let contents = pack(file), let strings = Self.strings(in: contents) else { return nil }
                    packs[file] = strings
                }
                guard let strings = packs[file], place < strings.count else { return nil }
                chunks.append((document, bytes.count))
                bytes += strings[place]
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "]")), !chunks.isEmpty else { return nil }
            lists.append((key, PostingListBuilder(restoring: bytes, chunks: chunks)))
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "}")), reader.atEnd else { return nil }
        return TermShardFile(shard: shard, lists: lists)
    }

    /// The strings of a pack file's JSON array.
    private static func strings(in json: [UInt8]) -> [[UInt8]]? {
        var reader = JSONScanner(json)
        var strings: [[UInt8]] = []
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        repeat {
            guard let string = reader.string() else { return nil }
            strings.append(string)
        } while reader.take(UInt8(ascii: ","))
        guard reader.take(UInt8(ascii: "]")), reader.atEnd else { return nil }
        return strings
    }
}

/// Reads the little JSON the index writes by hand: strings (with JSON's escapes), non-negative
/// integers and punctuation, with no white space between them.
struct JSONScanner {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    /// Consumes `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    mutating func integer() -> Int? {
        var value = 0
        let start = offset
        while offset < bytes.count, (0x30...0x39).contains(bytes[offset]), offset - start < 18 {
            value = value * 10 + Int(bytes[offset] - 0x30)
            offset += 1
        }
        return offset > start ? value : nil
    }

    /// A string's UTF-8 bytes, unescaped; nil (consuming nothing) when no string comes next.
    mutating func string() -> [UInt8]? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
        // Most strings (every posting list) have no escape: one slice.
        var end = offset + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { offset = end + 1 }
            return Array(bytes[(offset + 1)..<end])
        }
        var index = offset + 1
        var result: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return result
            }
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { return nil }
            switch bytes[index + 1] {
            case UInt8(ascii: "\""): result.append(0x22)
            case UInt8(ascii: "\\"): result.append(0x5C)
            case UInt8(ascii: "/"): result.append(0x2F)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "u"):
                // The writer escapes only control characters and U+2028/U+2029: no surrogates.
                guard index + 6 <= bytes.count,
                      let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(value) else { return nil }
                UTF8.encode(scalar) { result.append($0) }
                index += 4
            default: return nil
            }
            index += 2
        }
        return nil
    }
}
