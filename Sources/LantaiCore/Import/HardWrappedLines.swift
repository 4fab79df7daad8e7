/// Text copied out of a PDF, or saved from an editor that wraps, holds one printed line per line,
/// so a phrase across a line break cannot be found. When most long lines of a text file end at
/// the same width, the file is hard-wrapped, and a line that reaches that width without ending a
/// sentence goes on with the next one, unless the next opens a part, a lead, a head line or a
/// salutation. The joined line keeps the number of its first line.
enum HardWrappedLines {
    /// Within this many columns of the wrap width a line counts as reaching it.
    static let slack = 3

    static func join(_ lines: [SourceLine], opensBlock: (String) -> Bool) -> [SourceLine] {
        let widths = lines.map { width($0.text) }
        let open = zip(lines, widths).filter { !PrintedLines.Layout.endsSentence($0.0.text) }.map(\.1)
        guard let wrap = wrapWidth(all: widths, open: open) else { return lines }
        var joined: [SourceLine] = []
        var previousWidth = 0
        var previousText = ""
        for (line, lineWidth) in zip(lines, widths) {
            if var last = joined.last, last.hint == nil, line.hint == nil, previousWidth >= wrap - slack,
               !PrintedLines.Layout.endsSentence(previousText), !opensBlock(line.text) {
                last.text = PrintedLines.joined(last.text, line.text)
                last.original = PrintedLines.joined(last.original, line.original)
                joined[joined.count - 1] = last
            } else {
                joined.append(line)
            }
            previousWidth = lineWidth
            previousText = line.text
        }
        return joined
    }

    /// The width lines are wrapped at: the width near the top of the long lines, when at least
    /// half of the long lines that do not end a sentence (four or more) stop there. In a file of
    /// paragraphs, the lines that end without a full stop are headings and titles of all widths.
    static func wrapWidth(all widths: [Int], open: [Int]) -> Int? {
        let long = widths.filter { $0 >= 16 }.sorted()
        guard long.count >= 5 else { return nil }
        let wrap = long[(long.count - 1) * 9 / 10]
        let longOpen = open.filter { $0 >= 16 }
        let reaching = longOpen.filter { abs($0 - wrap) <= slack }.count
        return reaching >= 4 && reaching * 2 >= longOpen.count ? wrap : nil
    }

    /// Columns as a terminal or a fixed-width font shows them: Chinese characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJK.isCJK($1) || $1.value >= 0xFF00 && $1.value <= 0xFFEF ? 2 : 1) }
    }
}
