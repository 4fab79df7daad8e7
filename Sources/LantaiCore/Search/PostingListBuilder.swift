/// One gram's postings, appended document by document in their encoded form (`PostingCode`) and
/// cut at document boundaries into chunks of about `chunkTarget` characters, so that the browser
/// can read a long list a piece at a time. Each chunk counts documents from 0 again, so it decodes
/// on its own.
///
/// Most grams are rare and never leave their first chunk, so the first chunk's start is implicit
/// and a builder holds a single array until its list grows long.
struct PostingListBuilder: Sendable {
    static let chunkTarget = 8192

    private(set) var bytes: [UInt8] = []
    private var firstDocument = -1
    /// The first document and byte offset of each chunk after the first.
    private var laterChunks: [(document: Int, offset: Int)] = []
    /// Where the last chunk starts in `bytes` (`laterChunks.last?.offset ?? 0`, kept apart: it is
    /// read for every posting).
    private var lastChunkStart = 0
    private var previous = 0

    init() {}

    /// A list as a previous build wrote it, to be written again as it is (not appended to):
    /// its bytes and, per chunk, the first document and where the chunk starts in `bytes`.
    init(restoring bytes: [UInt8], chunks: [(document: Int, offset: Int)]) {
        self.bytes = bytes
        firstDocument = chunks.first?.document ?? -1
        laterChunks = Array(chunks.dropFirst())
        lastChunkStart = laterChunks.last?.offset ?? 0
    }

    /// The first document of each chunk and the offset in `bytes` where the chunk starts.
    var chunks: [(document: Int, offset: Int)] {
        firstDocument < 0 ? [] : [(firstDocument, 0)] + laterChunks
    }

    /// Starts the entry of `document` (documents come in increasing order).
    mutating func start(_ document: Int) {
        if firstDocument < 0 {
            firstDocument = document
            previous = 0
        } else if bytes.count - lastChunkStart >= Self.chunkTarget {
            laterChunks.append((document, bytes.count))
            lastChunkStart = bytes.count
            previous = 0
        }
        reserve(8)
        PostingCode.append(document - previous, to: &bytes)
        previous = document
    }

    /// Room for `extra` more bytes, growing by a quarter rather than doubling: a site's lists
    /// are all held until their shards are written, and doubling left a quarter of their memory
    /// unused at the index stage's peak.
    private mutating func reserve(_ extra: Int) {
        let needed = bytes.count + extra
        if needed > bytes.capacity { bytes.reserveCapacity(max(needed, bytes.capacity + bytes.capacity / 4)) }
    }

    /// A character or pair: document, count and where it first occurs (`PostingEntry`).
    mutating func add(_ document: Int, count: Int, tier: Int) {
        start(document)
        PostingEntry.appendGram(count: count, tier: tier, to: &bytes)
    }

    /// A triple: document and positions (`PostingEntry`); the index build passes a slice of a
    /// buffer pointer, which unlike an array slice costs no reference count per posting.
    mutating func add(_ document: Int, positions: some Collection<Int32>) {
        start(document)
        reserve(positions.count * 3 + 6)
        PostingEntry.appendTriple(positions, to: &bytes)
    }

    /// An entry whose payload (all but the document) is already encoded.
    mutating func add(_ document: Int, payload: ArraySlice<UInt8>) {
        start(document)
        bytes += payload
    }

    /// The encoded bytes of chunk `index` of `chunks`.
    func chunk(_ index: Int, of chunks: [(document: Int, offset: Int)]) -> ArraySlice<UInt8> {
        let end = index + 1 < chunks.count ? chunks[index + 1].offset : bytes.count
        return bytes[chunks[index].offset..<end]
    }
}
