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

    /// Scans the UTF-8 bytes line by line up to the closing fence; the body is the rest of the
    /// text as it stands (splitting a whole file into lines and joining them again was a twentieth
    /// of a build).
    public static func split(_ file: SourceFile) -> Result<SplitSource, Diagnostic> {
        let text = file.text
        guard text.hasPrefix("---\n") else {
            if text == "---" { return .failure(unclosed(file)) }
            return .success(SplitSource(frontMatter: nil, body: text, bodyLineOffset: 0))
        }
        let utf8 = text.utf8
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: 4)
        var lineStart = yamlStart
        var lineNumber = 0
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var contentEnd = lineEnd
            while contentEnd > lineStart, [0x20, 0x09].contains(utf8[utf8.index(before: contentEnd)]) {
                contentEnd = utf8.index(before: contentEnd)
            }
            let line = utf8[lineStart..<contentEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                let body = lineEnd < utf8.endIndex ? String(text[utf8.index(after: lineEnd)...]) : ""
                return .success(SplitSource(frontMatter: String(text[yamlStart..<yamlEnd]), body: body, bodyLineOffset: lineNumber + 2))
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            lineNumber += 1
        }
        return .failure(unclosed(file))
    }

    private static func unclosed(_ file: SourceFile) -> Diagnostic {
        .error(zh: "开头的设置以“---”开始，却没有结束：在最后一个设置项的下一行加一行“---”", en: "front matter opened with '---' is never closed; add a line '---' after the last key", in: file.displayPath)
    }
}
