/// One document as search sees it: one normalised stream made of its title, its headings and its
/// paragraphs, in that order, each a segment that no phrase crosses.
///
/// Title and headings come first so that a hit's position says whether it is a title or heading
/// hit (for ranking) without fetching anything else. Segment k starts at k × `stride`, the
/// smallest power of two (at least 64) above the longest segment, so an edit inside a paragraph
/// moves no position outside it: the index is patched in the grams of that paragraph only (a
/// stream packed end to end moved every later position, and a patch touched nearly every shard).
/// Only a document whose segments would reach 2³⁰ that way is packed end to end.
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
    /// Scalars of the normalised segments, plus one a segment: the document's length for ranking.
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

    public init(title: String, headings: [(anchor: String, text: String)], passages: [(anchor: String, text: String)]) {
        var texts: [(anchor: String, text: String, normalized: String)] = [("", title, SearchNormalizer.normalize(title))]
        texts += (headings + passages).map { ($0.anchor, $0.text, SearchNormalizer.normalize($0.text)) }
        let lengths = texts.map { $0.normalized.unicodeScalars.count }
        let starts = Self.starts(ofSegmentsWith: lengths)
        segments = zip(texts, starts).map { Segment(anchor: $0.anchor, start: $1, text: $0.text, normalized: $0.normalized) }
        length = lengths.reduce(0) { $0 + $1 + 1 }
        titleEnd = starts.count > 1 ? starts[1] : Self.end(of: starts, lengths)
        headingsEnd = starts.count > 1 + headings.count ? starts[1 + headings.count] : Self.end(of: starts, lengths)
    }

    /// Where each segment of these normalised lengths starts: at k × stride (see the type's
    /// comment), or end to end, one boundary between them, when strides would reach 2³⁰.
    static func starts(ofSegmentsWith lengths: [Int]) -> [Int] {
        var stride = 64
        let longest = lengths.max() ?? 0
        while stride <= longest { stride *= 2 }
        if stride * lengths.count < 1 << 30 { return lengths.indices.map { $0 * stride } }
        var starts: [Int] = []
        var position = 0
        for length in lengths {
            starts.append(position)
            position += length + 1
        }
        return starts
    }

    /// The position after the last segment (one boundary past its end).
    private static func end(of starts: [Int], _ lengths: [Int]) -> Int {
        (starts.last ?? 0) + (lengths.last ?? 0) + 1
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
                  passages: document.passages.map { ($0.anchor, $0.text) })
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
