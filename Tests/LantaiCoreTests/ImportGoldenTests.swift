import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// The five real speeches (Tests/Fixtures/raw, copies of ../shared/corpus/raw), imported with the default rules. The committed
/// `content/speeches/` files are the golden output: they were read and checked by hand, and an
/// import must reproduce them byte for byte.
@Suite struct ImportGoldenTests {
    static func rawFiles() throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: SearchCorpusFixture.rawFolder.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            (name, [UInt8](try Data(contentsOf: SearchCorpusFixture.rawFolder.appendingPathComponent(name))))
        }
    }

    static func importAll() throws -> [ImportResult] {
        try rawFiles().map { file in try Importer().importFile(file.bytes, name: file.name).get() }
    }

    @Test func theRawFilesGiveTheCommittedSpeeches() throws {
        let results = try Self.importAll()
        #expect(results.count == 5)
        let speeches = results.flatMap(\.speeches)
        #expect(speeches.count == 6, "one file holds two speeches")
        let folder = RepositoryPaths.content.appendingPathComponent("speeches")
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(committed == speeches.map(\.fileName).sorted())
        for speech in speeches {
            let golden = try String(contentsOf: folder.appendingPathComponent(speech.fileName), encoding: .utf8)
            #expect(speech.markdown == golden, "\(speech.fileName) differs from the import")
        }
    }

    @Test func nothingRealIsLost() throws {
        for (file, result) in zip(try Self.rawFiles(), try Self.importAll()) {
            let source = String(decoding: file.bytes, as: UTF8.self)
            let output = result.speeches.map(\.markdown).joined(separator: "\n")
            let (failures, checked) = NoLossInvariant.check(source: source, removals: result.removals, output: output)
            #expect(failures == [], "\(file.name)")
            #expect(checked > 10, "\(file.name): only \(checked) runs checked")
        }
    }

    @Test func noJunkSurvives() throws {
        // Three or more isolated tokens of one or two ASCII characters in a row.
        let junk = try NSRegularExpression(pattern: "(?:^|\\s)[\\x21-\\x7e]{1,2}(?:\\s+[\\x21-\\x7e]{1,2}){2,}(?:\\s|$)", options: [.anchorsMatchLines])
        for speech in try Self.importAll().flatMap(\.speeches) {
            let body = speech.markdown.components(separatedBy: "\n---\n").dropFirst().joined()
            let match = junk.firstMatch(in: body, range: NSRange(body.startIndex..., in: body))
            #expect(match == nil, "\(speech.fileName): \(match.flatMap { Range($0.range, in: body) }.map { String(body[$0]) } ?? "")")
            #expect(!body.contains("本帖隐藏") && !body.contains("您可能感兴趣") && !body.contains("因篇幅问题"), "\(speech.fileName)")
        }
    }

    @Test func theImportedSpeechesBuildIntoThePortal() throws {
        var files: [String: String] = [:]
        for speech in try Self.importAll().flatMap(\.speeches) { files["content/speeches/\(speech.fileName)"] = speech.markdown }
        let fixture = try SiteFixture(files: files)
        defer { fixture.remove() }
        let summary = try fixture.build().get()
        #expect(summary.documents == 6)
        let page = try #require(fixture.page("speeches/county-speech-72e6c0.html"))
        #expect(page.contains("<h2 id=\"sec-1\">一、办公室工作要“有心”<a class=\"anchor\""))
        #expect(page.contains("<strong>一是要有忠诚心</strong>。办公室工作"))
    }
}
