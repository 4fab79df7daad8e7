import Foundation

/// One Markdown file as read from the content folder, before anything is parsed.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown in diagnostics (the content folder as given, joined with `relativePath`).
    public var displayPath: String
    /// The path inside the content folder, with `/` separators, e.g. `speeches/2023-05-12-x.md`.
    public var relativePath: String
    /// The file's text with a leading BOM removed and line endings normalised to `\n`.
    public var text: String

    public init(displayPath: String, relativePath: String, text: String) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.text = SourceFile.normalizeNewlines(text)
    }

    /// A hash of `text` (as read, newlines normalised): what the build cache names the file's
    /// parse by, with its paths (`DocumentParser.digest`), and vouches for it with (`SourceStamps`).
    public var textHash: UInt64 {
        var text = text
        return text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    /// Drops a byte-order mark and turns CRLF and lone CR into LF, so that line numbers match
    /// what an editor shows.
    static func normalizeNewlines(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let hasCarriageReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
        }
            ?? text.utf8.contains(13)
        guard hasCarriageReturn else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
