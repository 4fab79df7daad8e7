import Foundation

/// A block of an imported speech's body.
public enum ImportBlock: Sendable, Hashable {
    case heading(level: Int, text: String)
    /// A paragraph; `lead` is its opening numbered sentence (`1、重视信息工作，服务领导决策。`,
    /// `一是要有忠诚心。`), which the Markdown emphasises.
    case paragraph(lead: String?, text: String)
    /// Rows of cells, the first the header: a space- or tab-aligned table of the source.
    case table(rows: [[String]])
    /// A list, its items without their numbers (the files listed under 附件：, a Word list).
    case list(items: [String], ordered: Bool)
    /// A footnote of a Word file, referenced in the text as `FootnoteMark.reference(label)`.
    case footnote(label: String, text: String)
}

/// Reads the outline of a Chinese official speech from its lines, by the conventions drafters
/// follow: 一、 opens a part (level 2), （一） a section under it (level 3), 第一，关于… a part,
/// and a short 1、 line a point (level 4). A long numbered line is a paragraph whose numbered
/// first sentence is its lead: a 一、 or （一） line that goes on after its first sentence is
/// split into the heading and a paragraph. Patterns are matched on the simplified form.
enum SpeechStructure {
    private static let numeral = "[一二三四五六七八九十]+"
    private static let part = regex("^\(numeral)、")
    private static let section = regex("^（\(numeral)）")
    private static let ordinal = regex("^第\(numeral)[，、：]")
    private static let point = regex("^(\\d{1,2}[、．.]|（\\d{1,2}）)")
    /// `一个目标：…`: a lead that ends at its colon.
    private static let countedLead = "[一二三四五六七八九十两]+个[^，。：]{1,8}："
    private static let colonLeadPattern = regex("^" + countedLead)
    private static let lead = regex("^(\(numeral)(是|要|则)|(首先|其次|再次|最后|其一|其二|其三)[，、]|\(countedLead))")
    /// `一 是` and `一是 为` with a stray space that copying left, at the start of a line or
    /// after punctuation (`三个服务：一是 为领导服务`).
    private static let spacedLead = regex("(?:^|(?<=[，。：；！？、]))\(numeral)( ?)(?:是|要)( ?)(?=\\p{Han})")

    /// The longest a heading or a lead sentence may be, in characters.
    static let headingLimit = 60
    static let pointLimit = 30

    static func blocks(_ lines: [String]) -> [ImportBlock] {
        blocks(lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element, original: $0.element) })
    }

    /// The blocks of a speech's body. What the format states (a Word heading style, a table, a
    /// list, a bold lead) is taken as stated; plain lines are read by the conventions above.
    static func blocks(_ sourceLines: [SourceLine]) -> [ImportBlock] {
        let lines = sourceLines.map(\.text)
        var blocks: [ImportBlock] = []
        var index = 0
        while index < lines.count {
            switch sourceLines[index].hint {
            case .heading(let level)?:
                blocks.append(.heading(level: min(max(level, 2), 6), text: lines[index]))
                index += 1
                continue
            case .title?:
                blocks.append(.heading(level: 2, text: lines[index]))
                index += 1
                continue
            case .lead(let lead)? where lines[index].hasPrefix(lead) && lead.count < lines[index].count:
                blocks.append(.paragraph(lead: lead, text: String(lines[index].dropFirst(lead.count))))
                index += 1
                continue
            case .tableRow?:
                var rows: [[String]] = []
                while index < lines.count, case .tableRow(let cells)? = sourceLines[index].hint {
                    rows.append(cells)
                    index += 1
                }
                blocks.append(.table(rows: rows))
                continue
            case .listItem(let ordered)?:
                var items: [String] = []
                while index < lines.count, case .listItem(ordered)? = sourceLines[index].hint {
                    items.append(lines[index])
                    index += 1
                }
                blocks.append(.list(items: items, ordered: ordered))
                continue
            default:
                break
            }
            if let (rows, next) = table(in: lines, at: index) {
                blocks.append(.table(rows: rows))
                index = next
            } else if let (lead, items, next) = attachments(in: lines, at: index) {
                blocks += [.paragraph(lead: nil, text: lead), .list(items: items, ordered: true)]
                index = next
            } else {
                blocks += self.blocks(for: lines[index])
                index += 1
            }
        }
        return blocks
    }

    /// The cells of a line aligned with spaces or tabs: split at tabs and at runs of two or more
    /// spaces (an ideographic space counts as two).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var gap = 0
        var gapText = ""
        for character in line {
            switch character {
            case "\t": gap += 2; gapText.append(character)
            case " ": gap += 1; gapText.append(character)
            case "\u{3000}": gap += 2; gapText.append(character)
            default:
                if gap >= 2, !current.isEmpty { cells.append(current); current = "" } else { current += gapText }
                gap = 0
                gapText = ""
                current.append(character)
            }
        }
        if !current.isEmpty { cells.append(current) }
        return cells
    }

    /// At least two consecutive lines of the same number of short cells (two or more) make a table.
    private static func table(in lines: [String], at start: Int) -> (rows: [[String]], next: Int)? {
        func row(_ line: String) -> [String]? {
            let cells = cells(line)
            return cells.count >= 2 && cells.allSatisfy({ $0.count <= 30 }) ? cells : nil
        }
        guard let header = row(lines[start]) else { return nil }
        var rows = [header]
        var next = start + 1
        while next < lines.count, let cells = row(lines[next]), cells.count == header.count {
            rows.append(cells)
            next += 1
        }
        return rows.count >= 2 ? (rows, next) : nil
    }

    private static let attachmentLead = regex("^(附件)\\s*[：:]\\s*")
    private static let listNumber = regex("^\\s*(\\d{1,2}\\s*[.．、]|（\\d{1,2}）|\\(\\d{1,2}\\))\\s*")

    /// `附件：1. 考核评分细则` and the numbered lines after it: the lead and the items.
    private static func attachments(in lines: [String], at start: Int) -> (lead: String, items: [String], next: Int)? {
        let line = lines[start]
        let folded = Simplified.fold(line)
        guard let match = attachmentLead.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)),
              let leadRange = Range(match.range, in: line) else { return nil }
        let rest = String(line[leadRange.upperBound...])
        var items: [String] = []
        if !rest.isEmpty {
            guard let first = withoutNumber(rest) else { return nil }
            items.append(first)
        }
        var next = start + 1
        while next < lines.count, let item = withoutNumber(lines[next]) {
            items.append(item)
            next += 1
        }
        guard !items.isEmpty else { return nil }
        let lead = String(line[..<leadRange.upperBound]).trimmingCharacters(in: .whitespaces)
        return (lead, items, next)
    }

    private static func withoutNumber(_ line: String) -> String? {
        guard let match = listNumber.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
              let range = Range(match.range, in: line), range.upperBound < line.endIndex else { return nil }
        return String(line[range.upperBound...])
    }

    private static func blocks(for rawLine: String) -> [ImportBlock] {
        let line = removingStraySpace(rawLine)
        let folded = Simplified.fold(line)
        let characters = Array(line)
        let sentenceEnd = characters.firstIndex(where: { "。！？".contains($0) })
        let endsOnlyAtEnd = sentenceEnd == nil || sentenceEnd == characters.count - 1
        let firstSentence = sentenceEnd.map { String(characters[...$0]) } ?? line

        if matches(part, folded) || matches(section, folded) {
            let level = matches(part, folded) ? 2 : 3
            if endsOnlyAtEnd, characters.count <= headingLimit {
                return [.heading(level: level, text: withoutFinalStop(line))]
            }
            if let end = sentenceEnd, end < headingLimit {
                let rest = String(characters[(end + 1)...])
                return [.heading(level: level, text: withoutFinalStop(firstSentence))] + blocks(for: rest)
            }
            return [.paragraph(lead: nil, text: line)]
        }
        if matches(ordinal, folded), endsOnlyAtEnd, characters.count <= 40 {
            return [.heading(level: 2, text: withoutFinalStop(line))]
        }
        if matches(point, folded), endsOnlyAtEnd, characters.count <= pointLimit {
            return [.heading(level: 4, text: withoutFinalStop(line))]
        }
        if matches(ordinal, folded) || matches(point, folded) || matches(lead, folded) {
            if let colonLead = colonLead(folded, characters) { return [colonLead] }
            if let end = sentenceEnd, end < headingLimit, end < characters.count - 1 {
                return [.paragraph(lead: firstSentence, text: String(characters[(end + 1)...]))]
            }
        }
        return [.paragraph(lead: nil, text: line)]
    }

    /// `一个目标：就是…`: the lead ends at the colon.
    private static func colonLead(_ folded: String, _ characters: [Character]) -> ImportBlock? {
        guard matches(colonLeadPattern, folded),
              let colon = characters.firstIndex(of: "："), colon < characters.count - 1 else { return nil }
        return .paragraph(lead: String(characters[...colon]), text: String(characters[(colon + 1)...]))
    }

    /// Whether a line (simplified) opens with the numbering of a part, section, point or lead
    /// (一、 （一） 第一， 1、 一是): such a line is never a title.
    static func startsNumbered(_ folded: String) -> Bool {
        [part, section, ordinal, point, lead].contains { matches($0, folded) }
    }

    private static func removingStraySpace(_ line: String) -> String {
        let folded = Simplified.fold(line)
        var spaces: [Range<String.Index>] = []
        for match in spacedLead.matches(in: folded, range: NSRange(folded.startIndex..., in: folded)) {
            for group in 1...2 where match.range(at: group).length == 1 {
                if let range = Range(match.range(at: group), in: line) { spaces.append(range) }
            }
        }
        var result = line
        for range in spaces.reversed() { result.removeSubrange(range) }
        return result
    }

    private static func withoutFinalStop(_ text: String) -> String {
        var text = text
        while let last = text.last, "。；".contains(last) { text.removeLast() }
        return text
    }

    private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file; failing to compile one is a programming error.
        try! NSRegularExpression(pattern: pattern)
    }
}
