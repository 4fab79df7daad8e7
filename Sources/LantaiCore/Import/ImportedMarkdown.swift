import Foundation

/// Writes an imported speech as a Markdown file with front matter. Text is escaped so that it
/// reads exactly as written: characters Markdown would take as syntax get a backslash.
enum ImportedMarkdown {
    struct Provenance {
        var sourceName: String
        var sourceLines: ClosedRange<Int>
        var checksum: String
        var encoding: String
    }

    static func render(_ metadata: SpeechMetadata, blocks: [ImportBlock], provenance: Provenance) -> String {
        var lines = ["---", "title: \(quoted(metadata.title))"]
        if let subtitle = metadata.subtitle { lines.append("subtitle: \(quoted(subtitle))") }
        if metadata.needsReview { lines.append("review: true  # the title was made from the text; check it") }
        if let date = metadata.date { lines.append("date: \(date)") }
        lines.append("type: \(quoted(metadata.type))")
        if let level = metadata.level { lines.append("level: \(quoted(level))") }
        if let speaker = metadata.speaker { lines.append("speaker: \(quoted(speaker))") }
        if let position = metadata.position { lines.append("position: \(quoted(position))") }
        if let organization = metadata.organization { lines.append("organization: \(quoted(organization))") }
        if let venue = metadata.venue { lines.append("venue: \(quoted(venue))") }
        if let collection = metadata.collection { lines.append("collection: \(quoted(collection))") }
        lines.append("source: \(quoted(provenance.sourceName))")
        lines.append("source_lines: \(quoted("\(provenance.sourceLines.lowerBound)-\(provenance.sourceLines.upperBound)"))")
        lines.append("checksum: \(quoted("sha256:\(provenance.checksum)"))")
        lines.append("encoding: \(quoted(provenance.encoding))")
        lines.append("---")
        for block in blocks {
            lines.append("")
            switch block {
            case .heading(let level, let text):
                lines.append(String(repeating: "#", count: level) + " " + escaped(text, atLineStart: false))
            case .paragraph(nil, let text):
                lines.append(escaped(text, atLineStart: true))
            case .paragraph(let lead?, let text):
                lines.append(emphasised(lead) + escaped(text, atLineStart: false))
            case .table(let rows):
                let width = rows.map(\.count).max() ?? 0
                for (index, row) in rows.enumerated() {
                    let cells = (0..<width).map { $0 < row.count ? escaped(row[$0], atLineStart: false) : "" }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                    if index == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
                }
            case .list(let items, let ordered):
                for (index, item) in items.enumerated() {
                    lines.append((ordered ? "\(index + 1). " : "- ") + escaped(item, atLineStart: false))
                }
            case .footnote(let label, let text):
                lines.append("[^\(label)]: " + escaped(text, atLineStart: false))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `**一是要有忠诚心**。`: the closing `**` goes before the sentence's final punctuation,
    /// because CommonMark does not close emphasis after punctuation that Chinese text follows.
    private static func emphasised(_ lead: String) -> String {
        var body = Substring(lead)
        var stop = ""
        while let last = body.last, "。！？：；，".contains(last) {
            stop = String(last) + stop
            body = body.dropLast()
        }
        guard !body.isEmpty else { return escaped(lead, atLineStart: true) }
        return "**" + escaped(String(body), atLineStart: false) + "**" + stop
    }

    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|", "#"]

    /// Backslashes before Markdown syntax: inline characters anywhere, and a line start that
    /// would open a list, a heading, a quote or a numbered list (`1.`).
    static func escaped(_ text: String, atLineStart: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // A footnote reference carried through cleaning (`FootnoteMark`) becomes `[^label]`.
            if character == FootnoteMark.open { output += "[^"; continue }
            if character == FootnoteMark.close { output += "]"; continue }
            if alwaysEscaped.contains(character) {
                output.append("\\")
            } else if atLineStart, index == 0, "-+=".contains(character) {
                output.append("\\")
            } else if atLineStart, ".)".contains(character), index > 0, index <= 9,
                      characters[0..<index].allSatisfy(\.isASCIIDigit) {
                output.append("\\")
            }
            output.append(character)
        }
        return output
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            default:
                // What YAML does not allow as a character is written as an escape: C0 and C1
                // controls (a Big5 byte 0x80 decodes to U+0080), U+FFFE and U+FFFF.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    output += String(format: "\\x%02X", scalar.value)
                } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    output += String(format: "\\u%04X", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
