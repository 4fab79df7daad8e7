import Foundation

/// How `lantai search` prints results.
public enum SearchOutput {
    public static func json(_ results: SearchResults) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(results)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// One block per result: title, date, type and speaker, the page with the paragraph anchor, and the
    /// snippets with hits marked 【…】 (or in bold on a terminal).
    /// `offset`: how many results come before these (a later page), for their numbers.
    public static func text(_ results: SearchResults, highlight: Bool, language: Language = .zh, offset: Int = 0) -> String {
        let shown = results.results.count
        let range = shown == 0 ? "" : "\(offset + 1)–\(offset + shown)"
        var lines = [language == .zh
            ? "找到 \(results.total) 篇文稿" + (shown < results.total ? "，显示第 \(range) 篇" : "")
            : "found \(results.total) document\(results.total == 1 ? "" : "s")" + (shown < results.total ? ", showing \(range)" : "")]
        for (index, result) in results.results.enumerated() {
            let number = offset + index
            // The portal's one way of writing a date (2023年5月12日); the JSON keeps 2023-05-12.
            let date = result.date.map { iso in language == .zh ? DocumentDate(parsing: iso)?.chinese ?? iso : iso }
            let details = [date, result.type, result.speaker].compactMap { $0 }.joined(separator: " · ")
            lines.append("")
            lines.append("\(number + 1). \(result.title)" + (details.isEmpty ? "" : "  (\(details))"))
            lines.append("   \(result.url)")
            for snippet in result.snippets {
                lines.append("   " + mark(snippet, bold: highlight))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func mark(_ snippet: SearchSnippet, bold: Bool) -> String {
        let scalars = Array(snippet.text.unicodeScalars)
        var output = ""
        var cursor = 0
        for range in snippet.highlights where range.count == 2 && range[0] >= cursor && range[1] <= scalars.count {
            output += String(String.UnicodeScalarView(scalars[cursor..<range[0]]))
            let hit = String(String.UnicodeScalarView(scalars[range[0]..<range[1]]))
            output += bold ? "\u{1B}[1;31m\(hit)\u{1B}[0m" : "【\(hit)】"
            cursor = range[1]
        }
        return output + String(String.UnicodeScalarView(scalars[cursor...]))
    }
}
