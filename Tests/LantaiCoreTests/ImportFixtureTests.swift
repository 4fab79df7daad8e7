import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// Files of the kinds office staff hold, written for these tests (Tests/Fixtures/import), none
/// made from the five raw speeches: copies from county sites with their furniture, a compilation,
/// an 经验交流材料, a 通报 with an aligned table, a GB18030 file with CRLF, UTF-16, traditional
/// text, and Big5/GB18030 twins. What each must give was written down by reading the file.
@Suite struct ImportFixtureTests {
    struct Expected {
        var title: String
        var subtitle: String? = nil
        var date: String?
        var type: String
        var speaker: String? = nil
        var position: String? = nil
        var organization: String? = nil
        var level: String?
    }

    struct Fixture {
        var name: String
        /// How the test reads the file apart from the importer: iconv's name for a text file's
        /// encoding, or `html` for a page read by Python's HTML parser (Tests/support/html_text.py).
        var iconv: String
        var encoding: String
        var removals: Int
        var collection: String? = nil
        var speeches: [Expected]
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "web-county-speech.txt", iconv: "UTF-8", encoding: "UTF-8", removals: 11, speeches: [
            Expected(title: "在全县政务督查工作会议上的讲话", date: "2023-03-10", type: "讲话", speaker: "李明",
                     position: "县政府副县长", organization: "县政府", level: "县"),
        ]),
        Fixture(name: "compilation.txt", iconv: "UTF-8", encoding: "UTF-8", removals: 2, collection: "办公室工作讲话汇编（三篇）", speeches: [
            Expected(title: "在全市办公室系统业务培训班上的讲话", date: "2022-11-25", type: "讲话", speaker: "陈刚",
                     position: "市委秘书长", organization: "市委", level: "市"),
            Expected(title: "凝心聚力 提质增效 奋力开创政务服务工作新局面", subtitle: "在全市政务服务工作会议上的讲话",
                     date: "2023-01-06", type: "讲话", speaker: "赵强", position: "市政府副市长", organization: "市政府", level: "市"),
            Expected(title: "在全市机关事务管理工作会议上的致辞", date: "2023-04-12", type: "致辞", speaker: "孙丽",
                     position: "市机关事务管理局局长", organization: "市机关事务管理局", level: "市"),
        ]),
        Fixture(name: "experience.txt", iconv: "UTF-8", encoding: "UTF-8", removals: 0, speeches: [
            // A county office's material read at a city meeting: 全市 is named more often than 全县.
            Expected(title: "强化督查落实 推动决策见效", subtitle: "清源县委办公室经验交流材料", date: "2023-09-18",
                     type: "经验交流", organization: "中共清源县委办公室", level: "县"),
        ]),
        Fixture(name: "bulletin.txt", iconv: "UTF-8", encoding: "UTF-8", removals: 0, speeches: [
            Expected(title: "关于2023年第一季度政务信息报送情况的通报", date: "2023-04-03", type: "通报",
                     organization: "清源县人民政府办公室", level: "县"),
        ]),
        Fixture(name: "report-gb18030-crlf.txt", iconv: "GB18030", encoding: "GB18030", removals: 0, speeches: [
            Expected(title: "县政府办公室2023年上半年工作情况汇报", date: "2023-07-05", type: "汇报", speaker: "周海",
                     position: "县政府办公室主任", organization: "县政府办公室", level: "县"),
        ]),
        Fixture(name: "notice-utf16.txt", iconv: "UTF-16", encoding: "UTF-16LE", removals: 0, speeches: [
            Expected(title: "关于开展2023年度政务信息工作考核的通知", date: "2023-02-08", type: "通知",
                     organization: "清源县人民政府办公室", level: "县"),
        ]),
        Fixture(name: "traditional.txt", iconv: "UTF-8", encoding: "UTF-8", removals: 0, speeches: [
            Expected(title: "在全縣辦公室系統工作會議上的講話", date: "2023-05-12", type: "讲话", speaker: "王建國",
                     position: "縣委辦公室主任", organization: "縣委辦公室", level: "县"),
        ]),
        Fixture(name: "big5.txt", iconv: "CP950", encoding: "Big5", removals: 0, speeches: [
            Expected(title: "在全市秘書工作座談會上的發言", date: "2022-10-20", type: "讲话", speaker: "林志明",
                     position: "市政府辦公室副主任", organization: "市政府辦公室", level: "市"),
        ]),
        Fixture(name: "gb18030-twin.txt", iconv: "GB18030", encoding: "GB18030", removals: 0, speeches: [
            Expected(title: "在全市秘書工作座談會上的發言", date: "2022-10-20", type: "讲话", speaker: "林志明",
                     position: "市政府辦公室副主任", organization: "市政府辦公室", level: "市"),
        ]),
        // Text copied out of a PDF: a printed line a line, wrapped at one width, page numbers between.
        Fixture(name: "pdf-copy.txt", iconv: "UTF-8", encoding: "UTF-8", removals: 2, speeches: [
            Expected(title: "关于全县防汛抗旱工作情况的汇报", date: nil, type: "汇报", organization: "县应急管理局", level: "县"),
        ]),
        // Saved web pages: one declaring gb2312 with a CMS editor container and a layout table,
        // one in UTF-8 whose article is only the block with the most text.
        Fixture(name: "web-page-gb2312.html", iconv: "html", encoding: "HTML (GB18030)", removals: 12, speeches: [
            Expected(title: "在全县信访工作联席会议上的讲话", date: "2023-07-28", type: "讲话", speaker: "刘振华",
                     position: "县委副书记", organization: "县委", level: "县"),
        ]),
        Fixture(name: "web-page-plain.html", iconv: "html", encoding: "HTML (UTF-8)", removals: 5, speeches: [
            Expected(title: "关于进一步加强公文处理工作的意见", date: "2023-10-16", type: "指导意见",
                     organization: "清源县人民政府办公室", level: "县"),
        ]),
    ]

    static let folder = RepositoryPaths.fixtures.appendingPathComponent("import")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func imported(_ name: String) throws -> ImportResult {
        try Importer().importFile(try bytes(name), name: name).get()
    }

    @Test(arguments: fixtures.map(\.name))
    func speechesAndTheirMetadata(_ name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        let result = try Self.imported(name)
        #expect(result.encoding == fixture.encoding)
        #expect(result.removals.filter { !$0.movedToFrontMatter }.count == fixture.removals)
        #expect(result.speeches.count == fixture.speeches.count)
        for (speech, expected) in zip(result.speeches, fixture.speeches) {
            let metadata = speech.metadata
            #expect(metadata.title == expected.title)
            #expect(metadata.subtitle == expected.subtitle, "\(expected.title)")
            #expect(metadata.date?.description == expected.date, "\(expected.title)")
            #expect(metadata.type == expected.type, "\(expected.title)")
            #expect(metadata.speaker == expected.speaker, "\(expected.title)")
            #expect(metadata.position == expected.position, "\(expected.title)")
            #expect(metadata.organization == expected.organization, "\(expected.title)")
            #expect(metadata.level == expected.level, "\(expected.title)")
            #expect(metadata.collection == fixture.collection, "\(expected.title)")
            #expect(!metadata.needsReview, "\(expected.title)")
        }
    }

    /// The file's text read apart from the importer: by the iconv program, or for a web page by
    /// Python's HTML parser.
    static func independentlyRead(_ fixture: Fixture) throws -> String {
        let path = folder.appendingPathComponent(fixture.name).path
        let data = fixture.iconv == "html"
            ? try ExternalProgram.run("/usr/bin/env", ["python3", RepositoryPaths.root.appendingPathComponent("Tests/support/html_text.py").path, path])
            : try ExternalProgram.run("/usr/bin/iconv", ["-f", fixture.iconv, "-t", "UTF-8", path])
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: fixtures.map(\.name))
    func nothingRealIsLost(_ name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        let result = try Self.imported(name)
        let output = result.speeches.map(\.markdown).joined(separator: "\n")
        let source = try Self.independentlyRead(fixture)
        // Lines moved into the front matter are checked field by field in speechesAndTheirMetadata.
        let (failures, checked) = fixture.iconv == "html"
            ? NoLossInvariant.check(text: source, removals: result.removals, output: output)
            : NoLossInvariant.check(source: source, removals: result.removals, output: output)
        #expect(failures == [])
        #expect(checked >= 5, "only \(checked) runs checked")
        let moved = result.removals.filter(\.movedToFrontMatter)
        #expect(moved.allSatisfy { ["subtitle", "speaker", "date", "organization"].contains($0.rule) })
    }

    /// Golden Markdown, each read by hand: Tests/Fixtures/import/expected/<file>/<speech>.md.
    @Test(arguments: fixtures.map(\.name))
    func theMarkdownIsTheGolden(_ name: String) throws {
        let result = try Self.imported(name)
        let expected = Self.folder.appendingPathComponent("expected").appendingPathComponent(name)
        let golden = try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(golden == result.speeches.map(\.fileName).sorted())
        for speech in result.speeches {
            let text = try String(contentsOf: expected.appendingPathComponent(speech.fileName), encoding: .utf8)
            #expect(speech.markdown == text, "\(speech.fileName)")
        }
    }

    @Test func linesWrappedAtOneWidthAreJoinedSoAPhraseAcrossABreakIsFound() throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent("pdf-copy.txt"), encoding: .utf8)
        #expect(!source.contains("协调处置能力"), "the phrase is broken across two lines of the file")
        let speech = try #require(try Self.imported("pdf-copy.txt").speeches.first)
        #expect(speech.markdown.contains("\n今年以来，在县委县政府的坚强领导下，我们坚持以人民为中心，落实各项措施，提升风险防范和协调处置能力，确保了全县安全度汛。现汇报如下。\n"))
        // A heading and a lead start their own lines; a line that ends a sentence ends its paragraph.
        #expect(speech.markdown.contains("\n## 一、主要工作开展情况\n"))
        #expect(speech.markdown.contains("\n**二是强化监测预警**。充分利用气象、水文等监测手段，及时发布预警信息，提前转移受威胁群众。\n"))
        let site = try SiteFixture(files: ["content/speeches/\(speech.fileName)": speech.markdown])
        defer { site.remove() }
        _ = try site.build().get()
        let engine = try site.searchEngine()
        #expect(try engine.search(SearchQuery(text: "协调处置能力")).total == 1)
    }

    @Test func separatorsSplitAndAreDroppedAndReported() throws {
        let result = try Self.imported("compilation.txt")
        let separators = result.removals.filter { $0.rule == "separator" }
        #expect(separators.map(\.line) == [11, 19])
        #expect(!result.speeches.contains { $0.markdown.contains("——————") || $0.markdown.contains("\\*\\*\\*") })
    }

    @Test func anAlignedTableAndAnAttachmentListKeepTheirShape() throws {
        let speech = try #require(try Self.imported("bulletin.txt").speeches.first)
        #expect(speech.blocks.contains(.table(rows: [["单位", "报送条数", "采用条数", "得分"], ["县发展和改革局", "35", "8", "40"],
                                                     ["县教育局", "28", "6", "31"], ["县卫生健康委员会", "22", "3", "19"]])))
        #expect(speech.blocks.contains(.list(items: ["第一季度政务信息采用情况明细表", "第二季度政务信息约稿选题"], ordered: true)))
    }

    @Test func theImportedFilesBuildIntoThePortal() throws {
        var files: [String: String] = [:]
        for fixture in Self.fixtures where fixture.name != "gb18030-twin.txt" {
            for speech in try Self.imported(fixture.name).speeches { files["content/speeches/\(speech.fileName)"] = speech.markdown }
        }
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        let summary = try site.build().get()
        #expect(summary.documents == files.count)
        #expect(summary.warnings.count == 0)
        // The subtitle and the speaker's position show on the document's page.
        let speech = try #require(try Self.imported("compilation.txt").speeches.dropFirst().first)
        let page = try #require(site.page("speeches/\(speech.fileName.dropLast(3)).html"))
        #expect(page.contains("<p class=\"doc-subtitle\">——在全市政务服务工作会议上的讲话</p>"))
        #expect(page.contains("<dt>讲话人</dt><dd>市政府副市长 赵强</dd>"))
    }
}

@Suite struct SpeechHeadTests {
    static func shown(_ line: HeadLine) -> String {
        switch line {
        case .speaker(let position, let name): "speaker \(position) / \(name)"
        case .subtitle(let text): "subtitle \(text)"
        case .date(let date): "date \(date)"
        case .organization(let name): "organization \(name)"
        }
    }

    @Test func datesInArabicAndChineseNumerals() {
        #expect(ChineseDate.line("（2023年3月10日）")?.description == "2023-03-10")
        #expect(ChineseDate.line("二〇二三年二月八日")?.description == "2023-02-08")
        #expect(ChineseDate.line("二○二二年十月二十日")?.description == "2022-10-20")
        #expect(ChineseDate.line("二零二一年十二月三十一日")?.description == "2021-12-31")
        #expect(ChineseDate.line("２０２３年１２月１日")?.description == "2023-12-01")
        #expect(ChineseDate.line("（2023年3月10日，根据录音整理）")?.description == "2023-03-10")
        // Impossible dates and lines that say more than a date are not date lines.
        #expect(ChineseDate.line("2023年2月30日")?.description == nil)
        #expect(ChineseDate.line("二〇二三年二月三十日")?.description == nil)
        #expect(ChineseDate.line("2023年3月10日召开全县会议")?.description == nil)
    }

    @Test func speakerLinesArePositionAndName() {
        #expect(HeadLine.read("县政府副县长  李明").map(Self.shown) == "speaker 县政府副县长 / 李明")
        #expect(HeadLine.read("——市委秘书长 陈刚").map(Self.shown) == "speaker 市委秘书长 / 陈刚")
        #expect(HeadLine.read("市委常委、秘书长　欧阳明远").map(Self.shown) == "speaker 市委常委、秘书长 / 欧阳明远")
        #expect(HeadLine.read("县政府办公室主任周海").map(Self.shown) == "speaker 县政府办公室主任 / 周海")
        #expect(HeadLine.read("——在全市政务服务工作会议上的讲话").map(Self.shown) == "subtitle 在全市政务服务工作会议上的讲话")
        // Not head lines: a meeting of directors, a sentence, a heading, a plain title.
        #expect(HeadLine.read("办公室主任会议").map(Self.shown) == nil)
        #expect(HeadLine.read("县长主持召开会议。").map(Self.shown) == nil)
        #expect(HeadLine.read("一、提高政治站位").map(Self.shown) == nil)
        #expect(HeadLine.read("在全县工作会议上的讲话").map(Self.shown) == nil)
    }

    @Test func aSpeakerOrDateLineBeforeTheSalutationDoesNotStartASpeech() throws {
        let text = "在全县会议上的讲话\n县长 王强\n2023年6月20日\n同志们：\n今天开会。\n"
        let result = try Importer().importFile(Array(text.utf8), name: "x.txt").get()
        #expect(result.speeches.count == 1)
        #expect(result.speeches.first?.metadata.speaker == "王强")
        #expect(result.speeches.first?.metadata.date?.description == "2023-06-20")
    }

    @Test func theSignOffDateWinsOverADateInTheText() throws {
        let text = "关于做好值班工作的通知\n各单位：\n根据2022年12月1日会议精神，现通知如下。\n一、加强值班\n要严格执行二十四小时值班制度。\n清源县人民政府办公室\n2023年1月20日\n"
        let speech = try #require(try Importer().importFile(Array(text.utf8), name: "x.txt").get().speeches.first)
        #expect(speech.metadata.date?.description == "2023-01-20")
        #expect(speech.metadata.organization == "清源县人民政府办公室")
        #expect(speech.metadata.type == "通知")
    }

    @Test func theLevelComesFromTheOrganisationNotFromWordsThatLookLikeOne() {
        #expect(SpeechMetadata.level(ofName: "县市场监督管理局") == "县")
        #expect(SpeechMetadata.level(ofName: "市住房和城乡建设局") == "市")
        #expect(SpeechMetadata.level(ofName: "清源县城关镇人民政府") == "乡镇")
        #expect(SpeechMetadata.level(ofName: "省委办公厅") == "省")
        #expect(SpeechMetadata.level(ofName: "中共清源县委办公室") == "县")
    }
}
