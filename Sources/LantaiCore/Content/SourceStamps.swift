import Foundation

/// What the build cache vouches for about the content folder's Markdown files: per file, its
/// stamp (`FileTree.Stamp`) when it was last read and a hash of its text then. A file listed
/// again with the same stamp holds the same text, so the load does not read it, and the parse is
/// found in the cache under that hash — as `make` and git trust a file's status instead of
/// reading it.
public struct SourceStamps: Sendable, Equatable {
    public struct Record: Sendable, Hashable {
        /// Nil for a file changed too close to its listing to be vouched for (`isSettled`): its
        /// record only says what the last parse read (`DocumentCache`'s previous documents).
        public var stamp: FileTree.Stamp?
        /// `SourceFile.textHash` of the text read.
        public var textHash: UInt64
    }

    public var records: [String: Record]

    public init(records: [String: Record] = [:]) {
        self.records = records
    }

    /// The file system's clock ticks coarsely: a file written twice within one tick may keep
    /// its stamp. So a file whose stamp is this close to the moment it was listed is not vouched
    /// for (git's "racily clean" files); the next build reads it again.
    static let settleSeconds = 2

    /// Whether a file with `stamp`, listed at `listedAt` (seconds since 1970), can be vouched for.
    static func isSettled(_ stamp: FileTree.Stamp, listedAt: Int) -> Bool {
        stamp.latestSecond + settleSeconds < listedAt
    }

    /// The records for files listed at `listedAt` with `stamps` and read with `textHashes`
    /// (relative path → hash); the files not settled without their stamps.
    public static func recording(stamps: [String: FileTree.Stamp], textHashes: [String: UInt64], listedAt: Int) -> SourceStamps {
        var records: [String: Record] = [:]
        for (path, textHash) in textHashes {
            guard let stamp = stamps[path] else { continue }
            records[path] = Record(stamp: isSettled(stamp, listedAt: listedAt) ? stamp : nil, textHash: textHash)
        }
        return SourceStamps(records: records)
    }
}

/// A Markdown file the load did not read because `SourceStamps` vouched for it: its parse is
/// looked up by the hash of its text (and the file read after all if the parse is not there).
public struct UnreadSource: Sendable, Hashable {
    public var displayPath: String
    public var relativePath: String
    public var textHash: UInt64
}
