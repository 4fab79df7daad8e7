import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// A build after a few documents changed patches the previous search index (their text pieces
/// and the shards of the grams they touch) instead of making it again; the output must still be
/// the full build's, byte for byte.
@Suite struct SearchIndexPatchTests {
    /// Dozens of documents cut from the real speeches; each also repeats one sentence often
    /// enough that its grams' lists outgrow their shard and are cut into several chunks, so
    /// patches reach chunked lists as well as inline ones.
    static func makeSite() throws -> SiteFixture {
        var files = try SearchCorpusFixture.files()
        for path in files.keys {
            files[path]! += "\n" + String(repeating: "办公室要增强服务意识。", count: 800) + "\n"
        }
        return try SiteFixture(files: files)
    }

    static func markdownFiles(of site: SiteFixture) -> [String] {
        FileManager.default.enumerator(atPath: site.content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
    }

    /// Builds again after `edit` and checks the output against a full build. Returns the summary.
    @discardableResult
    static func rebuild(_ site: SiteFixture, after edit: () throws -> Void) throws -> BuildSummary {
        try edit()
        let summary = try SiteBuilder(options: site.options).build()
        let incremental = IncrementalBuildTests.files(under: site.output)
        let full = try IncrementalBuildTests.fullBuild(of: site)
        #expect(Set(incremental.keys).symmetricDifference(full.keys).sorted() == [], "files only one of the two builds makes")
        for (path, file) in full where incremental[path]?.bytes != file.bytes {
            Issue.record("\(path) differs from the full build")
        }
        return summary
    }

    @Test func theFixtureHasChunkedListsAndSeveralShards() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let terms = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search/terms").path)
        let state = try #require(BuildCache(folder: site.options.cache!).readState()?.search)
        #expect(state.shardCount >= 8)
        // Pack files `<shard>-<n>.js` hold long lists; a list with a chunk reference `[d,n,1]`
        // has a second chunk in the same pack.
        #expect(terms.contains { $0.contains("-") })
        let shards = terms.filter { !$0.contains("-") }.map { site.page("search/terms/" + $0)! }
        #expect(shards.contains { $0.range(of: #"\[\d+,\d+,1\]"#, options: .regularExpression) != nil })
    }

    /// Seeded random edits, one document at a time: text inserted into a paragraph, a paragraph
    /// deleted, a title changed, the repeated sentence added (lists grow into new chunks), a
    /// paragraph in traditional characters, the whole document emptied to one paragraph, the
    /// speaker alone changed (searchable text outside the body).
    @Test func randomEditsArePatchedIntoTheIndexAsAFullBuildMakesIt() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        var random = SeededGenerator(seed: 7)
        let paths = Self.markdownFiles(of: site)
        for round in 0..<9 {
            let path = "content/" + paths[Int(random.next() % UInt64(paths.count))]
            let url = site.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            var body = parts[1].components(separatedBy: "\n\n")
            let paragraph = 1 + Int(random.next() % UInt64(max(body.count - 1, 1)))
            var frontMatter = parts[0]
            switch round % 7 {
            case 0: body[min(paragraph, body.count - 1)] += "请各单位认真督查落实。"
            case 1: if body.count > 2 { body.remove(at: min(paragraph, body.count - 1)) } else { body.append("新增一段。") }
            case 2: frontMatter = frontMatter.replacingOccurrences(of: "title: ", with: "title: 修订")
            case 3: body.append(String(repeating: "办公室要增强服务意识。", count: 90))
            case 4: body.insert("辦公室要增強服務意識，發揮參謀作用。", at: min(paragraph, body.count))
            case 5: frontMatter += "\nposition: 秘书长"
            default: body = ["", "只剩一段：做好三服务。", ""]
            }
            let summary = try Self.rebuild(site) {
                try site.write(frontMatter + "\n---\n" + body.joined(separator: "\n\n"), to: path)
            }
            #expect(summary.searchPatched, "round \(round): \(path)")
        }
    }

    /// Document numbers stay with their files: adding the newest or the oldest document,
    /// re-dating one and removing one each patch the index, and the index then equals a build
    /// from nothing with the same numbers; sorting by date follows the new dates.
    @Test func addingRemovingAndReDatingDocumentsPatchTheIndex() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let numbersBefore = try #require(BuildCache(folder: site.options.cache!).readState()?.numbers)
        let newest = try Self.rebuild(site) {
            try site.write("---\ntitle: 最新的讲话\ndate: 2030-01-01\n---\n\n增强服务意识。\n", to: "content/speeches/2030-01-01-new.md")
        }
        #expect(newest.searchPatched)
        let numbers = try #require(BuildCache(folder: site.options.cache!).readState()?.numbers)
        #expect(numbers.byPath["speeches/2030-01-01-new.md"] == numbersBefore.count, "the new file takes the next number")
        #expect(numbers.byPath.filter { $0.key != "speeches/2030-01-01-new.md" } == numbersBefore.byPath, "no other number moves")
        let oldest = try Self.rebuild(site) {
            try site.write("---\ntitle: 最早的讲话\ndate: 1990-01-01\n---\n\n做好三服务，发挥参谋作用。\n", to: "content/speeches/1990-01-01-old.md")
        }
        #expect(oldest.searchPatched)
        let redated = try Self.rebuild(site) {
            try site.write("---\ntitle: 最早的讲话\ndate: 2031-06-01\n---\n\n做好三服务，发挥参谋作用。\n", to: "content/speeches/1990-01-01-old.md")
        }
        #expect(redated.searchPatched)
        let engine = SearchEngine(index: try IndexFiles(folder: site.output.appendingPathComponent("search")))
        let byDate = try engine.search(SearchQuery(text: "服务", byDate: true, limit: 2))
        #expect(byDate.results.map(\.title) == ["最早的讲话", "最新的讲话"], "the re-dated document is now the newest")
        let removed = try Self.rebuild(site) {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/speeches/2030-01-01-new.md"))
        }
        #expect(removed.searchPatched)
        let afterRemoval = try #require(BuildCache(folder: site.options.cache!).readState()?.numbers)
        #expect(afterRemoval.holes == 1 && afterRemoval.count == numbersBefore.count + 2)
        // An engine reads the index it opened: open the new one.
        let after = SearchEngine(index: try IndexFiles(folder: site.output.appendingPathComponent("search")))
        #expect(try after.search(SearchQuery(text: "增强服务意识", limit: 100)).results.allSatisfy { $0.title != "最新的讲话" })
    }

    /// Added documents go to the recent segment: each addition leaves every main shard as it was
    /// and writes a few dozen files, the index equals a full build with the same numbers, and the
    /// engine finds exactly what a scan of the indexed text finds. The addition that would put
    /// more than `recentLimit` numbers there folds the segment into the main shards.
    @Test func addedDocumentsGoToTheRecentSegmentUntilItIsFolded() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let firstCount = try #require(BuildCache(folder: site.options.cache!).readState()?.numbers).count
        let search = site.output.appendingPathComponent("search")
        let mainShards = { IncrementalBuildTests.files(under: search.appendingPathComponent("terms")).mapValues(\.bytes) }
        var random = SeededGenerator(seed: 26)
        let sentences = ["办公室要增强服务意识。", "發揮參謀作用，抓好督查落實。", "以文辅政，做好三服务。", "新时代的办公室工作有新要求。"]
        for added in 1...(DocumentNumbers.recentLimit + 1) {
            let shardsBefore = mainShards()
            // Every fourth a long one, whose repeated sentence gives the recent segment chunked lists.
            let body = (0..<(added % 4 == 0 ? 300 : 3)).map { _ in sentences[Int(random.next() % 4)] }.joined()
            let summary = try Self.rebuild(site) {
                try site.write("---\ntitle: 新增的讲话\(added)\ndate: 2030-01-\(String(format: "%02d", added))\n---\n\n第\(added)篇。\(body)\n",
                               to: "content/speeches/2030-new-\(added).md")
            }
            #expect(summary.searchPatched, "addition \(added)")
            let numbers = try #require(BuildCache(folder: site.options.cache!).readState()?.numbers)
            let meta = try IndexFiles(folder: search).meta
            if added <= DocumentNumbers.recentLimit {
                #expect(numbers.recentStart == firstCount && meta.recentStart == firstCount && meta.recentShardCount > 0, "addition \(added)")
                #expect(mainShards() == shardsBefore, "addition \(added) changed no main shard")
                #expect(summary.written < 80, "addition \(added) wrote \(summary.written) files")
            } else {
                #expect(numbers.recentStart == numbers.count && meta.recentStart == meta.idCount && meta.recentShardCount == 0, "folded")
                #expect(!FileManager.default.fileExists(atPath: search.appendingPathComponent("recent").path))
                #expect(mainShards() != shardsBefore)
            }
            try Self.expectBruteForceResults(in: search, alsoFor: ["新增的讲话", "第\(added)篇", "參謀作用"])
        }
    }

    /// For sampled substrings of the indexed text (read back from the index's text pieces), the
    /// engine's results are exactly the document numbers whose text contains every term.
    static func expectBruteForceResults(in folder: URL, alsoFor extra: [String]) throws {
        let index = try IndexFiles(folder: folder)
        var ids: [Int] = []
        var documents: [SearchDocument] = []
        for id in 0..<index.meta.idCount {
            guard (try? index.entry(id)) != nil else { continue }
            let segments = try index.segments(id).map { SearchDocument.Segment(anchor: $0.anchor, start: $0.start, text: $0.text, normalized: SearchNormalizer.normalize($0.text)) }
            ids.append(id)
            documents.append(SearchDocument(segments: segments, length: 0, titleEnd: 0, headingsEnd: 0))
        }
        let engine = SearchEngine(index: index)
        for text in SearchPropertyTests.sampleQueries(from: documents, count: 40) + extra {
            let query = SearchQuery(text: text, limit: 1000)
            let expected = Set(SearchPropertyTests.bruteForce(query, in: documents).map { ids[$0] })
            #expect(Set(try engine.matches(query).keys) == expected, "\(text)")
        }
    }

    /// Text inserted into a paragraph moves no position outside it: the positions of a phrase of
    /// a later paragraph stay where they were (so the patch rewrites only the inserted grams'
    /// lists), and the patched index still equals a full build.
    @Test func anInsertionMovesNoPositionOutsideItsParagraph() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let path = "content/" + Self.markdownFiles(of: site)[5]
        let engineBefore = try IndexFiles(folder: site.output.appendingPathComponent("search"))
        let numbers = try #require(BuildCache(folder: site.options.cache!).readState()?.numbers)
        let id = try #require(numbers.byPath[String(path.dropFirst("content/".count))])
        // 增强服 occurs in the repeated last paragraph, not in the first.
        let before = try #require(try engineBefore.postings(for: "增强服").first { $0.document == id })
        let summary = try Self.rebuild(site) {
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n\n")
            try site.write(parts[0] + "\n---\n\n新增一句开头的话，" + parts[1], to: path)
        }
        #expect(summary.searchPatched)
        let after = try #require(try IndexFiles(folder: site.output.appendingPathComponent("search")).postings(for: "增强服").first { $0.document == id })
        #expect(after.positions == before.positions && after.count == before.count)
    }

    /// Segments start at multiples of a power of two above the longest; a document whose
    /// strides would reach 2³⁰ is packed end to end, one boundary between segments.
    @Test func segmentStartsAreStridedUnlessTooFar() {
        #expect(SearchDocument.starts(ofSegmentsWith: [5, 0, 63]) == [0, 64, 128])
        #expect(SearchDocument.starts(ofSegmentsWith: [64, 3]) == [0, 128])
        let huge = [70_000] + Array(repeating: 1, count: 8_200)
        let starts = SearchDocument.starts(ofSegmentsWith: huge)
        #expect(starts.prefix(3) == [0, 70_001, 70_003] && starts.last == 70_001 + 2 * 8_199)
        let document = SearchDocument(title: "标题", headings: [("h-1", "一、总体要求")], passages: [("p-1", "正文第一段。")])
        #expect(document.titleEnd == 64 && document.headingsEnd == 128 && document.segments.map(\.start) == [0, 64, 128])
        // 标题 2, 一总体要求 5 (、 between ideographs vanishes), 正文第一段 5 (。 goes): each + 1.
        #expect(document.length == 3 + 6 + 6, "the length counts scalars and one boundary a segment, not the strides")
    }

    /// Numbers are kept while holes are few; beyond a quarter of the numbers, every document is
    /// numbered again in date order, as a first build numbers them.
    @Test func numbersAreKeptUntilHolesAreAQuarter() {
        let first = DocumentNumbers.assign((0..<100).map { "d\($0).md" }, previous: nil)
        #expect(first.byPath["d0.md"] == 0 && first.byPath["d99.md"] == 99 && first.count == 100)
        let fewer = DocumentNumbers.assign(["new.md"] + (20..<100).map { "d\($0).md" }, previous: first)
        #expect(fewer.byPath["new.md"] == 100 && fewer.byPath["d20.md"] == 20 && fewer.holes == 20)
        let again = DocumentNumbers.assign(["new.md"] + (30..<100).map { "d\($0).md" }, previous: fewer)
        #expect(again.holes == 0 && again.byPath["new.md"] == 0 && again.byPath["d30.md"] == 1, "30 holes of 101: numbered again")
        #expect(first.recentStart == 100 && again.recentStart == again.count, "numbered from nothing: no recent segment")
    }

    /// New numbers lie in the recent segment until more than `recentLimit` would; then it is
    /// folded into the main one (`recentStart` = `count`) and the next new number starts it again.
    @Test func newNumbersLieInTheRecentSegmentUntilItIsFull() {
        var numbers = DocumentNumbers.assign((0..<50).map { "d\($0).md" }, previous: nil)
        var paths = (0..<50).map { "d\($0).md" }
        for added in 1...DocumentNumbers.recentLimit {
            paths.insert("new\(added).md", at: 0)
            numbers = DocumentNumbers.assign(paths, previous: numbers)
            #expect(numbers.recentStart == 50 && numbers.count == 50 + added)
        }
        // A removal keeps its hole in the segment; an edit (same paths) changes nothing.
        paths.removeAll { $0 == "new3.md" }
        numbers = DocumentNumbers.assign(paths, previous: numbers)
        #expect(numbers.recentStart == 50 && numbers.holes == 1)
        paths.append("one-more.md")
        numbers = DocumentNumbers.assign(paths, previous: numbers)
        #expect(numbers.recentStart == numbers.count && numbers.count == 50 + DocumentNumbers.recentLimit + 1, "folded")
        paths.append("after.md")
        numbers = DocumentNumbers.assign(paths, previous: numbers)
        #expect(numbers.recentStart == numbers.count - 1 && numbers.byPath["after.md"] == numbers.recentStart)
    }

    @Test func aMissingFileOfThePreviousIndexMakesTheBuildIndexEverything() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        // The first text piece of every document is gone, the edited one's among them.
        let text = site.output.appendingPathComponent("search/text")
        for name in try FileManager.default.contentsOfDirectory(atPath: text.path) where name.hasSuffix("-0.js") {
            try FileManager.default.removeItem(at: text.appendingPathComponent(name))
        }
        let path = "content/" + Self.markdownFiles(of: site)[3]
        let summary = try Self.rebuild(site) {
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(text + "\n补充一段。\n", to: path)
        }
        #expect(!summary.searchPatched)
    }

    /// The shard reader gives back what the writer was given, for inline and chunked lists.
    @Test func aShardReadsBackAsItWasWritten() throws {
        var long = PostingListBuilder()
        for document in stride(from: 0, to: 40000, by: 3) { long.add(document, positions: [4, 90, 1500][...]) }
        var short = PostingListBuilder()
        short.add(2, count: 3, tier: 1)
        let quote = DocumentGrams.key(of: "\"\\\u{2028}")!
        let shard = TermShardFile(shard: 5, lists: [(DocumentGrams.key(of: "办")!, short), (quote, short), (DocumentGrams.key(of: "办公室")!, long)])
        #expect(long.chunks.count > SearchIndex.chunksPerPack + 1)
        let files = shard.files()
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.json) })
        let read = try #require(TermShardFile.read(shard: 5, json: files[0].json, pack: { byName["terms/5-\($0)"] }))
        #expect(read.lists.map(\.key) == shard.lists.map(\.key))
        #expect(read.lists.map(\.list.bytes) == shard.lists.map(\.list.bytes))
        // An inline list is written without its first document, so only a long list's come back.
        #expect(read.lists[2].list.chunks.map(\.document) == long.chunks.map(\.document))
        #expect(read.files().map(\.json) == files.map(\.json))
        #expect(TermShardFile.read(shard: 5, json: Array(files[0].json.dropLast()), pack: { byName["terms/5-\($0)"] }) == nil)
    }
}

/// A search index damaged on disk gives wrong answers at worst, never a trap: a posting list
/// naming a document twice, an order file naming one number for every place.
@Suite struct DamagedIndexTests {
    @Test func duplicatesInAListOrTheOrderDoNotTrap() throws {
        let site = try SiteFixture(files: try SearchCorpusFixture.files())
        defer { site.remove() }
        _ = try site.build().get()
        let search = site.output.appendingPathComponent("search")
        let meta = try IndexFiles(folder: search).meta
        // The order file: document 0 in every place.
        var order: [UInt8] = []
        for _ in 0..<meta.documentCount { PostingCode.append(0, to: &order) }
        try Data(SearchAssets.script(name: "order", json: "\"" + String(decoding: order, as: UTF8.self) + "\"")).write(to: search.appendingPathComponent("order.js"))
        // A one-character list with its last document again (delta 0, then count 1 and tier 2 as (1 − 1) × 3 + 2).
        let shardURL = search.appendingPathComponent("terms/0.js")
        let json = try #require(SearchAssets.json(inScript: try Data(contentsOf: shardURL)))
        var shard = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let gram = try #require(shard.keys.sorted().first { $0.unicodeScalars.count == 1 && shard[$0] is String })
        var extra: [UInt8] = []
        for number in [0, 2] { PostingCode.append(number, to: &extra) }
        shard[gram] = (shard[gram] as! String) + String(decoding: extra, as: UTF8.self)
        try Data(SearchAssets.script(name: "terms/0", json: String(decoding: try JSONSerialization.data(withJSONObject: shard), as: UTF8.self)))
            .write(to: shardURL)

        let engine = SearchEngine(index: try IndexFiles(folder: search))
        let found = try engine.search(SearchQuery(text: gram, byDate: true, limit: 1000))
        #expect(found.total > 0)
        #expect(Set(found.results.map(\.id)).count == found.results.count, "each document once")
    }
}
