/// Splits a source file into its YAML front matter and its Markdown body.
///
/// Front matter is a block that opens with a line `---` on the first line and closes with a line
/// `---` (or `...`). The body keeps the line numbers it had in the file through `bodyLineOffset`.
public struct SplitSource: Sendable, Hashable {
    /// The YAML text between the fences, or nil when the file has no front matter.
    public var frontMatter: String?
    /// The Markdown after the closing fence (the whole text when there is no front matter).
    public var body: String
    /// How many lines of the file come before the body's first line.
    public var bodyLineOffset: Int
    /// The file line of the front matter's first YAML line (the line after the opening fence).
    public var frontMatterFirstLine: Int { 2 }

    public static func split(_ file: SourceFile) -> Result<SplitSource, Diagnostic> {
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" else {
            return .success(SplitSource(frontMatter: nil, body: text, bodyLineOffset: 0))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed == "---" || trimmed == "..." {
                let yaml = lines[..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return .success(SplitSource(frontMatter: yaml, body: body, bodyLineOffset: index + 2))
            }
        }
        return .failure(.error(
            "front matter opened with '---' is never closed; add a line '---' after the last key",
            in: file.displayPath))
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
