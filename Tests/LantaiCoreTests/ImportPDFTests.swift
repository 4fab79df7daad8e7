import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// A speech printed to PDF by Chromium from a page written for this test
/// (Tests/Fixtures/import/print), with Chromium's running header and footer, read back through
/// pdftotext.
@Suite(.serialized) struct ImportPDFTests {
    static let html = RepositoryPaths.fixtures.appendingPathComponent("import/print/emergency-speech.html")

    /// The PDF, printed once per test run.
    static let printed: Result<URL, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pdf = folder.appendingPathComponent("emergency-speech.pdf")
        try ExternalProgram.printToPDF(html, to: pdf)
        return pdf
    }

    static func imported() throws -> (ImportResult, [UInt8]) {
        let bytes = [UInt8](try Data(contentsOf: try printed.get()))
        return (try Importer().importFile(bytes, name: "emergency-speech.pdf").get(), bytes)
    }

    /// pdftotext's plain output, one printed line a line: the reference the import is checked against.
    static func printedLines() throws -> [String] {
        let text = String(decoding: try ExternalProgram.run("/usr/bin/pdftotext", ["-enc", "UTF-8", try printed.get().path, "-"]), as: UTF8.self)
        return text.components(separatedBy: CharacterSet(charactersIn: "\n\u{0C}")).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func oneSpeechWithItsHeadAndNoPageFurniture() throws {
        let (result, _) = try Self.imported()
        #expect(result.encoding == "PDF")
        #expect(result.speeches.count == 1)
        let speech = try #require(result.speeches.first)
        #expect(speech.metadata.title == "在全县应急管理工作会议上的讲话")
        #expect(speech.metadata.date?.description == "2024-03-08")
        #expect(speech.metadata.speaker == "何晓东")
        #expect(speech.metadata.position == "县政府副县长")
        #expect(speech.metadata.level == "县")
        let rules = Set(result.removals.filter { !$0.movedToFrontMatter }.map(\.rule))
        #expect(rules == ["running header or footer", "page number"])
        // Chromium's footer: the page's address and "1/2"; none of it reaches the text.
        #expect(!speech.markdown.contains("file://") && !speech.markdown.contains("1/2"))
        #expect(speech.blocks.filter { if case .heading = $0 { true } else { false } }.count == 3)
    }

    @Test func printedLinesAreJoinedIntoTheirParagraphs() throws {
        let (result, _) = try Self.imported()
        let speech = try #require(result.speeches.first)
        // Every paragraph of the page, as written in the HTML, is one paragraph of the import.
        let page = try String(contentsOf: Self.html, encoding: .utf8)
        let paragraphs = page.components(separatedBy: "<p>").dropFirst().map { $0.components(separatedBy: "</p>")[0] }
        #expect(paragraphs.count == 8)
        for paragraph in paragraphs {
            #expect(speech.markdown.contains("\n\n" + paragraph + "\n"), "\(paragraph.prefix(12))")
        }
        // The heading that wrapped at the right edge is whole again.
        #expect(speech.markdown.contains("\n## 一、充分认识做好应急管理工作的重要意义\n"))
    }

    @Test func nothingRealIsLost() throws {
        let (result, _) = try Self.imported()
        let output = result.speeches.map(\.markdown).joined(separator: "\n")
        let removed = result.removals.filter { !$0.movedToFrontMatter }.map(\.text)
        var checked = 0
        for line in try Self.printedLines() where !removed.contains(line) {
            for run in NoLossInvariant.ideographRuns(line, minimum: 6) {
                checked += 1
                #expect(output.contains(run), "lost: \(run)")
            }
        }
        #expect(checked > 20)
    }

    /// A phrase printed across a line break is found by search once imported.
    @Test func aPhraseAcrossAPrintedLineBreakIsFound() throws {
        let lines = try Self.printedLines()
        // The first pair of printed lines inside a paragraph, both ending in Chinese text.
        let pair = try #require(zip(lines, lines.dropFirst()).first { first, second in
            first.count > 15 && second.count > 15 && !"。！？：；".contains(first.last!) && CJKProbe.isHan(first.last!) && CJKProbe.isHan(second.first!)
        })
        let phrase = String(pair.0.suffix(3)) + String(pair.1.prefix(3))
        #expect(!lines.contains { $0.contains(phrase) }, "the phrase is on no printed line")
        let (result, _) = try Self.imported()
        let speech = try #require(result.speeches.first)
        let site = try SiteFixture(files: ["content/speeches/\(speech.fileName)": speech.markdown])
        defer { site.remove() }
        _ = try site.build().get()
        let engine = try site.searchEngine()
        let found = try engine.search(SearchQuery(text: phrase))
        #expect(found.total == 1, "\(phrase)")
        #expect(found.results.first?.title == "在全县应急管理工作会议上的讲话")
    }

    @Test func aPDFWithoutTextSaysItIsProbablyAScan() throws {
        // A valid one-page PDF that draws nothing.
        let empty = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """
        let outcome = Importer().importFile(Array(empty.utf8), name: "scan.pdf")
        guard case .failure(let diagnostic) = outcome else { Issue.record("a PDF without text was imported"); return }
        #expect(diagnostic.description.hasPrefix("scan.pdf:1:1: error: this PDF has no text"))
    }
}

enum CJKProbe {
    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.isIdeographic }
    }
}
