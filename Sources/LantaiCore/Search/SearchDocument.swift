/// One document as search sees it: one normalised stream made of its title, its headings and its
/// paragraphs, in that order, each a segment that no phrase crosses.
///
/// Title and headings come first so that a hit's position says whether it is a title or heading
/// hit (for ranking) without fetching anything else.
public struct SearchDocument: Sendable {
    public struct Segment: Sendable {
        /// The anchor a hit in this segment links to; "" for the title (the top of the page).
        public var anchor: String
        /// Start of the segment in the normalised stream.
        public var start: Int
        /// The text as the reader sees it, for snippets.
        public var text: String
        /// The normalised text; the stream is these joined, each followed by one boundary.
        public var normalized: String
    }

    public var segments: [Segment]
    /// Length of the stream in scalars (boundaries included).
    public var length: Int
    /// End of the title segment and of the last heading segment in the stream.
    public var titleEnd: Int
    public var headingsEnd: Int

    init(segments: [Segment], length: Int, titleEnd: Int, headingsEnd: Int) {
        self.segments = segments
        self.length = length
        self.titleEnd = titleEnd
        self.headingsEnd = headingsEnd
    }

    /// `normalized`, when given, is each passage's text already normalised.
    public init(title: String, headings: [(anchor: String, text: String)], passages: [(anchor: String, text: String)], normalized: [String]? = nil) {
        var segments: [Segment] = []
        var position = 0
        func add(_ anchor: String, _ text: String, _ normalized: String? = nil) {
            let normalized = normalized ?? SearchNormalizer.normalize(text)
            segments.append(Segment(anchor: anchor, start: position, text: text, normalized: normalized))
            position += normalized.unicodeScalars.count + 1
        }
        add("", title)
        let titleEnd = position
        for heading in headings { add(heading.anchor, heading.text) }
        let headingsEnd = position
        for (index, passage) in passages.enumerated() { add(passage.anchor, passage.text, normalized?[index]) }
        self.segments = segments
        self.length = position
        self.titleEnd = titleEnd
        self.headingsEnd = headingsEnd
    }

    /// The title; then, with the headings, the document's subtitle, speaker (with position) and
    /// organisation, so that a name finds the documents it belongs to; then the passages.
    /// The subtitle, the speaker (after the position) and the organisation, those the document has.
    static func byline(of document: Document) -> [String] {
        let speaker = document.speaker.map { speaker in document.position.map { "\($0) \(speaker)" } ?? speaker }
        return [document.subtitle, speaker, document.organization].compactMap { $0 }
    }

    public init(_ document: Document) {
        self.init(title: document.title,
                  headings: Self.byline(of: document).map { (anchor: "", text: $0) } + document.outline.map { ($0.anchor, $0.title) },
                  passages: document.passages.map { ($0.anchor, $0.text) }, normalized: document.passages.map(\.normalized))
    }

    /// Where a stream position lies: 0 in the title, 1 in a heading, 2 in the text (the stream
    /// holds the title, then the headings, then the paragraphs).
    static func tier(of position: Int, titleEnd: Int, headingsEnd: Int) -> Int {
        position < titleEnd ? 0 : position < headingsEnd ? 1 : 2
    }

    /// The segment a stream position falls in.
    public func segment(at position: Int) -> Segment? {
        var low = 0
        var high = segments.count - 1
        var found: Segment?
        while low <= high {
            let middle = (low + high) / 2
            if segments[middle].start <= position {
                found = segments[middle]
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }
}
