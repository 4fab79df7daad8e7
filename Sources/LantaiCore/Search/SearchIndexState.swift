import Foundation

/// What a build remembers of the search index it wrote (kept in the build cache's state), so
/// that the next build can patch that index instead of making it again: per document (by its
/// number in the index) a fingerprint of what search reads of it and the numbers its entry and
/// statistics hold, and the shard layout.
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
    /// The first document number of the recent segment (`DocumentNumbers.recentStart`), and its
    /// shard count (0 when it has no postings).
    var recentStart: Int
    var recentShardCount: Int
    /// By document number; nil for a number no document has (`DocumentNumbers`).
    var documents: [Document?]
}

extension SearchDocument {
    /// A hash of everything `init(_ document:)` reads (title, byline, headings and paragraphs
    /// with their anchors): documents with equal fingerprints have equal text pieces and posting
    /// entries. For a parsed document, its parse's digest, which covers all that the parse made
    /// them from (hashing each document's text again was 3 % of an edit build); a document whose
    /// file changed elsewhere (its date, its topics) is so indexed again, which costs one patch.
    static func fingerprint(of document: LantaiCore.Document) -> UInt64 {
        if document.sourceDigest != 0 { return SplitMix.mix(document.sourceDigest) }
        var fields = [document.title] + byline(of: document)
        fields.reserveCapacity(fields.count + 2 * (document.outline.count + document.passages.count) + 2)
        // The counts keep the byline's and the headings' fields from running into the next ones.
        fields.insert(String(fields.count - 1), at: 1)
        fields.append(String(document.outline.count))
        for heading in document.outline { fields += [heading.anchor, heading.title] }
        for passage in document.passages { fields += [passage.anchor, passage.text] }
        return Fingerprint.of(fields).hash
    }
}
