import Foundation

/// Every file a successful build wrote, with the hash and size of its bytes. The next build
/// compares what it makes against it, writes only the files whose bytes differ and deletes the
/// files it no longer makes: every other file of the output stays untouched.
///
/// Kept in the build cache's state (`BuildCache`).
public struct OutputManifest: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var hash: UInt64
        public var size: Int

        public init(hash: UInt64, size: Int) {
            self.hash = hash
            self.size = size
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }
}
