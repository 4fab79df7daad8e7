import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// A build after an edit must write exactly the files whose bytes change, leave every other file
/// of the output untouched (same inode), and end with the output a full build makes, byte for byte.
@Suite struct IncrementalBuildTests {
    /// The repository's content plus two notes that link to a speech, so an edit of that speech
    /// reaches other pages through backlinks as well as through topics, archives and search.
    static func makeSite() throws -> SiteFixture {
        var files: [String: String] = [:]
        let base = RepositoryPaths.content.path
        for case let path as String in FileManager.default.enumerator(atPath: base)! {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files["content/" + path] = try String(contentsOfFile: base + "/" + path, encoding: .utf8)
        }
        // Quoting passages in data/topics.json, so that an edit inside one must reach the file.
        files["content/site.yml"]! += "\ntopic_passage_text: true\n"
        files["content/notes/2024-01-02-a.md"] = "---\ntitle: 学习笔记甲\ndate: 2024-01-02\n---\n\n读[县里的讲话](../speeches/county-speech-72e6c0.md)有感，要增强服务意识。\n"
        files["content/notes/2024-03-04-b.md"] = "---\ntitle: 学习笔记乙\ndate: 2024-03-04\n---\n\n再读[讲话](../speeches/county-speech-72e6c0.md)，发挥参谋作用。\n"
        return try SiteFixture(files: files)
    }

    static let edited = "content/speeches/county-speech-72e6c0.md"

    /// Path → (inode, bytes) of every file under `folder`.
    static func files(under folder: URL) -> [String: (inode: UInt64, bytes: Data)] {
        var result: [String: (inode: UInt64, bytes: Data)] = [:]
        let base = folder.standardizedFileURL.path
        for case let path as String in FileManager.default.enumerator(atPath: base)! {
            var status = stat()
            guard stat(base + "/" + path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            result[path] = (UInt64(status.st_ino), FileManager.default.contents(atPath: base + "/" + path)!)
        }
        return result
    }

    /// The site built from scratch into a folder of its own: nothing parsed, rendered or indexed
    /// is reused; only the search index's document numbers are the ones the site's cache holds
    /// (the one thing a build's history decides, see `DocumentNumbers`).
    static func fullBuild(of site: SiteFixture) throws -> [String: (inode: UInt64, bytes: Data)] {
        var options = site.options
        options.output = site.root.appendingPathComponent("full")
        options.cache = site.root.appendingPathComponent("full-cache")
        defer { try? FileManager.default.removeItem(at: options.cache!) }
        let numbers = site.options.cache.flatMap { BuildCache(folder: $0).readState()?.numbers }
        try BuildCache(folder: options.cache!).writeState(BuildState(output: OutputManifest(), pageInputs: OutputManifest(), search: nil, numbers: numbers))
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.rendered == summary.pages && !summary.searchPatched, "the full build made everything")
        defer { try? FileManager.default.removeItem(at: options.output) }
        return files(under: options.output)
    }

    /// Builds, applies `edit`, builds again (remembering parses, as `lantai serve` does), and
    /// checks the second build against a full one. Returns the files the second build wrote.
    @discardableResult
    static func checkIncrementalBuild(after edit: (SiteFixture) throws -> Void) throws -> Set<String> {
        let site = try makeSite()
        defer { site.remove() }
        var builder = SiteBuilder(options: site.options)
        builder.memory = ParseMemory()
        _ = try builder.build()
        // After the edit, which may delete files from the output too.
        try edit(site)
        let before = files(under: site.output)
        let summary = try builder.build()
        let after = files(under: site.output)
        let full = try fullBuild(of: site)

        #expect(Set(after.keys).symmetricDifference(full.keys).sorted() == [], "files only one of the incremental and full builds makes")
        for (path, file) in full {
            #expect(after[path]?.bytes == file.bytes, "\(path) differs from the full build")
        }
        var changed: Set<String> = []
        for (path, file) in after {
            guard let old = before[path] else { changed.insert(path); continue }
            if old.bytes == file.bytes {
                #expect(old.inode == file.inode, "\(path) has the same bytes but was written again")
            } else {
                changed.insert(path)
                #expect(old.inode != file.inode)
            }
        }
        #expect(summary.written == changed.count)
        #expect(summary.files == after.count)
        let sources = FileManager.default.enumerator(atPath: site.content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(builder.memory!.lastReused >= sources.count - 2, "only the edited files are parsed again")
        return changed
    }

    @Test func editingAParagraphWritesOnlyWhatChanges() throws {
        let written = try Self.checkIncrementalBuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "借此机会，我再提两点希望和要求：", with: "借此机会，我再提三点希望和要求，请大家督查落实："), to: Self.edited)
        }
        #expect(written.count > 1, "the page and its search files must change")
    }

    /// `data/topics.json` is carried over when its fields fingerprint as before: an edit inside a
    /// passage the file quotes must still reach it, also one that keeps the passage's length
    /// and words (shares and scores stay, only the quoted text changes).
    @Test func editingAQuotedPassageReachesTopicsJSON() throws {
        let written = try Self.checkIncrementalBuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "切实增强服务意识，提升服务能力", with: "切实增强服务意识，提高服务能力"), to: Self.edited)
        }
        #expect(written.contains(TopicData.path))
    }

    /// Whether the file quotes passages is a setting of the site, which no parse's digest covers:
    /// turning it off must reach the file though every document's parse is the same.
    @Test func turningOffQuotedPassagesReachesTopicsJSON() throws {
        let written = try Self.checkIncrementalBuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
            let plain = text.replacingOccurrences(of: "\ntopic_passage_text: true\n", with: "\n")
            try #require(plain != text)
            try site.write(plain, to: "content/site.yml")
        }
        #expect(written.contains(TopicData.path))
    }

    @Test func changingATitleReachesTheBacklinksAndLists() throws {
        try Self.checkIncrementalBuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "title: \"在全县办公室工作会议上的讲话\"", with: "title: \"在全县办公室主任会议上的讲话\"\ndate: 2023-05-06"), to: Self.edited)
        }
    }

    @Test func addingAndRemovingDocumentsAddsAndDeletesTheirFiles() throws {
        try Self.checkIncrementalBuild { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notes/2024-01-02-a.md"))
            try site.write("---\ntitle: 学习笔记丙\ndate: 2025-06-07\n---\n\n以文辅政，做好三服务。\n", to: "content/notes/sub/2025-06-07-c.md")
        }
    }

    /// A page links to the speech; the speech's page moves (a slug in its front matter): the
    /// linking pages' bodies, whose own files did not change, must follow.
    @Test func movingALinkedDocumentReachesTheLinksToIt() throws {
        let written = try Self.checkIncrementalBuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "type: \"讲话\"\n", with: "type: \"讲话\"\nslug: moved-speech\n"), to: Self.edited)
        }
        #expect(written.contains("notes/2024-01-02-a.html") && written.contains("notes/2024-03-04-b.html"))
    }

    /// A new document repeats a paragraph of the speech: the speech's file is unchanged, but its
    /// page gains a 类似表述 note under that paragraph.
    @Test func aNewDocumentRepeatingAParagraphReachesTheNotesOfTheOther() throws {
        let speech = try String(contentsOf: RepositoryPaths.content.appendingPathComponent("speeches/county-speech-72e6c0.md"), encoding: .utf8)
        let paragraph = try #require(speech.components(separatedBy: "\n\n").first { $0.hasPrefix("**三是要有服务心**") })
        let written = try Self.checkIncrementalBuild { site in
            try site.write("---\ntitle: 学习笔记丁\ndate: 2025-01-02\n---\n\n\(paragraph)\n", to: "content/notes/2025-01-02-d.md")
        }
        #expect(written.contains("speeches/county-speech-72e6c0.html"))
    }

    /// The warnings of a body are reported by every build, also when its page is carried over.
    @Test func anUnchangedPageReportsItsWarningsAgain() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 甲\n---\n\n正文<b>加粗</b>。\n",
            "content/b.md": "---\ntitle: 乙\n---\n\n[服务器上的通知](/oa/notice.html)\n",
            "content/c.md": "---\ntitle: 丙\n---\n\n正文。\n",
        ])
        defer { site.remove() }
        let first = try site.build().get()
        #expect(first.warnings.count == 2, "\(first.warnings.map(\.description))")
        let second = try site.build().get()
        #expect(second.rendered == 2, "the pages that report, and only they, are rendered again")
        #expect(second.written == 0)
        #expect(second.warnings == first.warnings)
    }

    @Test func aBuildWithoutChangesWritesNothing() throws {
        let written = try Self.checkIncrementalBuild { _ in }
        #expect(written.isEmpty)
    }

    @Test func aFileWhoseTextIsUnchangedIsNotParsedAgain() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        var builder = SiteBuilder(options: site.options)
        builder.memory = ParseMemory()
        _ = try builder.build()
        #expect(builder.memory!.lastReused == 0)
        let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
        try site.write(text + "\n新增的一段。\n", to: Self.edited)
        _ = try builder.build()
        let sources = FileManager.default.enumerator(atPath: site.content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(builder.memory!.lastReused == sources.count - 1)
    }

    /// A parse depends on the document types too (an undeclared type is an error): declaring the
    /// type in site.yml makes the remembered parse of a file that names it stale.
    @Test func rememberedParsesFollowTheDocumentTypes() throws {
        let site = try SiteFixture(files: ["content/a.md": "---\ntitle: 甲\ntype: 座谈纪要\n---\n\n正文。\n"])
        defer { site.remove() }
        var builder = SiteBuilder(options: site.options)
        builder.memory = ParseMemory()
        #expect(throws: BuildFailure.self) { try builder.build() }
        try site.write("types:\n  - name: 座谈纪要\n    slug: minutes\n", to: "content/site.yml")
        let summary = try builder.build()
        #expect(summary.documents == 1)
    }

    @Test func onlyPagesWhoseInputsChangedAreRenderedAgain() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let first = try site.build().get()
        #expect(first.rendered == first.pages)
        #expect(try site.build().get().rendered == 0)
        let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "借此机会，我再提两点希望和要求：", with: "借此机会，我再提两点要求："), to: Self.edited)
        let edited = try site.build().get()
        #expect(edited.rendered > 0 && edited.rendered < edited.pages / 2, "\(edited.rendered) of \(edited.pages)")
    }

    @Test func aTemplateChangeRendersEveryPageAgain() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: RepositoryPaths.theme, to: theme)
        var options = site.options
        options.theme = theme
        _ = try SiteBuilder(options: options).build()
        let list = theme.appendingPathComponent("templates/document-item.mustache")
        try (String(contentsOf: list, encoding: .utf8) + "<!-- 列表项 -->\n").write(to: list, atomically: true, encoding: .utf8)
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.rendered == summary.pages)
        var full = options
        full.output = site.root.appendingPathComponent("full")
        full.cache = nil
        _ = try SiteBuilder(options: full).build()
        let incremental = Self.files(under: options.output), fresh = Self.files(under: full.output)
        #expect(incremental.keys.sorted() == fresh.keys.sorted())
        for (path, file) in fresh where incremental[path]?.bytes != file.bytes { Issue.record("\(path) differs from the full build") }
    }

    @Test func aFileDeletedFromTheOutputIsWrittenAgain() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try site.build().get()
        let page = site.output.appendingPathComponent("index.html")
        let original = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        let summary = try site.build().get()
        #expect(summary.written == 1)
        #expect(try Data(contentsOf: page) == original)
    }

    /// A page rendered from a parse the cache kept reads its Markdown tree from the cache entry
    /// then (the entries' heads are read, their trees only for the pages rendered). A tree whose
    /// bytes no longer match is an error naming the document and the fix, never a page made
    /// from nothing; the output stays as it was.
    @Test func aPageRenderedFromTheCacheReadsItsTreeThen() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try site.build().get()
        let page = site.output.appendingPathComponent("speeches/county-speech-72e6c0.html")
        let original = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        let summary = try site.build().get()
        #expect(summary.rendered == 1)
        #expect(try Data(contentsOf: page) == original)

        // Every entry's first byte after its head (its tree's) flipped: the heads still read, the tree does not.
        try Self.flipOneByteOfEveryEntry(of: site) { bytes in 8 + (try #require(DocumentCodec.headCount(bytes))) }
        try Self.expectFailedRender(of: page, in: site, naming: "content/speeches/county-speech-72e6c0.md")
    }

    /// Flips the byte `place` gives of every parse the site's build cache holds.
    static func flipOneByteOfEveryEntry(of site: SiteFixture, at place: ([UInt8]) throws -> Int) throws {
        let parses = try #require(site.options.cache).appendingPathComponent("parses")
        for name in try FileManager.default.contentsOfDirectory(atPath: parses.path) {
            let url = parses.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[try place(bytes)] ^= 0x01
            try Data(bytes).write(to: url)
        }
    }

    /// Deletes `page` from the output and builds: the build must fail with one error naming the
    /// document at `path` and the fix, and leave the output as it was.
    static func expectFailedRender(of page: URL, in site: SiteFixture, naming path: String) throws {
        try FileManager.default.removeItem(at: page)
        let before = files(under: site.output).mapValues(\.bytes)
        guard case .failure(let failure) = site.build() else {
            Issue.record("the build took a damaged cache entry")
            return
        }
        #expect(failure.diagnostics.map(\.path) == [path])
        #expect(failure.diagnostics.allSatisfy { $0.severity == .error && $0.text.zh.contains("lantai build --clean") })
        #expect(files(under: site.output).mapValues(\.bytes) == before)
    }

    /// The paragraphs' texts of a parse the cache kept stay in its entry until read: damaged in
    /// every entry, a build that quotes none of them (nothing changed; the feed quotes the
    /// summaries) succeeds and changes nothing, while a build that renders a page quoting its
    /// document's passages (its topic shares) fails with an error naming that document and the
    /// fix, and the output stays as it was.
    @Test func paragraphTextsAreReadFromTheCacheOnlyWhereQuoted() throws {
        var files = ["content/site.yml": "title: 文稿库\n"]
        for number in 1...6 {
            files["content/speeches/2024-0\(number)-01-s\(number).md"] = """
                ---
                title: 讲话第\(number)篇
                date: 2024-0\(number)-01
                summary: 第\(number)篇的摘要。
                ---

                第\(number)篇开头：办公室要增强服务意识，做到件件有着落、事事有回音。

                第\(number)篇其次：发挥参谋作用，当好参谋助手。

                """
        }
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        _ = try site.build().get()
        try Self.flipOneByteOfEveryEntry(of: site) { $0.count - 1 }  // the texts' last byte
        let built = Self.files(under: site.output).mapValues(\.bytes)
        let unchanged = try site.build().get()
        #expect(unchanged.written == 0 && unchanged.textsReadFromCache == 0)
        #expect(Self.files(under: site.output).mapValues(\.bytes) == built)

        let page = site.output.appendingPathComponent("speeches/2024-03-01-s3.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("第3篇开头"))
        try Self.expectFailedRender(of: page, in: site, naming: "content/speeches/2024-03-01-s3.md")
    }

    /// The search index is patched over the files it keeps; with some of them deleted from the
    /// output by hand (the text pieces of every document but the edited one, whose old pieces
    /// the patch reads) it cannot be, so it is made again, whole, and the deleted files are back.
    @Test func searchFilesDeletedFromTheOutputAreMadeAgain() throws {
        let deleted = Locked<[String]>([])
        let written = try Self.checkIncrementalBuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent(Self.edited), encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "借此机会，我再提两点希望和要求：", with: "借此机会，我再提三点希望和要求："), to: Self.edited)
            let pieces = site.output.appendingPathComponent("search/text")
            let cache = try #require(site.options.cache)
            let numbers = try #require(BuildCache(folder: cache).readState()?.numbers)
            let edited = try #require(numbers.byPath[String(Self.edited.dropFirst("content/".count))])
            let names = try FileManager.default.contentsOfDirectory(atPath: pieces.path).filter { !$0.hasPrefix("\(edited)-") }
            #expect(names.count > 10)
            for name in names { try FileManager.default.removeItem(at: pieces.appendingPathComponent(name)) }
            deleted.value = names.map { "search/text/" + $0 }
        }
        #expect(!deleted.value.isEmpty && Set(deleted.value).isSubset(of: written))
    }

    @Test func theContentHashSeesEveryChangedByte() {
        var bytes = [UInt8](repeating: 0, count: 100)
        var seen: Set<UInt64> = [ContentHash.of(bytes)]
        for index in bytes.indices {
            bytes[index] = 1
            seen.insert(ContentHash.of(bytes))
            bytes[index] = 0
        }
        for length in 0..<100 { seen.insert(ContentHash.of([UInt8](repeating: 0, count: length))) }
        // 100 zeros, 100 single-byte changes, and 100 shorter runs of zeros (0 to 99 bytes).
        #expect(seen.count == 201)
    }
}

/// A value a `@Sendable`-free test closure sets and the test reads after.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
