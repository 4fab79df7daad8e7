import Foundation

/// Every file a successful build wrote, with the hash and size of its bytes. The next build
/// compares what it makes against it, writes only the files whose bytes differ and deletes the
/// files it no longer makes: every other file of the output stays untouched.
///
/// Kept in the build cache as text, one file a line: `<hash, 16 hex digits> <size> <path>`.
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

    public static let header = "lantai output manifest 1"

    /// The manifest at `url`, or nil when there is none or it cannot be read (then the build
    /// writes everything).
    public static func read(from url: URL, header: String = header) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == header else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            let fields = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3,
                  let hash = UInt64(String(decoding: fields[0], as: UTF8.self), radix: 16),
                  let size = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
            entries[String(decoding: fields[2], as: UTF8.self)] = Entry(hash: hash, size: size)
        }
        return OutputManifest(entries: entries)
    }

    /// Writes the manifest through a temporary file and a rename, so a reader never sees half of it.
    /// A path with a line break cannot be listed: then no manifest is kept and the next build
    /// writes everything.
    public func write(to url: URL, header: String = header) throws {
        guard !entries.keys.contains(where: { $0.utf8.contains(0x0A) }) else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        var text = header + "\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            let digits = String(entry.hash, radix: 16)
            text += String(repeating: "0", count: 16 - digits.count) + digits + " \(entry.size) \(path)\n"
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 { throw POSIXFailure(path: url.path, code: errno) }
    }
}
