/// One gram's postings, appended document by document in their encoded form (`PostingCode`) and
/// cut at document boundaries into chunks of about `chunkTarget` characters, so that the browser
/// can read a long list a piece at a time. Each chunk counts documents from 0 again, so it decodes
/// on its own.
struct PostingListBuilder: Sendable {
    static let chunkTarget = 8192

    var bytes: [UInt8] = []
    /// The first document of each chunk and the offset in `bytes` where the chunk starts.
    var chunks: [(document: Int, offset: Int)] = []
    private var previous = 0

    /// Starts the entry of `document` (documents come in increasing order).
    mutating func start(_ document: Int) {
        if chunks.isEmpty || bytes.count - chunks[chunks.count - 1].offset >= Self.chunkTarget {
            chunks.append((document, bytes.count))
            previous = 0
        }
        PostingCode.append(document - previous, to: &bytes)
        previous = document
    }

    mutating func append(_ number: Int) {
        PostingCode.append(number, to: &bytes)
    }

    /// The encoded text of chunk `index`.
    func chunk(_ index: Int) -> String {
        let end = index + 1 < chunks.count ? chunks[index + 1].offset : bytes.count
        return String(decoding: bytes[chunks[index].offset..<end], as: UTF8.self)
    }
}
