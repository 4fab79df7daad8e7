import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

@Suite struct JunkStripperTests {
    let stripper = JunkStripper(minimumTokens: 3)

    @Test func runsGluedToTheEndsOfALineGoButTheTextStays() {
        #expect(stripper.strip("在全县办公室工作会议上的讲话& P6 q& O( s* o7 L").kept == "在全县办公室工作会议上的讲话")
        #expect(stripper.strip("3 D9 X1 o\" X* s% B4 t1 D. I全县办公室会议").kept == "全县办公室会议")
        // Only the one glued character goes: the parenthesis of (一) stays.
        #expect(stripper.strip("\" _ r# A/ Y$ ^, C(一)要善于谋势。").kept == "(一)要善于谋势。")
        // Real punctuation before glued junk stays.
        #expect(stripper.strip("重点要突出三个方面的工作:& H6 o& h7 x5").kept == "重点要突出三个方面的工作:")
    }

    @Test func aLineOfJunkBecomesEmptyAndTheCutIsReportedWhere() {
        let (kept, cuts) = stripper.strip("4 T7 \\; z3 E- |\" L")
        #expect(kept == "")
        #expect(cuts == [JunkStripper.Cut(offset: 0, text: "4 T7 \\; z3 E- |\" L")])
        let glued = stripper.strip("发展。3 D% ]5 b; d/")
        #expect(glued.kept == "发展。")
        #expect(glued.cuts.map(\.offset) == [3])
    }

    @Test func realASCIIStays() {
        for line in ["推进5G App建设，GDP增长", "“Made in China 2025”", "第 1 2 期", "A B", "20xx-20xx年度财务收支", "1,000 人"] {
            #expect(stripper.strip(line).kept == line, "\(line)")
        }
    }

    @Test func bothEndsOfOneWordCanBeGlued() {
        #expect(stripper.strip("a1 b2 C(一)要善于谋势。3 D% ]5 b;").kept == "(一)要善于谋势。")
    }
}

@Suite struct PunctuationFixerTests {
    @Test func halfWidthPunctuationNextToChineseBecomesFullWidth() {
        #expect(PunctuationFixer.fix("同志们:") == "同志们：")
        #expect(PunctuationFixer.fix("今天,召开会议;很好!对吗?") == "今天，召开会议；很好！对吗？")
        #expect(PunctuationFixer.fix("(一)要善于谋势") == "（一）要善于谋势")
        #expect(PunctuationFixer.fix("考评谈话材料(20组)") == "考评谈话材料（20组）")
    }

    @Test func betweenASCIIItStays() {
        for line in ["1,000", "GDP:5%", "f(x)", "App,Web"] {
            #expect(PunctuationFixer.fix(line) == line)
        }
    }
}

@Suite struct LineCleanerTests {
    let cleaner = LineCleaner(rules: .defaults())

    @Test func siteNoticesAndBoxesOfLinksGoWithTheirItems() {
        let text = "正文第一段。\n本帖隐藏的内容\n正文第二段。\n您可能感兴趣的文稿\n- 10-12乡镇典型事迹材料\n- 10-12以明确的权责为基层减负\n阅读排行\n推荐文稿\n- 02-06党委书记参加培训班\n"
        let (lines, removals) = cleaner.clean(text)
        #expect(lines.map(\.text) == ["正文第一段。", "正文第二段。"])
        #expect(lines.map(\.number) == [1, 3])
        #expect(removals.map(\.line) == [2, 4, 5, 6, 7, 8, 9])
        #expect(removals.allSatisfy { $0.wholeLine })
    }

    @Test func aListOutsideABoxOfLinksStays() {
        let (lines, _) = cleaner.clean("要点如下：\n- 10-12前完成自查\n")
        #expect(lines.map(\.text) == ["要点如下：", "- 10-12前完成自查"])
    }

    @Test func traditionalNoticesAreRecognisedThroughFolding() {
        let (lines, removals) = cleaner.clean("本帖隱藏的內容\n辦公室工作。\n")
        #expect(lines.map(\.text) == ["辦公室工作。"])
        #expect(removals.first?.rule == "hidden-content notice")
    }

    @Test func fragmentsAreCutWithTheirColumn() {
        let (lines, removals) = cleaner.clean("　　努力把办公室工作提高到一个新的水平! |\n")
        #expect(lines.map(\.text) == ["努力把办公室工作提高到一个新的水平!"])
        #expect(removals == [Removal(line: 1, column: 21, text: " |", rule: "table border", wholeLine: false)])
    }

    @Test func aMaintainerCanAddRules() {
        var rules = ImportRules.defaults()
        let problems = rules.add(yaml: "drop_lines:\n  - name: 转载说明\n    pattern: '^本文转载自'\n", path: "content/import.yml")
        #expect(problems.isEmpty)
        let (lines, removals) = LineCleaner(rules: rules).clean("正文。\n本文转载自 某某网站\n")
        #expect(lines.map(\.text) == ["正文。"])
        #expect(removals.first?.rule == "转载说明")
    }

    @Test func aBadRuleFileNamesTheLine() {
        var rules = ImportRules.defaults()
        let problems = rules.add(yaml: "drop_lines:\n  - name: broken\n    pattern: '([unclosed'\n", path: "content/import.yml")
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("content/import.yml:3:14: error: invalid pattern") == true)
    }
}

@Suite struct SpeechStructureTests {
    @Test func partsSectionsAndPointsBecomeHeadings() {
        let blocks = SpeechStructure.blocks(["一、办公室工作要“有心”", "（一）要善于谋势", "第一，关于加强学习问题", "1、重视信息工作", "同志们："])
        #expect(blocks == [
            .heading(level: 2, text: "一、办公室工作要“有心”"),
            .heading(level: 3, text: "（一）要善于谋势"),
            .heading(level: 2, text: "第一，关于加强学习问题"),
            .heading(level: 4, text: "1、重视信息工作"),
            .paragraph(lead: nil, text: "同志们："),
        ])
    }

    @Test func aHeadingThatGoesOnIsSplitFromItsParagraph() {
        let blocks = SpeechStructure.blocks(["（一）要善于谋势。“善弈者谋势”。在当前区域经济竞相发展这场博弈中，只有善于审时度势。"])
        #expect(blocks == [.heading(level: 3, text: "（一）要善于谋势"),
                           .paragraph(lead: nil, text: "“善弈者谋势”。在当前区域经济竞相发展这场博弈中，只有善于审时度势。")])
    }

    @Test func numberedLeadSentencesStayParagraphsWithTheLeadMarked() {
        let blocks = SpeechStructure.blocks([
            "1、重视信息工作，服务领导决策。信息是决策的基础和重要依据。",
            "一是要有忠诚心。办公室工作政治性很强。",
            "一 是参谋作用。就是要大胆地参政议政。",
            "三个服务：一是 为领导服务，积极主动。",
        ])
        #expect(blocks == [
            .paragraph(lead: "1、重视信息工作，服务领导决策。", text: "信息是决策的基础和重要依据。"),
            .paragraph(lead: "一是要有忠诚心。", text: "办公室工作政治性很强。"),
            .paragraph(lead: "一是参谋作用。", text: "就是要大胆地参政议政。"),
            .paragraph(lead: "三个服务：", text: "一是为领导服务，积极主动。"),
        ])
    }

    @Test func traditionalTextFollowsTheSameConventions() {
        let blocks = SpeechStructure.blocks(["第二，關於最佳化服務問題", "兩個任務：參與政務、管理事務。"])
        #expect(blocks == [.heading(level: 2, text: "第二，關於最佳化服務問題"),
                           .paragraph(lead: "兩個任務：", text: "參與政務、管理事務。")])
    }
}

@Suite struct ImporterTests {
    let importer = Importer()

    func speeches(_ text: String) throws -> [ImportedSpeech] {
        try importer.importFile(Array(text.utf8), name: "raw/x.txt").get().speeches
    }

    @Test func aFileWithTwoSpeechesIsSplitAtTheSecondTitle() throws {
        let parts = try speeches("【发言稿】四\n同志们:\n今天开会。\n一、加强学习\n学习很重要。\n【发言稿】五\n同志们:\n平时大家很忙。\n")
        #expect(parts.map(\.metadata.title) == ["【发言稿】四", "【发言稿】五"])
        #expect(parts.map(\.sourceLines) == [1...5, 6...8])
    }

    @Test func aShortLineWithoutASalutationAfterItDoesNotSplit() throws {
        let parts = try speeches("在全县会议上的讲话\n同志们:\n今天开会。\n小结\n大家辛苦了。\n")
        #expect(parts.count == 1)
    }

    @Test func metadataComesFromTheTitleAndText() throws {
        let speech = try #require(try speeches("县政府办主任在全县政办系统工作座谈会上的讲话\n同志们：\n全县各级办公室要加强学习。\n2023年5月12日\n").first)
        #expect(speech.metadata.type == "讲话")
        #expect(speech.metadata.level == "县")
        #expect(speech.metadata.speaker == nil, "a position is no name")
        #expect(speech.metadata.position == "县政府办主任")
        #expect(speech.metadata.venue == "全县政办系统工作座谈会")
        #expect(speech.metadata.date?.description == "2023-05-12")
        #expect(speech.fileName == "2023-05-12-county-speech-\(StableHash.hex(speech.metadata.title)).md")
        #expect(speech.markdown.contains("\ndate: 2023-05-12\n"))
        #expect(!speech.markdown.contains("review:"))
    }

    @Test func aSpeechWithoutATitleGetsOneToReview() throws {
        let speech = try #require(try speeches("市委办公室作为服务市委的综合协调机构，位居中枢，职能重要。全市上下要努力。\n").first)
        #expect(speech.metadata.title == "市委办公室作为服务市委的综合协调机构")
        #expect(speech.metadata.needsReview)
        #expect(speech.metadata.level == "市")
        #expect(speech.markdown.contains("\nreview: true"))
    }

    @Test func experienceReportsAreTypedByTheirTitle() throws {
        let speech = try #require(try speeches("办公室工作经验交流：做好新时代办公室工作\n办公室是服务部。\n").first)
        #expect(speech.metadata.type == "经验交流")
        #expect(speech.fileName.hasPrefix("experience-"))
    }

    @Test func aRepeatedTitleIsRemovedAndReported() throws {
        let result = try importer.importFile(Array("标题一\n标题一\n正文。\n".utf8), name: "x.txt").get()
        #expect(result.speeches.first?.metadata.title == "标题一")
        #expect(result.removals == [Removal(line: 2, column: 1, text: "标题一", rule: "repeated title", wholeLine: true)])
    }

    @Test func markdownSyntaxInTheTextIsEscaped() throws {
        let speech = try #require(try speeches("标题\n- 10-12前完成\n1. 不是列表而是正文的开头，这一行比一个要点的标题长得多，所以仍是段落\n要用*重点*和[链接]与<b>标签</b>。\n").first)
        #expect(speech.markdown.contains("\n\\- 10-12前完成\n"))
        #expect(speech.markdown.contains("\n1\\. 不是列表而是正文的开头，"))
        #expect(speech.markdown.contains("要用\\*重点\\*和\\[链接\\]与\\<b\\>标签\\</b\\>。"))
    }

    @Test func keepPunctuationLeavesHalfWidthMarks() throws {
        let keeping = Importer(options: ImportOptions(keepPunctuation: true))
        let speech = try #require(try keeping.importFile(Array("标题\n同志们:\n今天,开会。\n".utf8), name: "x.txt").get().speeches.first)
        #expect(speech.markdown.contains("\n今天,开会。\n"))
    }
}

@Suite struct ImportDecoderTests {
    let sample = "同志们：今天召开全县办公室工作会议。"

    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try ImportDecoder.decode(Array(sample.utf8), path: "x").get() == DecodedText(text: sample, encoding: "UTF-8"))
        #expect(try ImportDecoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8), path: "x").get() == DecodedText(text: sample, encoding: "UTF-8 (BOM)"))
    }

    @Test func utf16FilesWithBOMBothWays() throws {
        let text = "在全县办公室工作会议上的讲话\r\n" + sample + "\r\n"
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-utf16-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (bytes, encoding) in [(little, "UTF-16LE"), (big, "UTF-16BE")] {
            let file = folder.appendingPathComponent("\(encoding).txt")
            try Data(bytes).write(to: file)
            let read = [UInt8](try Data(contentsOf: file))
            #expect(try ImportDecoder.decode(read, path: file.path).get() == DecodedText(text: text, encoding: encoding))
            let result = try Importer().importFile(read, name: file.path).get()
            #expect(result.speeches.first?.metadata.title == "在全县办公室工作会议上的讲话")
            #expect(result.speeches.first?.markdown.hasSuffix("\n\n" + sample + "\n") == true)
        }
        let odd: [UInt8] = [0xFF, 0xFE, 0x2D]
        #expect(throws: Diagnostic.self) { try ImportDecoder.decode(odd, path: "x").get() }
    }

    @Test func gb18030ThroughIconv() throws {
        // 中 = D6 D0 and 文 = CE C4 in GB2312, which GBK and GB18030 keep.
        #expect(try ImportDecoder.decode([0xD6, 0xD0, 0xCE, 0xC4], path: "x").get() == DecodedText(text: "中文", encoding: "GB18030"))
        // A longer text encoded by the system's iconv command, written to a file as users have it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-gb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let utf8File = folder.appendingPathComponent("utf8.txt")
        try Data(("在全县办公室工作会议上的讲话\n" + sample + "\n").utf8).write(to: utf8File)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030", utf8File.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let encoded = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(encoded.count > 0 && String(data: encoded, encoding: .utf8) == nil, "iconv gave GB18030, which is not UTF-8")
        let gbFile = folder.appendingPathComponent("speech-gbk.txt")
        try encoded.write(to: gbFile)
        let result = try Importer().importFile([UInt8](try Data(contentsOf: gbFile)), name: gbFile.path).get()
        #expect(result.encoding == "GB18030")
        #expect(result.speeches.first?.metadata.title == "在全县办公室工作会议上的讲话")
        #expect(result.speeches.first?.markdown.contains("今天召开全县办公室工作会议。") == true)
        #expect(result.speeches.first?.markdown.contains("encoding: \"GB18030\"") == true)
    }

    @Test func undecodableBytesAreAnErrorWithTheirOffset() {
        guard case .failure(let diagnostic) = ImportDecoder.decode([0x41, 0x42, 0xFF, 0x43], path: "raw/bad.txt") else {
            Issue.record("0xFF is neither UTF-8 nor GB18030 nor Big5")
            return
        }
        #expect(diagnostic.description == "raw/bad.txt:1:1: error: cannot decode: not UTF-8 (byte 0xFF at byte offset 2); not GB18030 (byte 0xFF at byte offset 2) nor Big5 either")
        guard case .failure(let nul) = ImportDecoder.decode([0x41, 0x00, 0x42], path: "raw/nul.txt") else {
            Issue.record("a NUL byte must be refused")
            return
        }
        #expect(nul.message.contains("byte offset 1"))
    }

    @Test func theChecksumIsSHA256InHex() {
        // FIPS 180-2, appendix B.1, and the digest of the empty message.
        #expect(SourceChecksum.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SourceChecksum.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // B.2: a message of two blocks.
        #expect(SourceChecksum.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite struct ImportWriterTests {
    func result() throws -> ImportResult {
        try Importer().importFile(Array("在全县会议上的讲话\n同志们：\n今天开会。\n".utf8), name: "x.txt").get()
    }

    @Test func anExistingFileIsKeptUnlessForcedAndThenBackedUp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try result()
        let name = try #require(imported.speeches.first?.fileName)
        let target = folder.appendingPathComponent(name)
        var used: Set<String> = []

        var dryWriter = ImportWriter(folder: folder, displayFolder: "speeches", dryRun: true)
        let dry = dryWriter.write(imported, usedNames: &used)
        #expect(dry.files.map(\.outcome) == [.planned])
        #expect(!FileManager.default.fileExists(atPath: folder.path), "a dry run writes nothing")

        used = []
        var firstWriter = ImportWriter(folder: folder, displayFolder: "speeches")
        let first = firstWriter.write(imported, usedNames: &used)
        #expect(first.files.map(\.outcome) == [.written])

        used = []
        var againWriter = ImportWriter(folder: folder, displayFolder: "speeches")
        let again = againWriter.write(imported, usedNames: &used)
        #expect(again.files.map(\.outcome) == [.unchanged])

        try Data("edited by hand\n".utf8).write(to: target)
        used = []
        var refusedWriter = ImportWriter(folder: folder, displayFolder: "speeches")
        let refused = refusedWriter.write(imported, usedNames: &used)
        #expect(refused.files.isEmpty)
        #expect(refused.problems.first?.description.hasPrefix("speeches/\(name):1:1: error: already exists") == true)
        #expect(try String(contentsOf: target, encoding: .utf8) == "edited by hand\n")

        used = []
        var forcedWriter = ImportWriter(folder: folder, displayFolder: "speeches", force: true)
        let forced = forcedWriter.write(imported, usedNames: &used)
        #expect(forced.files.map(\.outcome) == [.replaced(backup: ".\(name).1.bak")])
        #expect(try String(contentsOf: folder.appendingPathComponent(".\(name).1.bak"), encoding: .utf8) == "edited by hand\n")
        #expect(try String(contentsOf: target, encoding: .utf8) == imported.speeches.first?.markdown)
    }

    @Test func twoSpeechesWithOneNameBothArrive() throws {
        let imported = try result()
        var used: Set<String> = []
        var writer = ImportWriter(folder: URL(fileURLWithPath: "/nonexistent"), displayFolder: "speeches", dryRun: true)
        var other = try result()
        other.checksum = "another source"
        let names = (writer.write(imported, usedNames: &used).files + writer.write(other, usedNames: &used).files).map(\.path)
        #expect(names.count == 2 && Set(names).count == 2)
    }

    @Test func aSourceImportedBeforeIsFoundByItsChecksumWhateverNameItGetsNow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-reimport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("在全县会议上的讲话\n同志们：\n今天开会。\n".utf8)
        let before = try Importer().importFile(bytes, name: "x.txt").get()
        var used: Set<String> = []
        var firstWriter = ImportWriter(folder: folder, displayFolder: "speeches")
        #expect(firstWriter.write(before, usedNames: &used).files.map(\.outcome) == [.written])
        let oldName = try #require(before.speeches.first?.fileName)

        // A maintainer adds a type; the same source now gets another name.
        var rules = ImportRules.defaults()
        #expect(rules.add(yaml: "types:\n  - name: 会议讲话\n    slug: meeting\n    title: '会议上的讲话'\n", path: "import.yml").count == 0)
        let after = try Importer(rules: rules).importFile(bytes, name: "x.txt").get()
        let newName = try #require(after.speeches.first?.fileName)
        #expect(newName != oldName && after.checksum == before.checksum)

        used = []
        var again = ImportWriter(folder: folder, displayFolder: "speeches", previous: PreviousImports.scan(folder, display: "speeches"))
        let refused = again.write(after, usedNames: &used)
        #expect(refused.files == [ImportedFile(path: "speeches/\(oldName)", title: "", outcome: .alreadyImported)])
        #expect(refused.problems.count == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(newName).path))

        used = []
        var forcing = ImportWriter(folder: folder, displayFolder: "speeches", force: true, previous: PreviousImports.scan(folder, display: "speeches"))
        let forced = forcing.write(after, usedNames: &used)
        #expect(forced.files.map(\.outcome) == [.retired(backup: ".\(oldName).1.bak"), .written])
        let visible = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(visible == [newName], "one document for one source")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".\(oldName).1.bak").path))

        // The same source twice in one run: the second is the first's duplicate.
        used = []
        var twice = ImportWriter(folder: folder, displayFolder: "speeches", previous: PreviousImports.scan(folder, display: "speeches"))
        let sameAgain = twice.write(after, usedNames: &used).files.map(\.outcome) + twice.write(after, usedNames: &used).files.map(\.outcome)
        #expect(sameAgain == [.unchanged, .alreadyImported])
    }

    @Test func theRunEndsWithItsCounts() throws {
        var tally = ImportTally()
        let imported = try result()
        tally.add(imported, files: [ImportedFile(path: "a.md", title: "t", outcome: .written)], problems: 0)
        tally.add(imported, files: [ImportedFile(path: "a.md", title: "", outcome: .alreadyImported)], problems: 0)
        tally.addFailure()
        #expect(tally.line(dryRun: false) == "3 files, 2 speeches: 1 written, 0 unchanged, 1 already imported, 1 failed")
    }

    @Test func oldWordAndWPSFilesAreRefusedWithWhatToDo() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        // Named .doc or .wps, or an OLE compound file whatever its name.
        for (name, bytes) in [("讲话.doc", Array("正文".utf8)), ("讲话.wps", Array("正文".utf8)), ("saved-without-extension", ole)] {
            let message = Importer().importFile(bytes, name: "in/\(name)").failureMessage
            #expect(message?.hasPrefix("in/\(name):1:1: error: an old Word or WPS file") == true, "\(name)")
            #expect(message?.contains("save it as .docx") == true, "\(name)")
        }
    }

    @Test func importRulesInTheContentFolderAreNotPublished() throws {
        let site = try SiteFixture(files: [
            "content/import.yml": "drop_lines:\n  - name: x\n    pattern: '^x$'\n",
            "content/speeches/a.md": "---\ntitle: 甲\ndate: 2023-01-01\n---\n\n正文。\n",
            "content/files/keep.yml": "a: 1\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        #expect(site.page("import.yml") == nil)
        #expect(site.page("files/keep.yml") != nil, "other files are still published")
    }
}

/// Big5 and GB18030 told apart: both decode most byte strings without error, so the decoder
/// keeps the one that reads as ordinary Chinese and refuses what reads as neither.
@Suite struct ChineseEncodingTests {
    /// The same speech in simplified and in traditional characters (written here, not from the
    /// raw files), each encoded by the system's `iconv` command, as a file saved on an old machine.
    static let simplified = "在全县办公室工作会议上的讲话\n\n同志们：今天召开全县办公室工作会议，主要任务是总结去年工作，部署今年任务。办公室工作要有心、用心、尽心，做到服务领导、服务部门、服务基层。\n"
    static let traditional = "在全縣辦公室工作會議上的講話\n\n同志們：今天召開全縣辦公室工作會議，主要任務是總結去年工作，部署今年任務。辦公室工作要有心、用心、盡心，做到服務領導、服務部門、服務基層。\n"

    static func encoded(_ text: String, as encoding: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let bytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return bytes
    }

    @Test func twinsDecodeEachInTheirOwnEncoding() throws {
        let big5 = try Self.encoded(Self.traditional, as: "BIG5")
        let gb = try Self.encoded(Self.simplified, as: "GB18030")
        #expect(try ImportDecoder.decode(big5, path: "big5.txt").get() == DecodedText(text: Self.traditional, encoding: "Big5"))
        #expect(try ImportDecoder.decode(gb, path: "gb.txt").get() == DecodedText(text: Self.simplified, encoding: "GB18030"))
        // Traditional text in GB18030 too (GBK has the traditional forms): still GB18030.
        let gbTraditional = try Self.encoded(Self.traditional, as: "GB18030")
        #expect(try ImportDecoder.decode(gbTraditional, path: "gb-trad.txt").get() == DecodedText(text: Self.traditional, encoding: "GB18030"))
        // The title the importer reads is the text's, not mojibake.
        let result = try Importer().importFile(big5, name: "big5.txt").get()
        #expect(result.speeches.first?.metadata.title == "在全县办公室工作会议上的讲话" || result.speeches.first?.metadata.title == "在全縣辦公室工作會議上的講話")
    }

    @Test func whatReadsAsNeitherIsRefusedWithBothReadings() throws {
        // F9 F9 is a box-drawing character in Big5 and a private-use one in GB18030.
        let bytes: [UInt8] = Array(repeating: [0xF9, 0xF9], count: 8).flatMap { $0 }
        let failure = try #require(ImportDecoder.decode(bytes, path: "x.txt").failure)
        #expect(failure.message.contains("GB18030 gives") && failure.message.contains("Big5 gives '════"))
        #expect(failure.message.contains("--encoding"))
        // Named, it is decoded as asked.
        #expect(try ImportDecoder.decode(bytes, path: "x.txt", as: "big5").get().text == String(repeating: "═", count: 8))
        #expect(ImportDecoder.decode(bytes, path: "x.txt", as: "latin9").failure?.message.contains("unknown encoding 'latin9'") == true)
    }
}

extension Result {
    /// The failure, if this is one.
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

extension Result where Failure == Diagnostic {
    /// The diagnostic's text when this is a failure.
    var failureMessage: String? {
        if case .failure(let diagnostic) = self { return diagnostic.description }
        return nil
    }
}
