/// A document's Markdown tree, or the bytes the build cache kept it as (`MarkdownNode.write`),
/// turned into the tree only when it is read: a build that renders a few pages of ten thousand
/// unchanged documents decodes a few trees (decoding every tree was a third of reading the
/// parses back, and what a page's fingerprint needs of the tree is in `MarkdownReferences`).
public struct MarkdownBody: Sendable, Hashable {
    private enum Storage: Sendable {
        case tree(MarkdownNode)
        case bytes([UInt8])
    }

    private var storage: Storage

    public init(_ tree: MarkdownNode) {
        storage = .tree(tree)
    }

    /// The tree kept as `bytes`, which `tree` decodes on each read. Nil unless the bytes have the
    /// hash `check` that `encoded()` gave them, so a damaged cache entry is a miss (hashing the
    /// bytes costs a fraction of decoding them).
    init?(bytes: [UInt8], check: UInt64) {
        guard ContentHash.of(bytes) == check else { return nil }
        storage = .bytes(bytes)
    }

    /// The tree (decoded from the kept bytes, which `init(bytes:check:)` checked).
    public var tree: MarkdownNode {
        switch storage {
        case .tree(let tree): return tree
        case .bytes(let bytes):
            var reader = BinaryReader(bytes)
            // The bytes matched the hash of what `encoded()` wrote, so they read back; an empty
            // document would only show a fault of the writer and reader themselves.
            guard let tree = MarkdownNode.read(&reader), reader.atEnd else { return MarkdownNode(kind: .document) }
            return tree
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
