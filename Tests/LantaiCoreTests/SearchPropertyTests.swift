import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// The search contract checked against brute force: for sampled queries, the engine's result set
/// equals the set of documents whose normalised text contains every term.
@Suite struct SearchPropertyTests {
    /// Builds the fixture site and parses the same content again for the brute-force side.
    static func prepare() throws -> (SiteFixture, [SearchDocument], SearchEngine) {
        let (site, corpus, engine) = try prepareCorpus()
        return (site, corpus.documents.map(SearchDocument.init), engine)
    }

    /// The same, with the parsed documents (their front matter) rather than their search text.
    static func prepareCorpus() throws -> (SiteFixture, Corpus, SearchEngine) {
        let site = try SiteFixture(files: try SearchCorpusFixture.files())
        _ = try site.build().get()
        let tree = try ContentLoader(contentDirectory: site.content, displayPrefix: "content").load()
        let parser = DocumentParser(catalog: tree.catalog)
        let (corpus, _) = Corpus.analyze(tree.sources.compactMap { parser.parse($0).0 }, config: tree.config, catalog: tree.catalog)
        return (site, corpus, try site.searchEngine())
    }

    static func bruteForce(_ query: SearchQuery, in documents: [SearchDocument]) -> Set<Int> {
        let terms = query.terms
        guard !terms.isEmpty else { return [] }
        return Set(documents.indices.filter { id in
            terms.allSatisfy { term in documents[id].segments.contains { $0.normalized.contains(term) } }
        })
    }

    /// Simplified → one traditional form, from the folding table read backwards.
    static let simplifiedToTraditional: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (traditional, simplified) in SearchNormalizer.foldingTable where table[simplified] == nil || traditional < table[simplified]! {
            table[simplified] = traditional
        }
        return table
    }()

    static func sampleQueries(from documents: [SearchDocument], count: Int) -> [String] {
        var random = SeededGenerator(seed: 20261122)
        var queries: [String] = []
        while queries.count < count {
            let document = documents[Int.random(in: 0..<documents.count, using: &random)]
            let segment = document.segments[Int.random(in: 0..<document.segments.count, using: &random)]
            let scalars = Array(segment.text.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            let length = Int.random(in: 1...8, using: &random)
            let start = Int.random(in: 0..<scalars.count, using: &random)
            var piece = Array(scalars[start..<min(scalars.count, start + length)])
            switch queries.count % 4 {
            case 1: piece = piece.map { simplifiedToTraditional[$0] ?? $0 }
            case 2 where piece.count > 1: piece.insert(Bool.random(using: &random) ? "，" : ",", at: piece.count / 2)
            case 3:
                // Two random ideographs of the corpus: mostly absent, sometimes present.
                let all = documents.flatMap { $0.segments.flatMap { Array($0.normalized.unicodeScalars).filter(CJK.isIdeograph) } }
                piece = [all[Int.random(in: 0..<all.count, using: &random)], all[Int.random(in: 0..<all.count, using: &random)]]
            default: break
            }
            queries.append(String(String.UnicodeScalarView(piece)))
        }
        return queries
    }

    @Test func resultSetsEqualABruteForceScan() throws {
        let (site, documents, engine) = try Self.prepare()
        defer { site.remove() }
        #expect(documents.count >= 20)
        var nonEmpty = 0
        var absent = 0
        for text in Self.sampleQueries(from: documents, count: 400) {
            let query = SearchQuery(text: text)
            let expected = Self.bruteForce(query, in: documents)
            let found = Set(try engine.matches(query).keys)
            #expect(found == expected, "query \(text): engine \(found.sorted()) brute force \(expected.sorted())")
            if expected.isEmpty { absent += 1 } else { nonEmpty += 1 }
        }
        // The sample exercises both sides of the contract.
        #expect(nonEmpty > 250 && absent > 10, "non-empty \(nonEmpty), absent \(absent)")
    }

    @Test func termsAreAndedAndFiltersNarrow() throws {
        let (site, documents, engine) = try Self.prepare()
        defer { site.remove() }
        for text in ["办公室 服务", "服務 督查", "同志们 有心"] {
            let query = SearchQuery(text: text)
            #expect(Set(try engine.matches(query).keys) == Self.bruteForce(query, in: documents), "\(text)")
        }
        let all = try engine.search(SearchQuery(text: "办公室", limit: 1000))
        let filtered = try engine.search(SearchQuery(text: "办公室", topic: "督查", limit: 1000))
        #expect(filtered.total > 0 && filtered.total < all.total)
        // The filter reads stats/; each result's entry (docs/) lists its topics independently.
        #expect(filtered.results.allSatisfy { $0.topics.contains("supervision") })
        let unfiltered = all.results.filter { $0.topics.contains("supervision") }.count
        #expect(filtered.total == unfiltered, "every supervision document with 办公室 is kept")
        // The year comes from facets/, read only for a filter: it keeps exactly that year's results.
        #expect(all.total == all.results.count, "the fixture's results fit in one page of 1000")
        let year = String(try #require(all.results.compactMap(\.date).first).prefix(4))
        let byYear = try engine.search(SearchQuery(text: "办公室", year: year, limit: 1000))
        #expect(byYear.total > 0 && byYear.total < all.total)
        #expect(byYear.total == all.results.filter { $0.date?.hasPrefix(year) == true }.count)
    }

    /// Pages, newest-first order and year ranges, against the full ranked list and the
    /// documents' own dates (from each result's entry, read apart from the filter's facets).
    @Test func pagesDateOrderAndYearRangesAreSlicesOfTheExactSet() throws {
        let (site, documents, engine) = try Self.prepare()
        defer { site.remove() }
        var checked = 0
        for text in Self.sampleQueries(from: documents, count: 400) {
            let everything = try engine.search(SearchQuery(text: text, limit: 10_000))
            guard everything.total > 12 else { continue }
            checked += 1
            #expect(Set(everything.results.map(\.id)) == Self.bruteForce(SearchQuery(text: text), in: documents))
            // Page 2 holds results 11–20 of the ranked list, page 1 results 1–10.
            let second = try engine.search(SearchQuery(text: text, offset: 10, limit: 10))
            #expect(second.total == everything.total)
            #expect(second.results.map(\.id) == Array(everything.results.dropFirst(10).prefix(10)).map(\.id), "\(text)")
            // Newest first: dates never increase down the list; undated documents come last.
            let byDate = try engine.search(SearchQuery(text: text, byDate: true, limit: 10_000))
            #expect(Set(byDate.results.map(\.id)) == Set(everything.results.map(\.id)))
            let dates = byDate.results.map { $0.date ?? "" }
            #expect(zip(dates, dates.dropFirst()).allSatisfy { earlier, later in later.isEmpty || (!earlier.isEmpty && earlier >= later) }, "\(text): \(dates)")
            // A year range keeps exactly the results dated inside it.
            let years = Set(everything.results.compactMap { $0.date.flatMap { Int($0.prefix(4)) } }).sorted()
            guard let low = years.first, let high = years.last, high > low else { continue }
            let middle = (low + high) / 2
            let ranged = try engine.search(SearchQuery(text: text, fromYear: low, toYear: middle, limit: 10_000))
            let expected = everything.results.filter { result in result.date.flatMap { Int($0.prefix(4)) }.map { $0 >= low && $0 <= middle } ?? false }
            #expect(Set(ranged.results.map(\.id)) == Set(expected.map(\.id)), "\(text) \(low)–\(middle)")
        }
        #expect(checked >= 20, "\(checked) queries with more than a page of results")
    }

    /// Speaker and organisation filters keep exactly the brute-force set of documents with the
    /// text and that front-matter value, alone, together and with a year range.
    @Test func taxonomyFiltersEqualTheBruteForceSet() throws {
        let (site, corpus, engine) = try Self.prepareCorpus()
        defer { site.remove() }
        let documents = corpus.documents.map(SearchDocument.init)
        let speakers = Set(corpus.documents.compactMap(\.speaker)).sorted()
        let organizations = Set(corpus.documents.compactMap(\.organization)).sorted()
        #expect(speakers.count >= 3 && organizations.count >= 2)
        var checked = 0
        for (index, text) in Self.sampleQueries(from: documents, count: 120).enumerated() {
            let found = Self.bruteForce(SearchQuery(text: text), in: documents)
            let speaker = speakers[index % speakers.count]
            let organization = organizations[index % organizations.count]
            let bySpeaker = try engine.search(SearchQuery(text: text, taxonomies: ["speaker": speaker], limit: 10_000))
            let expectedBySpeaker = found.filter { corpus.documents[$0].speaker == speaker }
            #expect(Set(bySpeaker.results.map(\.id)) == expectedBySpeaker && bySpeaker.total == expectedBySpeaker.count, "\(text) \(speaker)")
            let both = try engine.search(SearchQuery(text: text, fromYear: 2016, toYear: 2018,
                                                     taxonomies: ["speaker": speaker, "org": organization], limit: 10_000))
            let expectedBoth = expectedBySpeaker.filter { id in
                corpus.documents[id].organization == organization && corpus.documents[id].date.map { (2016...2018).contains($0.year) } == true
            }
            #expect(Set(both.results.map(\.id)) == expectedBoth, "\(text) \(speaker) \(organization)")
            if !expectedBySpeaker.isEmpty && expectedBySpeaker.count < found.count { checked += 1 }
        }
        #expect(checked >= 30, "\(checked) queries where the speaker filter keeps some but not all")
        // A name the index does not hold finds nothing, and the terminal is told which exist.
        #expect(try engine.search(SearchQuery(text: "办公室", taxonomies: ["speaker": "无此人"])).total == 0)
        #expect(engine.unknownFilter(in: SearchQuery(text: "办公室", taxonomies: ["speaker": "无此人"]))?.zh.hasPrefix("没有“无此人”这个讲话人") == true)
        #expect(engine.unknownFilter(in: SearchQuery(text: "办公室", taxonomies: ["venue": "礼堂"]))?.zh
            == "门户没有按 --venue 分类：在 site.yml 的 taxonomies 里加上 venue，或改用 --speaker、--org")
    }

    @Test func resultsCarrySnippetsWithTheHitHighlighted() throws {
        let (site, _, engine) = try Self.prepare()
        defer { site.remove() }
        let results = try engine.search(SearchQuery(text: "辦公室", limit: 5))
        #expect(results.results.count == 5)
        for result in results.results {
            let snippet = try #require(result.snippets.first)
            let scalars = Array(snippet.text.unicodeScalars)
            let range = try #require(snippet.highlights.first)
            // The hit is marked in the text as written (辦公室 in a traditional speech).
            #expect(SearchNormalizer.normalize(String(String.UnicodeScalarView(scalars[range[0]..<range[1]]))) == "办公室")
            #expect(snippet.url.hasPrefix(result.url.split(separator: "#").first.map(String.init) ?? ""))
        }
        // Ranked: scores never increase down the list.
        #expect(zip(results.results, results.results.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}
