import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// A build after an edit updates the last build's related documents and similar passages (its
/// log says so) and writes the site a build from nothing writes: with its parses from the build
/// cache (`lantai build`) or from memory (`lantai serve`).
@Suite struct AnalysisUpdateTests {
    /// A site of `documents` as notes dated in `month` of 2024, built once (with parses
    /// remembered, as `lantai serve` does, when `remembering`); the builder logs into `lines`.
    static func builtSite(_ documents: [[String]], month: Int, remembering: Bool, lines: Lines) throws -> (site: SiteFixture, builder: SiteBuilder) {
        var files: [String: String] = [:]
        for (number, paragraphs) in documents.enumerated() {
            let day = String(format: "2024-%02d-%d", month, 10 + number)
            files["content/notes/\(day)-n\(number).md"] = "---\ntitle: 笔记\(number)\ndate: \(day)\n---\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
        }
        let site = try SiteFixture(files: files)
        var builder = SiteBuilder(options: site.options, log: { lines.append($0) })
        if remembering { builder.memory = ParseMemory() }
        _ = try builder.build()
        return (site, builder)
    }

    @Test(arguments: [false, true])
    func aBuildAfterAnEditUpdatesTheAnalysisAndEqualsAFullBuild(remembering: Bool) throws {
        var generator = SeededGenerator(seed: 31)
        let documents = SimilarPassageStateTests.corpus(&generator, documents: 14)
        let lines = Lines()
        let (site, builder) = try Self.builtSite(documents, month: 2, remembering: remembering, lines: lines)
        defer { site.remove() }
        #expect(!lines.all.joined().contains("(updated)"))
        let before = IncrementalBuildTests.files(under: site.output)
        #expect(before.values.contains { String(decoding: $0.bytes, as: UTF8.self).contains("类似表述") }, "notes of similar passages")

        // New bigrams (rare characters), a paragraph taken out and one copied from another document.
        let edited = "content/notes/2024-02-13-n3.md"
        var paragraphs = documents[3]
        paragraphs.removeLast()
        paragraphs.append("鑫淼犇骉羴，" + documents[5][1])
        paragraphs.append(documents[6].last!)
        try site.write("---\ntitle: 笔记3\ndate: 2024-02-13\n---\n\n" + paragraphs.joined(separator: "\n\n") + "\n", to: edited)
        lines.clear()
        _ = try builder.build()
        let log = lines.all.joined()
        #expect(log.contains("related (updated)") && log.contains("similar (updated)"), "\(log)")
        let after = IncrementalBuildTests.files(under: site.output)
        let full = try IncrementalBuildTests.fullBuild(of: site)
        #expect(Set(after.keys) == Set(full.keys))
        for (path, file) in full { #expect(after[path]?.bytes == file.bytes, "\(path) differs from the full build") }
        #expect(after.contains { path, file in before[path]?.bytes != file.bytes && path.hasPrefix("notes/") && path != "notes/2024-02-13-n3.html" },
                "another document's page changed with the edit")
    }

    /// A removed document's similar passages go by an update of the last build's (its last
    /// parse, from the build cache or from memory, gives its paragraphs' keys as they were), and
    /// the site equals a build from nothing.
    @Test(arguments: [false, true])
    func aBuildAfterARemovalUpdatesTheSimilarPassagesAndEqualsAFullBuild(remembering: Bool) throws {
        var generator = SeededGenerator(seed: 32)
        var documents = SimilarPassageStateTests.corpus(&generator, documents: 14)
        // The document to go shares a paragraph with two others.
        documents[4].append(documents[9][1])
        documents[11].append(documents[9][1])
        let lines = Lines()
        let (site, builder) = try Self.builtSite(documents, month: 3, remembering: remembering, lines: lines)
        defer { site.remove() }
        let page = { (number: Int) in String(decoding: try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("notes/2024-03-\(10 + number)-n\(number).html").path)), as: UTF8.self) }
        #expect(try page(4).contains("n9.html#"), "a note links the paragraph to the document to go")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notes/2024-03-19-n9.md"))
        lines.clear()
        _ = try builder.build()
        let log = lines.all.joined()
        #expect(log.contains("similar (updated)"), "\(log)")
        #expect(try !page(4).contains("n9.html#"))
        let after = IncrementalBuildTests.files(under: site.output)
        let full = try IncrementalBuildTests.fullBuild(of: site)
        #expect(Set(after.keys) == Set(full.keys))
        for (path, file) in full { #expect(after[path]?.bytes == file.bytes, "\(path) differs from the full build") }
    }
}
