import Foundation

/// The paragraphs' texts of a document whose parse was read back from the build cache, left in
/// the cache entry until one of them is first read, then kept. An edit build at 10,000
/// documents reads every parse's head, but needs the texts of the changed documents, of their
/// similar passages' partners and of the pages it renders: reading and validating every text
/// (200 MB, a quarter of a million strings) was the largest part of reading the heads.
///
/// A `Passage` holds its box and its place in it (`Passage.text` loads on first read), so no
/// reader can see a paragraph without its text. Texts that cannot be read back (the entry
/// changed or went during the build) read as empty and are recorded in the build's
/// `StoredTextLog`, which stops the build with an error before anything is published.
final class StoredPassageTexts: @unchecked Sendable {
    private enum State {
        case stored(path: String, offset: Int, span: StoredBytes)
        case loaded([String])
    }

    // Guards `state`, which goes from stored to loaded once.
    private let lock = NSLock()
    private var state: State
    private let count: Int
    private let displayPath: String
    private let log: StoredTextLog

    /// The `count` texts kept as `span` at `offset` of the file at `path` (`encode(_:)`'s bytes),
    /// of the document shown as `displayPath`.
    init(path: String, offset: Int, span: StoredBytes, count: Int, displayPath: String, log: StoredTextLog) {
        state = .stored(path: path, offset: offset, span: span)
        self.count = count
        self.displayPath = displayPath
        self.log = log
    }

    /// The text of paragraph `index` (0-based), reading the document's texts first if need be.
    func text(_ index: Int) -> String {
        lock.withLock {
            if case .stored(let path, let offset, let span) = state {
                let texts = FileBytes.read(path, offset: offset, count: span.count).flatMap { Self.decode($0, check: span.check) }
                let read = texts.flatMap { $0.count == count ? $0 : nil }
                log.record(displayPath, lost: read == nil)
                state = .loaded(read ?? [])
            }
            guard case .loaded(let texts) = state, texts.indices.contains(index) else { return "" }
            return texts[index]
        }
    }

    /// Texts as the bytes an entry keeps them in, and their hash.
    static func encode(_ texts: [String]) -> (bytes: [UInt8], span: StoredBytes) {
        var writer = BinaryWriter()
        writer.array(texts) { $0.string($1) }
        return (writer.bytes, StoredBytes(count: writer.bytes.count, check: ContentHash.of(writer.bytes)))
    }

    /// The texts of `encode(_:)`'s bytes; nil unless they have the hash `check` and read back whole.
    static func decode(_ bytes: [UInt8], check: UInt64) -> [String]? {
        guard ContentHash.of(bytes) == check else { return nil }
        var reader = BinaryReader(bytes)
        guard let texts = reader.array({ $0.string() }), reader.atEnd else { return nil }
        return texts
    }
}

/// Where a part of a cache entry lies after its head: its length and the hash of its bytes.
struct StoredBytes: Sendable, Hashable {
    var count: Int
    var check: UInt64
}

/// What the paragraphs' texts left in the build cache gave during one build: how many documents'
/// texts were read, and the documents whose texts could not be.
final class StoredTextLog: @unchecked Sendable {
    // Guards both counts.
    private let lock = NSLock()
    private var readCount = 0
    private var lostPaths: [String] = []

    init() {}

    func record(_ displayPath: String, lost: Bool) {
        lock.withLock {
            readCount += 1
            if lost { lostPaths.append(displayPath) }
        }
    }

    /// How many documents' texts were read from the cache so far.
    var read: Int { lock.withLock { readCount } }

    /// The documents (as shown) whose texts could not be read back, in order.
    var lost: [String] { lock.withLock { lostPaths.sorted() } }
}
