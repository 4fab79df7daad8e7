/// A source file's text as the lines its format gives, before cleaning: what each reader
/// (plain text, PDF, HTML, Word) hands to the same cleaning, splitting and metadata steps.
public struct ExtractedText: Sendable, Hashable {
    public var lines: [ExtractedLine]
    /// How the text was read, as recorded in front matter: `UTF-8`, `GB18030`, `PDF`,
    /// `HTML (GBK)`, `Word (.docx)`.
    public var encoding: String
    /// What the reader left out, each named with its rule (running headers, page numbers, the
    /// parts of a web page around the article).
    public var removals: [Removal] = []
    /// Footnotes of a Word file, by label, their references in the text written as
    /// `FootnoteMark.reference(label)`.
    public var footnotes: [(label: String, text: String)] = []
    /// The lines are a text file's, which may be wrapped at a fixed width (`HardWrappedLines`).
    public var mayBeHardWrapped = false

    public static func == (lhs: ExtractedText, rhs: ExtractedText) -> Bool {
        lhs.lines == rhs.lines && lhs.encoding == rhs.encoding && lhs.removals == rhs.removals
            && lhs.footnotes.map(\.label) == rhs.footnotes.map(\.label) && lhs.footnotes.map(\.text) == rhs.footnotes.map(\.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(encoding)
    }
}

/// One line of extracted text: a line of a text file, a paragraph of a Word file or a web page,
/// a paragraph joined from printed lines of a PDF.
public struct ExtractedLine: Sendable, Hashable {
    /// Where it starts, counted as the format counts (line of a text or HTML file, paragraph of a
    /// Word file, printed line of a PDF); removals and `source_lines` use it.
    public var number: Int
    public var text: String
    /// What the format says the line is, when it says.
    public var hint: LineHint?

    public init(number: Int, text: String, hint: LineHint? = nil) {
        self.number = number
        self.text = text
        self.hint = hint
    }
}

/// Structure a format states outright, which plain text can only suggest.
public enum LineHint: Sendable, Hashable {
    /// A heading by its style (Word's Heading 1 is level 2: the title is level 1).
    case heading(level: Int)
    /// The document's title by its style or element (Word's Title, HTML's `h1`).
    case title
    /// A row of a table; consecutive rows make one table.
    case tableRow([String])
    /// An item of a numbered or bulleted list.
    case listItem(ordered: Bool)
    /// The paragraph opens with a bold sentence: its lead.
    case lead(String)
}

/// Footnote references carried through cleaning inside the text: two private-use characters
/// around the label, which `ImportedMarkdown` writes as `[^label]` after escaping the text.
enum FootnoteMark {
    static let open: Character = "\u{F8F0}"
    static let close: Character = "\u{F8F1}"

    static func reference(_ label: String) -> String {
        String(open) + label + String(close)
    }
}
