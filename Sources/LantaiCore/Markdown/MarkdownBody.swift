/// A document's Markdown tree, or the bytes the build cache kept it as (`MarkdownNode.write`),
/// or where in a cache file those bytes lie, turned into the tree only when it is read: a build
/// that renders a few pages of ten thousand unchanged documents reads and decodes a few trees
/// (decoding every tree was a third of reading the parses back, and reading every tree's bytes
/// was a third of the bytes read; what a page's fingerprint needs of the tree is in
/// `MarkdownReferences`).
public struct MarkdownBody: Sendable, Hashable {
    private enum Storage: Sendable {
        case tree(MarkdownNode)
        case bytes([UInt8])
        case stored(path: String, offset: Int, count: Int, check: UInt64)
    }

    private var storage: Storage

    public init(_ tree: MarkdownNode) {
        storage = .tree(tree)
    }

    /// The tree kept as `count` bytes at `offset` of the file at `path`, with the hash `check`
    /// that `encoded()` gave them; read (and checked) by `loaded()`.
    init(storedAt path: String, offset: Int, count: Int, check: UInt64) {
        storage = .stored(path: path, offset: offset, count: count, check: check)
    }

    /// The body with its tree in memory: a stored tree read back; nil when its file no longer
    /// holds those bytes (the cache changed or was damaged since the entry was read).
    public func loaded() -> MarkdownBody? {
        guard case .stored(let path, let offset, let count, let check) = storage else { return self }
        return FileBytes.read(path, offset: offset, count: count).flatMap { MarkdownBody(bytes: $0, check: check) }
    }

    /// Whether the tree is in a file rather than in memory.
    var isStored: Bool {
        if case .stored = storage { return true }
        return false
    }

    /// The tree kept as `bytes`, which `tree` decodes on each read. Nil unless the bytes have the
    /// hash `check` that `encoded()` gave them, so a damaged cache entry is a miss (hashing the
    /// bytes costs a fraction of decoding them).
    init?(bytes: [UInt8], check: UInt64) {
        guard ContentHash.of(bytes) == check else { return nil }
        storage = .bytes(bytes)
    }

    /// The tree (decoded from the kept bytes, which `init(bytes:check:)` checked). A stored tree
    /// that cannot be read back reads as an empty document: the render loads each tree first
    /// (`loaded()`) and stops the build with an error where that fails.
    public var tree: MarkdownNode {
        switch storage {
        case .tree(let tree): return tree
        case .bytes(let bytes):
            var reader = BinaryReader(bytes)
            // The bytes matched the hash of what `encoded()` wrote, so they read back; an empty
            // document would only show a fault of the writer and reader themselves.
            guard let tree = MarkdownNode.read(&reader), reader.atEnd else { return MarkdownNode(kind: .document) }
            return tree
        case .stored:
            return loaded()?.tree ?? MarkdownNode(kind: .document)
        }
    }

    /// The tree as bytes, and the hash `init(bytes:check:)` checks.
    func encoded() -> (bytes: [UInt8], check: UInt64) {
        let bytes: [UInt8]
        switch storage {
        case .tree(let tree):
            var writer = BinaryWriter()
            tree.write(to: &writer)
            bytes = writer.bytes
        case .bytes(let kept):
            bytes = kept
        case .stored:
            return loaded()?.encoded() ?? ([], 0)
        }
        return (bytes, ContentHash.of(bytes))
    }

    public static func == (left: MarkdownBody, right: MarkdownBody) -> Bool { left.tree == right.tree }
    public func hash(into hasher: inout Hasher) { hasher.combine(tree) }
}

/// What a page's fingerprint needs of a tree without the tree: each link's and image's
/// destination, in document order, and whether it holds raw HTML (which the render reports).
public struct MarkdownReferences: Sendable, Hashable {
    public struct Reference: Sendable, Hashable {
        public var destination: String
        public var isImage: Bool
    }

    public var references: [Reference]
    public var hasRawHTML: Bool

    public init(references: [Reference] = [], hasRawHTML: Bool = false) {
        self.references = references
        self.hasRawHTML = hasRawHTML
    }

    public init(of tree: MarkdownNode) {
        var references: [Reference] = []
        var hasRawHTML = false
        var stack = [tree]
        while let node = stack.popLast() {
            switch node.kind {
            case .link(let destination, _): references.append(Reference(destination: destination, isImage: false))
            case .image(let source, _): references.append(Reference(destination: source, isImage: true))
            case .htmlBlock, .htmlInline: hasRawHTML = true
            default: break
            }
            stack += node.children.reversed()
        }
        self.init(references: references, hasRawHTML: hasRawHTML)
    }
}
