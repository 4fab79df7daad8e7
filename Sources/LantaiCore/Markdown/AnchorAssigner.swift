/// One heading in a document's table of contents.
public struct OutlineEntry: Sendable, Hashable {
    /// 1 for the shallowest heading level used in the document, 2 for the next, …
    public var depth: Int
    public var title: String
    public var anchor: String
}

/// A paragraph: the unit that topic pages quote, search hits link to and similar-passage
/// detection compares.
public struct Passage: Sendable, Hashable {
    /// Where a passage's text is: in the value, or in its document's texts left in the build
    /// cache (`StoredPassageTexts`), at a place.
    enum TextSource: Sendable {
        case inline(String)
        case stored(StoredPassageTexts, Int)
    }

    /// 1-based position among the document's paragraphs.
    public var ordinal: Int
    public var anchor: String
    private var textSource: TextSource
    /// Titles of the headings the paragraph sits under, outermost first.
    public var headingPath: [String]
    /// The anchors of those headings, in the same order.
    public var headingAnchors: [String]
    /// Its similar-passage sketch (`PassageSketch`), nil when it is too short to compare: made
    /// with the parse, so a build that reads the parse from the cache does not hash it again.
    public var bandKeys: [UInt64]?

    /// The paragraph's text; for a parse read back from the build cache, read from there on
    /// first use (`StoredPassageTexts`).
    public var text: String {
        get {
            switch textSource {
            case .inline(let text): text
            case .stored(let texts, let index): texts.text(index)
            }
        }
        set { textSource = .inline(newValue) }
    }

    /// A passage of `text`, whose `SearchNormalizer` form (`normalized`) the caller may have made already.
    public init(ordinal: Int, anchor: String, text: String, headingPath: [String], headingAnchors: [String], normalized: String? = nil) {
        self.init(ordinal: ordinal, anchor: anchor, text: .inline(text), headingPath: headingPath, headingAnchors: headingAnchors,
                  bandKeys: PassageSketch.bandKeys(of: normalized ?? SearchNormalizer.normalize(text)))
    }

    /// A passage sketched before (read back from the build cache).
    init(ordinal: Int, anchor: String, text: TextSource, headingPath: [String], headingAnchors: [String], bandKeys: [UInt64]?) {
        self.ordinal = ordinal
        self.anchor = anchor
        self.textSource = text
        self.headingPath = headingPath
        self.headingAnchors = headingAnchors
        self.bandKeys = bandKeys
    }

    public static func == (a: Passage, b: Passage) -> Bool {
        a.ordinal == b.ordinal && a.anchor == b.anchor && a.headingPath == b.headingPath && a.headingAnchors == b.headingAnchors
            && a.bandKeys == b.bandKeys && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
        hasher.combine(anchor)
        hasher.combine(text)
    }
}

/// Gives every heading, paragraph, table and code block a stable ASCII anchor and collects the
/// outline and the passages (the paragraphs, tables and code blocks).
///
/// Headings are numbered by their place in the outline (`sec-2-1` is the first subsection of
/// the second section); paragraphs by their order in the document (`p-12`). Both survive edits
/// inside other paragraphs, which is how archived speeches usually change (typo fixes).
public struct AnchorAssigner {
    public private(set) var outline: [OutlineEntry] = []
    public private(set) var passages: [Passage] = []
    /// Each passage's text through `SearchNormalizer`, for the topic analysis that follows the
    /// parse. Not part of a `Passage`: the text a third time over held a fifth of a build's
    /// memory, and the later stages normalise what they read as they read it.
    public private(set) var normalizedTexts: [String] = []

    private var depthOfLevel: [Int: Int] = [:]
    private var counters: [Int] = []
    /// Paragraphs, tables and code blocks are numbered apart (`p-3`, `t-1`, `c-1`), so that a
    /// table added to a speech does not move the anchors of the paragraphs after it.
    private var paragraphCount = 0
    private var tableCount = 0
    private var codeCount = 0
    private var headingPath: [(depth: Int, title: String, anchor: String)] = []
    /// The titles and anchors of `headingPath`, made once per heading and shared by the passages
    /// under it (one pair of arrays a section rather than a pair a paragraph).
    private var pathTitles: [String] = []
    private var pathAnchors: [String] = []
    private var usedAnchors: Set<String> = []

    public init() {}

    public mutating func assign(_ root: inout MarkdownNode) {
        let levels = Self.headingLevels(in: root).sorted()
        depthOfLevel = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0 + 1) })
        visit(&root)
    }

    private mutating func visit(_ node: inout MarkdownNode) {
        switch node.kind {
        case .heading(let level):
            let depth = depthOfLevel[level] ?? 1
            if counters.count < depth { counters += Array(repeating: 0, count: depth - counters.count) }
            counters[depth - 1] += 1
            counters.removeSubrange(depth...)
            let anchor = unique("sec-" + counters.map(String.init).joined(separator: "-"))
            let title = node.plainText
            node.anchor = anchor
            outline.append(OutlineEntry(depth: depth, title: title, anchor: anchor))
            headingPath.removeAll { $0.depth >= depth }
            headingPath.append((depth, title, anchor))
            pathTitles = headingPath.map(\.title)
            pathAnchors = headingPath.map(\.anchor)
            return
        case .footnoteDefinition:
            // Notes come after the body (cmark moves them there): under no heading of it.
            headingPath.removeAll()
            pathTitles = []
            pathAnchors = []
        case .paragraph:
            paragraphCount += 1
            addPassage(&node, anchor: "p-\(paragraphCount)", text: node.plainText)
            return
        case .table:
            // A table's cells are searchable text and passages too: a row a line, cells apart.
            tableCount += 1
            let rows = node.children.map { row in row.children.map(\.plainText).joined(separator: " ") }
            addPassage(&node, anchor: "t-\(tableCount)", text: rows.joined(separator: "\n"))
            return
        case .codeBlock(_, let literal):
            codeCount += 1
            addPassage(&node, anchor: "c-\(codeCount)", text: literal)
            return
        default:
            break
        }
        guard node.isBlock else { return }
        for index in node.children.indices {
            visit(&node.children[index])
        }
    }

    private mutating func addPassage(_ node: inout MarkdownNode, anchor: String, text: String) {
        let unique = unique(anchor)
        node.anchor = unique
        let normalized = SearchNormalizer.normalize(text)
        normalizedTexts.append(normalized)
        passages.append(Passage(ordinal: passages.count + 1, anchor: unique, text: text,
                                headingPath: pathTitles, headingAnchors: pathAnchors, normalized: normalized))
    }

    /// Anchors are unique by construction; the check guards against a future scheme change.
    private mutating func unique(_ anchor: String) -> String {
        var candidate = anchor
        var suffix = 2
        while usedAnchors.contains(candidate) {
            candidate = "\(anchor)-\(suffix)"
            suffix += 1
        }
        usedAnchors.insert(candidate)
        return candidate
    }

    private static func headingLevels(in root: MarkdownNode) -> Set<Int> {
        var levels: Set<Int> = []
        var stack = [root]
        while let node = stack.popLast() {
            if case .heading(let level) = node.kind { levels.insert(level); continue }
            guard node.isBlock else { continue }
            for child in node.children where child.isBlock { stack.append(child) }
        }
        return levels
    }
}
