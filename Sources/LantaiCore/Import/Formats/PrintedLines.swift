import Foundation

/// Printed lines joined back into the paragraphs they were set from, by layout and sentence
/// ends, with the page furniture taken out. Lines are numbered from 1 through the document, page
/// by page, as `pdftotext` prints them; a paragraph keeps the number of its first line.
///
/// A line goes on the paragraph before it unless: that one ends a sentence (。！？：；), or stops
/// short of the right edge (a last line, a centred title), or this one is indented (the two-
/// character indent of a Chinese paragraph), or a gap wider than a line stands between them.
/// Furniture is a line among the first or last rows of its page that is a page number
/// (`- 3 -`, `第 3 页`, `3/12`), or that comes back at the same height on other pages with only
/// its digits changed (a running title, a date, a file name).
enum PrintedLines {
    static func paragraphs(_ pages: [PrintedPage]) -> (lines: [ExtractedLine], removals: [Removal]) {
        var numbered: [(page: Int, number: Int, line: PrintedPage.Line)] = []
        var number = 0
        for (pageIndex, page) in pages.enumerated() {
            for line in page.lines {
                number += 1
                numbered.append((pageIndex, number, line))
            }
        }
        let furniture = self.furniture(pages, numbered: numbered)
        var removals: [Removal] = []
        var body: [(page: Int, number: Int, line: PrintedPage.Line)] = []
        for entry in numbered {
            if let rule = furniture[entry.number] {
                removals.append(Removal(line: entry.number, column: 1, text: entry.line.text.trimmingCharacters(in: .whitespaces), rule: rule, wholeLine: true))
            } else if !entry.line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                body.append(entry)
            }
        }
        guard !body.isEmpty else { return ([], removals) }
        let layout = Layout(body.map(\.line))
        var paragraphs: [ExtractedLine] = []
        var previous: (page: Int, number: Int, line: PrintedPage.Line)?
        for entry in body {
            let text = entry.line.text.trimmingCharacters(in: .whitespaces)
            if let before = previous, layout.continues(before.line, on: before.page, with: entry.line, on: entry.page) {
                let last = paragraphs[paragraphs.count - 1].text
                paragraphs[paragraphs.count - 1].text = joined(last, text)
            } else {
                paragraphs.append(ExtractedLine(number: entry.number, text: text))
            }
            previous = entry
        }
        return (paragraphs, removals)
    }

    /// Two pieces of one paragraph: no space between Chinese text, one between Latin words.
    static func joined(_ first: String, _ second: String) -> String {
        guard let end = first.unicodeScalars.last, let start = second.unicodeScalars.first else { return first + second }
        return CJK.isCJK(end) || CJK.isCJK(start) ? first + second : first + " " + second
    }

    /// The measures of the page body: where lines start and end, how wide a character is.
    struct Layout {
        var left: Double
        var right: Double
        var character: Double
        var lineHeight: Double

        init(_ lines: [PrintedPage.Line]) {
            func percentile(_ values: [Double], _ fraction: Double) -> Double {
                let sorted = values.sorted()
                return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
            }
            left = percentile(lines.map(\.xMin), 0.1)
            right = percentile(lines.map(\.xMax), 0.9)
            let widths = lines.compactMap { line -> Double? in
                let count = line.text.unicodeScalars.filter(CJK.isCJK).count
                return count >= 8 ? (line.xMax - line.xMin) / Double(line.text.count) : nil
            }
            lineHeight = percentile(lines.map { $0.yMax - $0.yMin }, 0.5)
            character = widths.isEmpty ? lineHeight : percentile(widths, 0.5)
        }

        func continues(_ before: PrintedPage.Line, on beforePage: Int, with line: PrintedPage.Line, on page: Int) -> Bool {
            let previous = before.text.trimmingCharacters(in: .whitespaces)
            if Self.endsSentence(previous) { return false }
            if before.xMax < right - 2 * character { return false }
            if line.xMin > left + 1.2 * character { return false }
            if page == beforePage, line.yMin - before.yMax > lineHeight { return false }
            return true
        }

        static func endsSentence(_ text: String) -> Bool {
            var characters = Array(text)
            while let last = characters.last, "”’」』）)".contains(last) { characters.removeLast() }
            guard let last = characters.last else { return true }
            return "。！？：；!?…".contains(last)
        }
    }

    private static let pageNumber = try! NSRegularExpression(pattern:
        "^[-—–－\\s]*(?:第\\s*)?\\d{1,4}\\s*(?:页)?(?:\\s*/\\s*\\d{1,4})?(?:\\s*[,，]?\\s*共\\s*\\d{1,4}\\s*页)?[-—–－\\s]*$|^(?:page|Page|PAGE)\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$")

    /// The page furniture among the lines, by line number, with the rule that found it.
    private static func furniture(_ pages: [PrintedPage], numbered: [(page: Int, number: Int, line: PrintedPage.Line)]) -> [Int: String] {
        // The first and last two rows (lines at one height) of each page.
        var edges: [(page: Int, number: Int, line: PrintedPage.Line)] = []
        for pageIndex in pages.indices {
            let lines = numbered.filter { $0.page == pageIndex }
            let rows = Set(lines.map { ($0.line.yMin / 2).rounded() }).sorted()
            let edgeRows = Set(rows.prefix(2) + rows.suffix(2))
            edges += lines.filter { edgeRows.contains(($0.line.yMin / 2).rounded()) }
        }
        var found: [Int: String] = [:]
        var seen: [String: Set<Int>] = [:]
        func key(_ entry: (page: Int, number: Int, line: PrintedPage.Line)) -> String {
            let shape = entry.line.text.replacingOccurrences(of: "\\d+", with: "#", options: .regularExpression).filter { !$0.isWhitespace }
            return shape + "@" + String(Int((entry.line.yMin / 3).rounded()))
        }
        for entry in edges { seen[key(entry), default: []].insert(entry.page) }
        let needed = pages.count <= 3 ? 2 : (pages.count + 1) / 2
        for entry in edges {
            let text = entry.line.text.trimmingCharacters(in: .whitespaces)
            if pageNumber.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                found[entry.number] = "page number"
            } else if pages.count >= 2, (seen[key(entry)]?.count ?? 0) >= needed {
                found[entry.number] = "running header or footer"
            }
        }
        return found
    }
}
