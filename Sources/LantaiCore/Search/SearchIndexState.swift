import Foundation

/// What a build remembers of the search index it wrote, beside the output manifest in the
/// build cache, so that the next build can patch that index instead of making it again: per
/// document (by its number in the index) a fingerprint of what search reads of it and the
/// numbers its entry and statistics hold, and the shard layout.
///
/// Kept as text: a header line, `<shard count> <inline characters> <document count>`, then one
/// line a document: `<fingerprint, 16 hex digits> <length> <title end> <headings end> <piece starts, comma-separated>`.
struct SearchIndexState: Sendable, Equatable {
    struct Document: Sendable, Equatable {
        /// `SearchDocument.fingerprint(of:)` of the document indexed under this number.
        var fingerprint: UInt64
        var length: Int
        var titleEnd: Int
        var headingsEnd: Int
        /// Stream start of each text piece (`Entry.pieces`).
        var pieces: [Int]
    }

    var shardCount: Int
    /// Characters of the lists that sit inline in their shard, which the shard count follows.
    var inlineCharacters: Int
    var documents: [Document]

    static var header: String { "lantai search index state 1, index format \(SearchIndex.formatVersion)" }

    static func url(in cache: URL) -> URL {
        cache.appendingPathComponent("search-state.txt")
    }

    /// The state at `url`; nil when there is none or it is not one this build writes.
    static func read(from url: URL) -> SearchIndexState? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 2, lines[0] == header else { return nil }
        let counts = lines[1].split(separator: " ").compactMap { Int($0) }
        guard counts.count == 3, counts[0] > 0, counts[1] >= 0, lines.count == counts[2] + 3, lines.last == "" else { return nil }
        var documents: [Document] = []
        documents.reserveCapacity(counts[2])
        for line in lines[2..<(lines.count - 1)] {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 5, let fingerprint = UInt64(fields[0], radix: 16),
                  let length = Int(fields[1]), let titleEnd = Int(fields[2]), let headingsEnd = Int(fields[3]) else { return nil }
            let pieces = fields[4].split(separator: ",").compactMap { Int($0) }
            guard !pieces.isEmpty, pieces.count == fields[4].split(separator: ",", omittingEmptySubsequences: false).count else { return nil }
            documents.append(Document(fingerprint: fingerprint, length: length, titleEnd: titleEnd, headingsEnd: headingsEnd, pieces: pieces))
        }
        return SearchIndexState(shardCount: counts[0], inlineCharacters: counts[1], documents: documents)
    }

    /// Writes the state through a temporary file and a rename.
    func write(to url: URL) throws {
        var text = Self.header + "\n\(shardCount) \(inlineCharacters) \(documents.count)\n"
        for document in documents {
            let digits = String(document.fingerprint, radix: 16)
            text += String(repeating: "0", count: 16 - digits.count) + digits
            text += " \(document.length) \(document.titleEnd) \(document.headingsEnd) "
            text += document.pieces.map(String.init).joined(separator: ",") + "\n"
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 { throw POSIXFailure(path: url.path, code: errno) }
    }
}

extension SearchDocument {
    /// A hash of everything `init(_ document:)` reads (title, byline, headings and paragraphs
    /// with their anchors): documents with equal fingerprints have equal text pieces and posting
    /// entries.
    static func fingerprint(of document: LantaiCore.Document) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.passages.reduce(document.title.utf8.count + 64) { $0 + $1.text.utf8.count + $1.anchor.utf8.count + 8 })
        // Each string after its length, so no two documents give the same bytes.
        func add(_ string: String) {
            withUnsafeBytes(of: UInt32(string.utf8.count).littleEndian) { bytes += $0 }
            bytes += string.utf8
        }
        add(document.title)
        let byline = byline(of: document)
        add(String(byline.count))
        for line in byline { add(line) }
        add(String(document.outline.count))
        for heading in document.outline { add(heading.anchor); add(heading.title) }
        for passage in document.passages { add(passage.anchor); add(passage.text) }
        return ContentHash.of(bytes)
    }
}
