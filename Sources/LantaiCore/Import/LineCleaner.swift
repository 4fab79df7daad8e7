import Foundation

/// A line of the source that survived cleaning, with its line number in the source file.
public struct SourceLine: Sendable, Hashable {
    public var number: Int
    public var text: String
    /// The line as the source has it (trimmed), for the report.
    public var original: String
    /// What the source's format said the line is.
    public var hint: LineHint?
}

/// Applies the cleaning rules line by line: anti-scraping junk, fragments, site notices and boxes
/// of links. Everything it removes is returned as a `Removal`, so the report can show it.
struct LineCleaner {
    var rules: ImportRules

    func clean(_ text: String) -> (lines: [SourceLine], removals: [Removal]) {
        clean(Self.splitLines(text).enumerated().map { ExtractedLine(number: $0.offset + 1, text: String($0.element)) })
    }

    func clean(_ extracted: [ExtractedLine]) -> (lines: [SourceLine], removals: [Removal]) {
        let stripper = JunkStripper(minimumTokens: rules.junkMinimumTokens)
        var lines: [SourceLine] = []
        var removals: [Removal] = []
        var inTrailer = false
        for source in extracted {
            let number = source.number
            // A table row's text is its cells; it is kept as the format gave it.
            if case .tableRow? = source.hint {
                lines.append(SourceLine(number: number, text: source.text, original: source.text, hint: source.hint))
                continue
            }
            let (leading, trimmed) = Self.trim(source.text)
            guard !trimmed.isEmpty else { continue }
            // A line a rule names whole (a page number) goes under that rule's name.
            if let notice = rules.dropLines.first(where: { $0.matches(Simplified.fold(trimmed)) }) {
                removals.append(Removal(line: number, column: 1, text: trimmed, rule: notice.name, wholeLine: true))
                continue
            }
            var line = trimmed
            var pieces: [Removal] = []
            let (kept, cuts) = stripper.strip(line)
            for cut in cuts {
                pieces.append(Removal(line: number, column: leading + cut.offset + 1, text: cut.text, rule: "anti-scraping junk", wholeLine: false))
            }
            line = kept
            for fragment in rules.dropFragments {
                let folded = Simplified.fold(line)
                guard let match = fragment.regex.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)),
                      let range = Range(match.range, in: line) else { continue }
                let column = leading + line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                pieces.append(Removal(line: number, column: column, text: String(line[range]), rule: fragment.name, wholeLine: false))
                line.removeSubrange(range)
            }
            line = Self.trim(line).text
            if line.isEmpty {
                // Nothing real was on the line: report it whole.
                removals.append(Removal(line: number, column: 1, text: trimmed, rule: pieces.first?.rule ?? "empty", wholeLine: true))
                continue
            }
            let folded = Simplified.fold(line)
            if inTrailer, let item = rules.trailerItems.first(where: { $0.matches(folded) }) {
                removals.append(Removal(line: number, column: 1, text: trimmed, rule: "\(item.name) in a box of links", wholeLine: true))
                continue
            }
            if let start = rules.trailerStarts.first(where: { $0.matches(folded) }) {
                inTrailer = true
                removals.append(Removal(line: number, column: 1, text: trimmed, rule: start.name, wholeLine: true))
                continue
            }
            inTrailer = false
            if let notice = rules.dropLines.first(where: { $0.matches(folded) }) {
                removals.append(Removal(line: number, column: 1, text: trimmed, rule: notice.name, wholeLine: true))
                continue
            }
            removals += pieces
            lines.append(SourceLine(number: number, text: line, original: trimmed, hint: source.hint))
        }
        return (lines, removals)
    }

    /// Lines split at LF, CRLF or CR.
    static func splitLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The line without surrounding white space (ASCII, ideographic space, no-break space), and
    /// how many scalars were taken from its start.
    static func trim<S: StringProtocol>(_ line: S) -> (leading: Int, text: String) {
        let scalars = Array(line.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return (start, String(text))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}" || scalar == "\u{FEFF}"
    }
}
