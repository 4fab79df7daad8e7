import Foundation

/// The build cache, `.lantai-cache/<output name>/` beside the output: what one `lantai build`
/// leaves so that the next redoes only the work its changes need. This type is the one owner of
/// the folder; nothing else reads or writes there. What it keeps, file by file:
///
/// `state.bin`, one record (`BuildState`) that describes the output in place, written in one
/// atomic step (a temporary file renamed over the old one) under a header that names `version`
/// and the executable that wrote it. It never describes another output. A build writes the
/// state of what it made first as `state.pending.bin`, under the name of its publish; an update
/// published under a journal (`PublishJournal`) renames it over `state.bin` as soon as the
/// journal is written, and a build that finishes a killed build's journal does the rename it
/// did not get to (`settle(after:)`); a first build's folder swap removes `state.bin` before
/// the swap and renames after. A build killed before its journal or swap leaves the old state
/// with the old output; one killed between a swap and the rename finds none and writes
/// everything. What each stage may take from the state, and why that is exact:
/// - *write*: the output manifest (path → hash and size of the bytes). A file whose new bytes hash
///   the same is not written but linked from the output, once the output's file is checked for
///   its size (a file deleted or changed by hand is written again).
/// - *render*: page inputs (page path → fingerprint of its view, template name and theme, and of
///   the fields `data/topics.json` lists). A page is a function of exactly these, so one with
///   the same fingerprint is carried over from the output unrendered.
/// - *index*: the search index state (per document number its search fingerprint and the
///   numbers its entry holds, the shard layout). With it the index is patched for the documents
///   whose fingerprint changed; their grams' shards and their text pieces are made again.
///   And the document numbers (source path → number, `DocumentNumbers`), which every later build
///   keeps so that an added, removed or re-dated document touches only its own postings. They
///   are the one thing history decides: a build from nothing numbers in date order.
///
/// `parses/<key>.bin`, each file's parse (`DocumentCache`) under a fingerprint of everything a
/// parse reads: the file's path and text, the topic catalogue, the document types, `version`
/// and the executable. An entry is therefore the parse of any file with its key; entries are
/// written once, each atomically, and the ones no file has any more are removed.
///
/// One fingerprint scheme throughout: `Fingerprint`, whose types state their fields by hand.
/// What a build reuses within one process (`ParseMemory`, `PagePreview`, for `lantai serve`)
/// lives in memory and follows the same rules.
///
/// `sources.bin`, the stamps of the content's Markdown files as the last parse read them
/// (`SourceStamps`: per file its size, modification and status-change times and inode, and the
/// hash of its text), under the same header. The load does not read a file listed with its
/// recorded stamp; its parse entry is found by the recorded hash (and the file read after all
/// when the entry is gone). A stamp records a write, and the status-change time cannot be set
/// back, so an equal stamp means the text read then; files changed within two seconds of their
/// listing are recorded without a stamp (only the hash of the text read), because a coarse
/// clock can give two writes one time. Each parse replaces the file with its own files' stamps.
///
/// And `pairs.bin`, the similar-passage measures of the last analysis (`PairMeasures`: per
/// pair of paragraph texts, their shared and total trigrams), under the same header. A measure
/// is a function of the two texts alone, so any build may take it; each analysis replaces the
/// file with the pairs of its own corpus. Likewise `related.bin`, the last analysis's
/// related-documents ranking (`RelatedRanking`), and `similar.bin`, its similar passages with
/// their candidate pairs (`SimilarPassageState`): functions of the documents' paths, order and
/// bigram counts or paragraphs, which they record, so any build may update them (the updates
/// check them, and take a changed document's old counts and paragraphs from its old parse).
public struct BuildCache: Sendable {
    /// Raise when what the cache holds would be read differently (a field added to the state,
    /// a change to the parse codec) without the executable changing.
    static let version = 21

    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The size and modification time of the running executable, or "" where they cannot be
    /// read: a rebuilt lantai trusts nothing an older one left.
    static let executableIdentity: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()

    static var header: String { "lantai build cache \(version) \(executableIdentity)\n" }

    var stateURL: URL { folder.appendingPathComponent("state.bin") }

    /// The state the last build left, nil when there is none or it cannot be trusted.
    func readState() -> BuildState? {
        guard var reader = Self.reader(of: stateURL), reader.string() != nil,
              let state = BuildState.read(from: &reader), reader.atEnd else { return nil }
        return state
    }

    /// Replaces the state in one atomic step.
    func writeState(_ state: BuildState) throws {
        try Self.writeAtomically(Self.stateBytes(state, publish: ""), to: stateURL)
    }

    /// A state file's bytes: the header, the name of the publish that put its output in place
    /// (so that a pending state is renamed, not rewritten, into the state), the state.
    private static func stateBytes(_ state: BuildState, publish: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(publish)
        state.write(to: &writer)
        return Array(header.utf8) + writer.bytes
    }

    var pendingStateURL: URL { folder.appendingPathComponent("state.pending.bin") }

    /// Writes the state of an output that `publish` (its staging folder's name) is about to put
    /// in place; `commitPendingState()` makes it the state once that output is certain.
    func writePendingState(_ state: BuildState, publish: String) throws {
        try Self.writeAtomically(Self.stateBytes(state, publish: publish), to: pendingStateURL)
    }

    /// The pending state becomes the state, in one rename.
    func commitPendingState() {
        rename(pendingStateURL.path, stateURL.path)
    }

    /// Brings the state in line with the output after the start of a build finished (or could
    /// not finish) what a killed build left: the pending state of the publish just completed
    /// becomes the state; the state of an output a journal could not finish goes; any other
    /// pending state was never published and goes.
    func settle(after completion: PublishJournal.Completion) {
        switch completion {
        case .completed(let staging):
            if var reader = Self.reader(of: pendingStateURL), reader.string() == staging {
                commitPendingState()
            }
        case .incomplete:
            removeState()
        case .none:
            break
        }
        unlink(pendingStateURL.path)
    }

    /// A reader of what follows the header in the file at `url`; nil when the file is missing or
    /// another version or executable wrote it.
    private static func reader(of url: URL) -> BinaryReader? {
        guard let bytes = FileBytes.read(url.path) else { return nil }
        let header = Array(Self.header.utf8)
        guard bytes.count > header.count, bytes.starts(with: header) else { return nil }
        return BinaryReader(Array(bytes[header.count...]))
    }

    var pairsURL: URL { folder.appendingPathComponent("pairs.bin") }

    /// The pair measures the last analysis left; nil when there are none to trust.
    func readPairMeasures() -> PairMeasures? {
        guard var reader = Self.reader(of: pairsURL), let count = reader.int(), count >= 0, count <= reader.remaining / 16 else { return nil }
        var keys: [UInt64] = [], measures: [UInt64] = []
        keys.reserveCapacity(count)
        measures.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = reader.word(), let measure = reader.word() else { return nil }
            keys.append(key)
            measures.append(measure)
        }
        guard reader.atEnd, let read = PairMeasures(sortedKeys: keys, measures: measures) else { return nil }
        return read
    }

    /// Replaces the pair measures in one atomic step (keys in order, so the same measures give the same bytes).
    func writePairMeasures(_ measures: PairMeasures) throws {
        var writer = BinaryWriter()
        writer.int(measures.keys.count)
        for (key, measure) in zip(measures.keys, measures.measures) {
            writer.word(key)
            writer.word(measure)
        }
        try Self.writeAtomically(Array(Self.header.utf8) + writer.bytes, to: pairsURL)
    }

    var rankingURL: URL { folder.appendingPathComponent("related.bin") }

    /// The related-documents ranking the last analysis left; nil when there is none to trust.
    func readRelatedRanking() -> RelatedRanking? { Self.readRecord(at: rankingURL, RelatedRanking.read) }

    /// Replaces the ranking in one atomic step.
    func writeRelatedRanking(_ ranking: RelatedRanking) throws { try Self.writeRecord(at: rankingURL, ranking.write) }

    var similarURL: URL { folder.appendingPathComponent("similar.bin") }

    /// The similar passages the last analysis left; nil when there are none to trust.
    func readSimilarPassages() -> SimilarPassageState? { Self.readRecord(at: similarURL, SimilarPassageState.read) }

    /// Replaces the similar passages in one atomic step.
    func writeSimilarPassages(_ state: SimilarPassageState) throws { try Self.writeRecord(at: similarURL, state.write) }

    /// A record read whole from the file at `url` after the header; nil unless all of it reads.
    private static func readRecord<T>(at url: URL, _ read: (inout BinaryReader) -> T?) -> T? {
        guard var reader = reader(of: url), let record = read(&reader), reader.atEnd else { return nil }
        return record
    }

    /// A record written after the header, in one atomic step.
    private static func writeRecord(at url: URL, _ write: (inout BinaryWriter) -> Void) throws {
        var writer = BinaryWriter()
        write(&writer)
        try writeAtomically(Array(header.utf8) + writer.bytes, to: url)
    }

    var sourcesURL: URL { folder.appendingPathComponent("sources.bin") }

    /// The stamps the last parse recorded; nil when there are none to trust.
    func readSourceStamps() -> SourceStamps? {
        guard var reader = Self.reader(of: sourcesURL),
              let records = reader.array({ reader -> (String, SourceStamps.Record)? in
                  guard let path = reader.string(),
                        let stamp = reader.optional({ reader -> FileTree.Stamp? in
                            guard let size = reader.int(), let seconds = reader.int(), let nanoseconds = reader.int(),
                                  let changeSeconds = reader.int(), let changeNanoseconds = reader.int(), let inode = reader.word() else { return nil }
                            return FileTree.Stamp(size: Int64(size), seconds: seconds, nanoseconds: nanoseconds,
                                                  changeSeconds: changeSeconds, changeNanoseconds: changeNanoseconds, inode: inode)
                        }),
                        let textHash = reader.word() else { return nil }
                  return (path, SourceStamps.Record(stamp: stamp, textHash: textHash))
              }), reader.atEnd else { return nil }
        return SourceStamps(records: Dictionary(records, uniquingKeysWith: { first, _ in first }))
    }

    /// Replaces the stamps in one atomic step (paths in order, so the same stamps give the same bytes).
    func writeSourceStamps(_ stamps: SourceStamps) throws {
        var writer = BinaryWriter()
        writer.array(stamps.records.keys.sorted()) { writer, path in
            let record = stamps.records[path]!
            writer.string(path)
            writer.optional(record.stamp) { writer, stamp in
                writer.int(Int(stamp.size))
                writer.int(stamp.seconds)
                writer.int(stamp.nanoseconds)
                writer.int(stamp.changeSeconds)
                writer.int(stamp.changeNanoseconds)
                writer.word(stamp.inode)
            }
            writer.word(record.textHash)
        }
        try Self.writeAtomically(Array(Self.header.utf8) + writer.bytes, to: sourcesURL)
    }

    /// Removes the state: the output is about to change.
    func removeState() {
        unlink(stateURL.path)
    }

    /// Deletes everything the cache holds (`lantai build --clean`): the next build parses and
    /// writes everything.
    public func clear() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The parse entries, under the fingerprint of what parses read besides each file.
    func parses(catalog: TopicCatalog, types: [DocumentType]) -> DocumentCache {
        DocumentCache(folder: folder.appendingPathComponent("parses"), catalog: catalog, types: types,
                      salt: [String(Self.version), Self.executableIdentity])
    }

    /// Writes `bytes` at `url` through a temporary file beside it and a rename, so that no
    /// reader sees half of it: the cache's one way of writing a file.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeAtomically(bytes, named: url.lastPathComponent, inFolder: folder.path + "/")
    }

    /// The same into a folder that exists, given as its path with a `/` after it (the parse
    /// cache writes ten thousand entries into one folder).
    static func writeAtomically(_ bytes: [UInt8], named name: String, inFolder folder: String) throws {
        let temporary = "." + name + ".tmp"
        try OutputWriter.write(bytes, to: temporary, inFolder: folder)
        guard rename(folder + temporary, folder + name) == 0 else {
            let code = errno
            unlink(folder + temporary)
            throw POSIXFailure(path: folder + name, code: code)
        }
    }
}
