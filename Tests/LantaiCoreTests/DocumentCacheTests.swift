import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// Parses kept on disk between builds must read back as the very parse, and anything else in
/// the cache folder must be a miss, never a wrong document or a crash.
@Suite struct DocumentCacheTests {
    /// Every kind of Markdown node, front matter with every field, topics given and excluded.
    static let everything = """
        ---
        title: 全部元素
        date: 2024-05-06
        speaker: 张三
        organization: 县政府办公室
        venue: 第一会议室
        type: 讲话
        summary: 摘要
        topics: [服务意识]
        exclude_topics: [督查]
        ---

        # 第一部分

        要增强**服务意识**，做到*以文辅政*，~~不要~~[链接](other.md "标题")、`代码`、![图](a.png "图题")。<span>行内</span>
        换行\\
        下一行

        > 引用：发挥参谋作用。

        1. 第一
        2. 第二

        - [x] 完成
        - [ ] 未完成

        | 左 | 中 | 右 | 无 |
        | :- | :-: | -: | - |
        | 一 | 二 | 三 | 四 |

        ```swift
        let x = 1
        ```

        <div>块</div>

        ---

        ## 第二部分

        督查落实，[[另一篇]]，见注[^注]。

        [^注]: 注释的文字。
        """

    static func sources() throws -> [SourceFile] {
        var files = try SearchCorpusFixture.files()
        files["content/a/everything.md"] = everything
        files["content/a/empty.md"] = ""
        files["content/a/broken.md"] = "---\ntitle: [未闭合\n---\n\n正文。\n"
        files["content/a/unknown-topic.md"] = "---\ntopics: [不存在的专题]\n---\n\n正文。\n"
        return files.sorted { $0.key < $1.key }.map { SourceFile(displayPath: $0.key, relativePath: String($0.key.dropFirst("content/".count)), text: $0.value) }
    }

    /// The repository's own catalogue.
    /// For parses given no unread files: reading one is a failure of the test.
    static let unexpectedRead: @Sendable (UnreadSource) -> Result<SourceFile, Diagnostic> = { unread in
        Issue.record("read \(unread.relativePath), which was not asked for")
        return .failure(.error(zh: "不该读", en: "not to be read", in: unread.displayPath))
    }

    static let catalog = TopicCatalog.parse(try! String(contentsOf: RepositoryPaths.content.appendingPathComponent(TopicCatalog.fileName), encoding: .utf8), path: TopicCatalog.fileName).0

    @Test func everyParseReadsBackAsItWas() throws {
        let parser = DocumentParser(catalog: Self.catalog)
        let codec = DocumentCodec(catalog: Self.catalog)
        var kinds: Set<String> = []
        func collect(_ node: MarkdownNode) {
            kinds.insert(String(describing: node.kind).prefix { $0 != "(" }.description)
            node.children.forEach(collect)
        }
        var diagnostics = 0
        for source in try Self.sources() {
            let (document, problems) = parser.parse(source)
            diagnostics += problems.count
            if let document { collect(document.body) }
            let decoded = try #require(codec.decode(codec.encode(document, problems)), "\(source.relativePath)")
            #expect(decoded.document == document, "\(source.relativePath)")
            #expect(decoded.diagnostics == problems, "\(source.relativePath)")
        }
        // The sample reaches all 24 kinds of node, and diagnostics (broken front matter, an
        // unknown topic, an empty file).
        #expect(kinds.count == 24, "\(kinds.sorted())")
        #expect(diagnostics >= 3)
    }

    /// A string read back is checked as UTF-8: bytes that are not read as nothing (a miss), never
    /// as a string that breaks what reads it later.
    @Test func stringsReadBackOnlyAsValidUTF8() {
        var writer = BinaryWriter()
        for text in ["服务意识", "", "a\u{0}b", "𠮷"] { writer.string(text) }
        var reader = BinaryReader(writer.bytes)
        #expect(["服务意识", "", "a\u{0}b", "𠮷"].map { _ in reader.string() } == ["服务意识", "", "a\u{0}b", "𠮷"])
        #expect(reader.atEnd)
        for bad: [UInt8] in [[0xFF], [0xE6, 0x9C], [0xC0, 0x80], [0xED, 0xA0, 0x80]] {
            var damaged = BinaryWriter()
            damaged.byteRun(bad)
            var reader = BinaryReader(damaged.bytes)
            #expect(reader.string() == nil, "\(bad)")
        }
    }

    @Test func cutOrDamagedEntriesAreMisses() throws {
        let parser = DocumentParser(catalog: Self.catalog)
        let codec = DocumentCodec(catalog: Self.catalog)
        let source = try #require(try Self.sources().first { $0.relativePath.hasSuffix("everything.md") })
        let (document, problems) = parser.parse(source)
        let bytes = codec.encode(document, problems)
        for length in 0..<bytes.count {
            #expect(codec.decode(Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
        #expect(codec.decode(bytes + [0]) == nil)
        // Flipped bytes either read as some parse or as a miss; never a trap, also when the
        // tree, kept as bytes, is decoded later.
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            var damaged = bytes
            damaged[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            _ = codec.decode(damaged)?.document?.body
        }
        // A flip inside the tree's bytes, which are decoded only when read, is a miss at once.
        let tree = try #require(document).bodyTree.encoded().bytes
        let start = try #require((0...(bytes.count - tree.count)).first { Array(bytes[$0..<$0 + tree.count]) == tree })
        for offset in stride(from: 0, to: tree.count, by: max(1, tree.count / 200)) {
            var damaged = bytes
            damaged[start + offset] ^= 0x10
            #expect(codec.decode(damaged) == nil, "tree byte \(offset) flipped")
        }
        // Under another catalogue the topic numbers mean nothing: the cache keys hold the catalogue.
        let cache = BuildCache(folder: URL(fileURLWithPath: "/nonexistent"))
        let other = cache.parses(catalog: TopicCatalog(topics: Array(Self.catalog.topics.dropLast())), types: DocumentType.defaults)
        let same = cache.parses(catalog: Self.catalog, types: DocumentType.defaults)
        #expect(other.key(of: source) != same.key(of: source))
        // So do they the document types (a type the site does not declare is an error).
        let fewerTypes = cache.parses(catalog: Self.catalog, types: Array(DocumentType.defaults.dropLast()))
        #expect(fewerTypes.key(of: source) != same.key(of: source))
    }

    @Test func aSecondParseReadsTheCacheAndAnEditIsParsedAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let parser = DocumentParser(catalog: Self.catalog)
        let cache = BuildCache(folder: folder).parses(catalog: Self.catalog, types: DocumentType.defaults)
        var sources = try Self.sources()
        let first = cache.parse(sources, read: Self.unexpectedRead, with: parser)
        #expect(first.reused == 0)
        let second = cache.parse(sources, read: Self.unexpectedRead, with: parser)
        #expect(second.reused == sources.count)
        #expect(second.results.map(\.0) == first.results.map(\.0))
        #expect(second.results.map(\.1) == first.results.map(\.1))
        // Read from the cache, a document's tree stays in its entry until it is loaded.
        let cached = second.results.compactMap(\.0)
        #expect(!cached.isEmpty && cached.allSatisfy(\.bodyTree.isStored))
        #expect(cached.map { $0.bodyTree.loaded()?.tree } == first.results.compactMap(\.0).map(\.body))

        // One file edited, one removed, one entry damaged on disk: three parsed, and the
        // removed file's entry is gone.
        sources[0].text += "\n\n新增一段。\n"
        let removed = sources.removeLast()
        let damaged = cache.key(of: sources[1])
        try Data([1, 2, 3]).write(to: cache.folder.appendingPathComponent(damaged + ".bin"))
        let third = cache.parse(sources, read: Self.unexpectedRead, with: parser)
        #expect(third.reused == sources.count - 2)
        #expect(third.results.map(\.0) == sources.map { parser.parse($0).0 })
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path)
        #expect(names.count == sources.count)
        #expect(!names.contains(cache.key(of: removed) + ".bin"))
    }

    /// Files the load did not read are found by the hash of their text; where the entry is gone
    /// the file is read after all and parsed, and stays vouched for if it holds the recorded
    /// text (else not: it changed after it was listed).
    @Test func unreadFilesAreFoundByTheirTextsHashAndReadWhenTheirEntryIsGone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let parser = DocumentParser(catalog: Self.catalog)
        let cache = BuildCache(folder: folder).parses(catalog: Self.catalog, types: DocumentType.defaults)
        let sources = try Self.sources()
        #expect(sources.count >= 4)
        let first = cache.parse(sources, read: Self.unexpectedRead, with: parser)
        #expect(first.textHashes == Dictionary(uniqueKeysWithValues: sources.map { ($0.relativePath, $0.textHash) }))

        // The first two read, the others vouched for: the parses in path order, none parsed.
        let unread = sources.dropFirst(2).map { UnreadSource(displayPath: $0.displayPath, relativePath: $0.relativePath, textHash: $0.textHash) }
        let second = cache.parse(Array(sources.prefix(2)), unread: unread.reversed(), read: Self.unexpectedRead, with: parser)
        #expect(second.reused == sources.count)
        #expect(second.results.map(\.0) == first.results.map(\.0))
        #expect(second.textHashes == first.textHashes)

        // One entry removed, one vouched-for hash that is not the text's: both files read.
        try FileManager.default.removeItem(at: cache.folder.appendingPathComponent(cache.key(of: sources[2]) + ".bin"))
        var stale = unread
        stale[1].textHash &+= 1
        let byPath = Dictionary(uniqueKeysWithValues: sources.map { ($0.relativePath, $0) })
        let reads = Counter()
        let third = cache.parse(Array(sources.prefix(2)), unread: stale, read: { unread in
            reads.add()
            return .success(byPath[unread.relativePath]!)
        }, with: parser)
        #expect(reads.value == 2)
        #expect(third.results.map(\.0) == first.results.map(\.0))
        #expect(third.reused == sources.count - 1, "the stale hash's file was read and its parse found under its text's hash")
        #expect(third.textHashes[sources[2].relativePath] == sources[2].textHash, "read after all, the text recorded")
        #expect(third.textHashes[sources[3].relativePath] == nil, "read after all, another text than recorded")
        #expect(third.textHashes.count == sources.count - 1)

        // A file that cannot be read then is reported, not lost.
        try FileManager.default.removeItem(at: cache.folder.appendingPathComponent(cache.key(of: sources[2]) + ".bin"))
        let fourth = cache.parse([], unread: [unread[0]], read: { .failure(.error(zh: "读不了这个文件", en: "cannot read this file", in: $0.displayPath)) }, with: parser)
        #expect(fourth.results.count == 1 && fourth.results[0].0 == nil)
        #expect(fourth.results[0].1.count == 1 && fourth.results[0].1[0].severity == .error)
    }
}

/// A count shared with a `@Sendable` closure.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
