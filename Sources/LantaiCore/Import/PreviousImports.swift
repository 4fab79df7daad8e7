import Foundation

/// The files earlier imports wrote, by the checksum of the source they came from (the
/// `checksum: "sha256:…"` line `ImportedMarkdown` writes). Re-importing a source whose checksum is
/// here finds what it gave before even when the new import would name the file differently.
public struct PreviousImports: Sendable {
    public struct File: Sendable, Hashable {
        public var url: URL
        /// How the path is shown in messages (`content/speeches/x.md`).
        public var display: String
    }

    public private(set) var files: [String: [File]] = [:]

    public init() {}

    /// Reads the front matter of every Markdown file under `folder` (hidden files and folders,
    /// which hold backups, are skipped).
    public static func scan(_ folder: URL, display: String) -> PreviousImports {
        var found = PreviousImports()
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return found }
        var urls: [URL] = []
        for case let url as URL in walker where url.pathExtension == "md" { urls.append(url) }
        for url in urls.sorted(by: { $0.path < $1.path }) {
            guard let checksum = checksum(in: url) else { continue }
            let relative = String(url.path.dropFirst(folder.path.count)).drop { $0 == "/" }
            found.record(checksum, File(url: url, display: display.hasSuffix("/") ? display + relative : display + "/" + relative))
        }
        return found
    }

    public mutating func record(_ checksum: String, _ file: File) {
        if !(files[checksum]?.contains(file) ?? false) { files[checksum, default: []].append(file) }
    }

    public mutating func forget(_ checksum: String) {
        files[checksum] = nil
    }

    /// The checksum a file's front matter records, read from its first lines only.
    static func checksum(in url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard lines.next()?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        while let line = lines.next(), line.trimmingCharacters(in: .whitespaces) != "---" {
            let prefix = "checksum: \"sha256:"
            if line.hasPrefix(prefix), line.hasSuffix("\"") { return String(line.dropFirst(prefix.count).dropLast()) }
        }
        return nil
    }
}
