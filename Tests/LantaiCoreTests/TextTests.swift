@testable import LantaiCore
import LantaiTestSupport
import Testing

@Suite struct SlugTests {
    @Test func asciiNamesAreLowerCasedAndHyphenated() {
        #expect(Slug.make("2023-05-12-County Office") == "2023-05-12-county-office")
        #expect(Slug.make("How_to--use") == "how_to-use")
    }

    @Test func chineseNamesKeepTheirASCIIPartAndGetAHash() {
        let speech = Slug.make("2023-05-12-在全县办公室工作会议上的讲话")
        let other = Slug.make("2023-05-12-在全市督查工作会议上的讲话")
        #expect(speech.hasPrefix("2023-05-12-"))
        #expect(speech.count == "2023-05-12-".count + 6)
        #expect(Slug.isValid(speech))
        #expect(speech != other)
        #expect(Slug.make("2023-05-12-在全县办公室工作会议上的讲话") == speech)
        let onlyChinese = Slug.make("讲话")
        #expect(onlyChinese.hasPrefix("x-") && Slug.isValid(onlyChinese))
    }

    @Test func stableHashFollowsTheFNV1aTestVectors() {
        // Published FNV-1a 64-bit vectors: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c.
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.hex("a") == "af63dc")
    }
}

@Suite struct DocumentDateTests {
    @Test func acceptsTheWaysDatesAreWritten() {
        for text in ["2023-05-12", "2023/5/12", "2023.05.12", "2023年5月12日", "2023-05-12 09:30", "2023-05-12T09:30:00+08:00"] {
            #expect(DocumentDate(parsing: text)?.description == "2023-05-12", "\(text)")
        }
        #expect(DocumentDate(parsing: "2024-02-29")?.chinese == "2024年2月29日")
    }

    @Test func rejectsWhatIsNotADate() {
        for text in ["2023-13-01", "2023-02-29", "2023-04-31", "昨天", "2023-05-12abc", "2023-05", "12-05-2023", "2023-5/12",
                     "2023-66666666666666666666666603-05", "99999999999999999999999-01-01"] {
            #expect(DocumentDate(parsing: text) == nil, "\(text)")
        }
    }

    @Test func readsAFileNamePrefix() {
        #expect(DocumentDate(fileNamePrefix: "2021-03-04-plain")?.description == "2021-03-04")
        #expect(DocumentDate(fileNamePrefix: "2021-03-045") == nil)
        #expect(DocumentDate(fileNamePrefix: "notes") == nil)
    }
}

@Suite struct SitePathTests {
    @Test func relativeURLsBetweenPages() {
        #expect(SitePath.relative(from: "index.html", to: "topics/service.html") == "topics/service.html")
        #expect(SitePath.relative(from: "topics/service.html", to: "index.html") == "../index.html")
        #expect(SitePath.relative(from: "speeches/a.html", to: "speeches/b.html") == "b.html")
        #expect(SitePath.relative(from: "a/b/c.html", to: "a/d/e.html") == "../d/e.html")
        #expect(SitePath.rootPrefix(of: "a/b/c.html") == "../../")
    }

    /// The byte walk gives what splitting both paths into components gives, on random paths
    /// over a few names (so folders often agree) with empty components now and then.
    @Test func relativeURLsAgreeWithTheComponentWay() {
        var generator = SeededGenerator(seed: 7)
        let names = ["a", "b", "ab", "专题", "2021", "index.html", "a.html", ""]
        func path() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in names.randomElement(using: &generator)! }.joined(separator: "/")
        }
        for _ in 0..<5000 {
            let from = path(), to = path()
            #expect(SitePath.relative(from: from, to: to) == SitePath.relativeByComponents(from: from, to: to), "\(from) → \(to)")
        }
    }

    @Test func resolvingNeverLeavesTheRoot() {
        #expect(SitePath.resolve("../guidance/x.md", inDirectoryOf: "speeches/a.md") == "guidance/x.md")
        #expect(SitePath.resolve("./img/a.png", inDirectoryOf: "speeches/a.md") == "speeches/img/a.png")
        #expect(SitePath.resolve("../../etc/passwd", inDirectoryOf: "speeches/a.md") == nil)
    }
}

@Suite struct ExcerptTests {
    /// Counting scalars where every one is a whole character gives what counting `Character`s
    /// gives: random texts around the 80-character edge, with combining marks, CR LF, emoji with
    /// joiners and tone marks mixed into ideographs and punctuation.
    @Test func scalarCountingAgreesWithCharacters() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["办", "公", "室", "，", "。", "a", " ", "“", "”", "—", "e\u{301}", "\r\n", "👩\u{200D}💻", "〇\u{302A}", "𠀀", "１"]
        let lone = ["办", "公", "室", "，", "。", "a", " ", "“", "”", "—", "１"]
        for round in 0..<3000 {
            // Every other text of lone scalars only (the quick way), now and then with one joiner late.
            var text = (0..<Int.random(in: 60...100, using: &generator))
                .map { _ in (round.isMultiple(of: 2) ? lone : pieces).randomElement(using: &generator)! }.joined()
            if round % 4 == 0 { text.insert(contentsOf: "\u{301}", at: text.index(text.startIndex, offsetBy: min(text.count, 79 + round % 3))) }
            let byCharacters = text.count <= 80 ? text : String(text.prefix(80)) + "…"
            #expect(PagePlanner.excerpt(text) == byCharacters, "\(text)")
        }
    }
}

@Suite struct HTMLEscapeTests {
    /// The five characters become entities and nothing else changes, against a chain of
    /// replacements (`&` first), on random texts with and without them.
    @Test func escapesTheFiveCharactersAndKeepsTheRest() {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["服务", "意识", "a", " ", "&", "<", ">", "\"", "'", "&amp;", "𠮷", "e\u{301}", "\n"]
        for round in 0..<2000 {
            let pool = round.isMultiple(of: 2) ? pieces.filter { !"&<>\"'".contains($0) } : pieces
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            let expected = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
            #expect(HTMLEscape.text(text) == expected, "\(text)")
        }
    }
}
