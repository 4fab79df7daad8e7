/// A parsed document: its metadata with gaps filled, its Markdown tree with anchors, outline and
/// passages. Produced per file (in parallel) from a `SourceFile`; nothing here knows other files.
///
/// A value with its fields behind one shared, copy-on-write box: the stages hand documents
/// around, sort them and keep them in several arrays, and a copy of some twenty strings and
/// arrays cost twenty reference-count updates (7 % of an edit build at 10,000 documents); now it
/// costs one. Fields read and write as before (`document.title`), through `Fields`.
@dynamicMemberLookup
public struct Document: Sendable, Hashable {
    private final class Storage: @unchecked Sendable {
        // Mutated only through `Document`'s accessor, which copies a shared box first.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The bigram counts of the title and passages (`BigramCounts.encoded`), made by the parse
    /// from the normalised text it has at hand and kept with it in the build cache; the analysis
    /// reads them for related documents and lets them go. Empty when not counted. Beside the box
    /// rather than in it: the stages let the counts go while other copies of the documents
    /// still hold the box, and a change in a shared box copies every field (20,000 copies in
    /// an edit at 10,000 documents).
    public var bigramCounts: [UInt8] = []

    public init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// Read as `document.title`. A key path through it (`documents.map(\.title)`) copies every
    /// field on each read (the key path's getter takes the fields out of the box first): over
    /// ten thousand documents a closure (`map { $0.title }`) is the cheaper spelling.
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields[keyPath: field]
        }
    }

    public static func == (a: Document, b: Document) -> Bool {
        a.bigramCounts == b.bigramCounts && (a.storage === b.storage || a.storage.fields == b.storage.fields)
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
        hasher.combine(bigramCounts)
    }

    /// The Markdown tree with anchors.
    public var body: MarkdownNode {
        get { storage.fields.bodyTree.tree }
        set { self.bodyTree = MarkdownBody(newValue) }
    }
}

extension Document {
    /// What a document holds.
    public struct Fields: Sendable, Hashable {
        /// Path inside the content folder (`speeches/2023-05-12-x.md`): the document's identity.
        public var sourcePath: String
        /// Path as shown in diagnostics.
        public var displayPath: String
        public var slug: String
        /// Where the page is written, relative to the output folder (`speeches/2023-05-12-x.html`).
        public var pagePath: String
        public var title: String
        public var subtitle: String?
        public var date: DocumentDate?
        public var speaker: String?
        public var position: String?
        public var organization: String?
        public var venue: String?
        public var type: String?
        public var summary: String?
        /// The document's topics: those its front matter gives, then those its passages carry.
        public var topics: [Topic]
        /// Every topic found in at least one passage or given, with its passages and share.
        public var topicAnalysis: [DocumentTopic]
        public var draft: Bool
        /// The Markdown tree, decoded when read if it came from the build cache (`MarkdownBody`).
        public var bodyTree: MarkdownBody
        /// The tree's links, images and raw HTML, which a page's fingerprint reads without the tree.
        public var references: MarkdownReferences
        public var outline: [OutlineEntry]
        public var passages: [Passage]
        /// The body lines (by body line number) on which a link, an image or raw HTML starts: all
        /// that the render's diagnostics point at. Keeping the whole body text for them took a fifth
        /// of a parsed document's memory.
        public var diagnosticLines: [Int: String]
        /// How many file lines precede the body.
        public var bodyLineOffset: Int
        /// A hash of everything the parse read (`DocumentParser.digest(of:configuration:)`): two
        /// parses with the same digest have the same body, so a body whose links and notes are also
        /// unchanged renders as before (`BodyRenderer.inputs`) and need not be rendered to tell.
        public var sourceDigest: UInt64 = 0
    }
}

extension Document {
    /// The document as the stages after the render need it: without its Markdown tree (a third
    /// of its memory), which only the render and its diagnostics read, and without its passages'
    /// similarity sketches, which only the analysis reads.
    func slimmedAfterRender() -> Document {
        var slim = self
        slim.body = MarkdownNode(kind: .document)
        slim.diagnosticLines = [:]
        for index in slim.passages.indices {
            slim.passages[index].bandKeys = nil
        }
        return slim
    }

    /// Turns a cmark position (body line, UTF-8 byte column) of a link, an image or raw HTML into
    /// a file line and character column.
    public func fileLocation(bodyLine: Int, byteColumn: Int) -> SourceLocation {
        guard bodyLine > 0 else { return SourceLocation(inBody: "", lineOffset: self.bodyLineOffset, bodyLine: 0, byteColumn: byteColumn) }
        // The line alone, as line 1 of a body that starts bodyLine − 1 lines further down.
        return SourceLocation(inBody: self.diagnosticLines[bodyLine] ?? "", lineOffset: self.bodyLineOffset + bodyLine - 1, bodyLine: 1, byteColumn: byteColumn)
    }

    /// The body lines on which a link, an image or raw HTML of `body` starts, from the body text.
    static func diagnosticLines(of body: MarkdownNode, in text: String) -> [Int: String] {
        var wanted: Set<Int> = []
        var stack = [body]
        while let node = stack.popLast() {
            switch node.kind {
            case .link, .image, .htmlInline, .htmlBlock: if node.line > 0 { wanted.insert(node.line) }
            default: break
            }
            stack += node.children
        }
        guard let last = wanted.max() else { return [:] }
        // Lines found on the UTF-8 bytes, up to the last one wanted (splitting the body into
        // characters was a sixth of a parse).
        let utf8 = text.utf8
        var lines: [Int: String] = [:]
        var lineStart = utf8.startIndex
        for number in 1...last {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if wanted.contains(number) { lines[number] = String(text[lineStart..<lineEnd]) }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
        }
        return lines
    }
}

extension SourceLocation {
    /// The file position of a cmark position (body line, UTF-8 byte column) in a body that
    /// starts after `lineOffset` lines of the file. Reads the body only up to that line.
    public init(inBody body: String, lineOffset: Int, bodyLine: Int, byteColumn: Int) {
        guard bodyLine > 0 else {
            self.init(line: lineOffset + 1, column: 1)
            return
        }
        let utf8 = body.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        while lineNumber < bodyLine, let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lineStart = utf8.index(after: newline)
            lineNumber += 1
        }
        let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        let bytes = utf8[lineStart..<lineEnd].prefix(max(byteColumn - 1, 0))
        self.init(line: bodyLine + lineOffset, column: String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1)
    }
}

extension Taxonomy {
    /// The document's value of this key, if it has one.
    func value(of document: Document) -> String? {
        switch self {
        case .speaker: document.speaker
        case .organization: document.organization
        case .venue: document.venue
        case .position: document.position
        }
    }
}
