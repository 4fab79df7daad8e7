import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// A Word file made by python-docx (Tests/support/make_docx.py) as Word users' files are made,
/// read back and checked against Python's zipfile and ElementTree (Tests/support/docx_text.py).
@Suite(.serialized) struct ImportDocxTests {
    static let made: Result<URL, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-docx-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("office-meeting.docx")
        try ExternalProgram.run("/usr/bin/env", ["python3", RepositoryPaths.root.appendingPathComponent("Tests/support/make_docx.py").path, file.path])
        return file
    }

    static func imported() throws -> ImportResult {
        try Importer().importFile([UInt8](try Data(contentsOf: try made.get())), name: "office-meeting.docx").get()
    }

    @Test func headingsListsTableLeadsAndFootnoteKeepTheirShape() throws {
        let result = try Self.imported()
        #expect(result.encoding == "Word (.docx)")
        #expect(result.speeches.count == 1)
        let speech = try #require(result.speeches.first)
        #expect(speech.metadata.title == "在全县党政办公室主任会议上的讲话")
        #expect(speech.metadata.speaker == "郑伟" && speech.metadata.position == "县委办公室主任")
        #expect(speech.metadata.date?.description == "2023-11-02")
        #expect(speech.blocks.contains(.heading(level: 2, text: "一、提高以文辅政水平")))
        #expect(speech.blocks.contains(.heading(level: 3, text: "（一）文稿起草的基本要求")))
        #expect(speech.blocks.contains(.paragraph(lead: "一是吃透上情。", text: "及时学习领会上级精神，把上级要求和本地实际结合起来，使文稿既有高度又接地气。")))
        #expect(speech.blocks.contains(.list(items: ["观点鲜明，主题突出", "结构严谨，层次清楚", "语言精炼，文风朴实"], ordered: true)))
        #expect(speech.blocks.contains(.list(items: ["坚持问题导向", "坚持结果导向", "坚持群众评价"], ordered: false)))
        #expect(speech.blocks.contains(.table(rows: [["单位", "交办事项", "办结事项"], ["县委办公室", "24", "23"], ["县政府办公室", "31", "30"]])))
        #expect(speech.blocks.contains(.footnote(label: "1", text: "据县委办公室统计，全年编发信息专报一百零六期。")))
        #expect(speech.markdown.contains("做了大量工作[^1]，成效明显。"))
    }

    /// The Markdown, read by hand (Tests/Fixtures/import/expected/office-meeting.docx.md); the
    /// checksum line differs with each file python-docx writes, so it is left out.
    @Test func theMarkdownIsTheGolden() throws {
        let speech = try #require(try Self.imported().speeches.first)
        let golden = try String(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("import/expected/office-meeting.docx.md"), encoding: .utf8)
        let withoutChecksum = speech.markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("checksum: ") }.joined(separator: "\n")
        #expect(withoutChecksum == golden)
    }

    @Test func nothingRealIsLost() throws {
        let result = try Self.imported()
        let reference = String(decoding: try ExternalProgram.run("/usr/bin/env", ["python3", RepositoryPaths.root.appendingPathComponent("Tests/support/docx_text.py").path, try Self.made.get().path]), as: UTF8.self)
        let (failures, checked) = NoLossInvariant.check(text: reference, removals: result.removals, output: result.speeches.map(\.markdown).joined(separator: "\n"))
        #expect(failures == [])
        #expect(checked >= 10)
    }

    @Test func theImportBuildsWithItsFootnote() throws {
        let speech = try #require(try Self.imported().speeches.first)
        let site = try SiteFixture(files: ["content/speeches/\(speech.fileName)": speech.markdown])
        defer { site.remove() }
        #expect(try site.build().get().warnings.count == 0)
        let page = try #require(site.page("speeches/\(speech.fileName.dropLast(3)).html"))
        #expect(page.contains("id=\"fn-1\""))
        #expect(page.contains("<td>县政府办公室</td>"))
    }

    @Test func aDamagedWordFileIsRefusedWithWhatToDo() {
        let outcome = Importer().importFile(Array("PK\u{03}\u{04}not really a zip".utf8), name: "broken.docx")
        guard case .failure(let diagnostic) = outcome else { Issue.record("a damaged .docx was imported"); return }
        #expect(diagnostic.description.hasPrefix("broken.docx:1:1: error: not a Word file that can be opened"))
    }
}
