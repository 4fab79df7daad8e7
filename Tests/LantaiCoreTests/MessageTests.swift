import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// What a maintainer reads, in Chinese by default: each message says what is wrong in their
/// terms, where (path:line:column, counted by hand below) and how to fix it.
@Suite struct MessageTests {
    /// The Chinese lines `lantai check` prints for one file of content.
    static func check(_ text: String, name: String = "a.md") throws -> [String] {
        let site = try SiteFixture(files: ["content/\(name)": text])
        defer { site.remove() }
        let summary = try SiteBuilder(options: site.options).check()
        return summary.diagnostics.map { $0.description(in: .zh) }
    }

    @Test func anImpossibleDateIsNamedAsImpossible() throws {
        // Line 2 is `date: 2023-02-30`; the value starts after `date: `, at column 7.
        #expect(try Self.check("---\ndate: 2023-02-30\n---\n正文。\n") == ["content/a.md:2:7: 错误：日期 2023-02-30 不存在（2023年2月没有30日）：请核对原稿的日期"])
        #expect(try Self.check("---\ndate: 2023-2-29\n---\n正文。\n") == ["content/a.md:2:7: 错误：日期 2023-2-29 不存在（2023年2月没有29日，2023年不是闰年）：请核对原稿的日期"])
        #expect(try Self.check("---\ndate: 2023-13-01\n---\n正文。\n") == ["content/a.md:2:7: 错误：日期 2023-13-01 不存在（一年只有 1 到 12 月）：写成 年-月-日，例如 2023-05-12"])
        #expect(try Self.check("---\ndate: 明天\n---\n正文。\n") == ["content/a.md:2:7: 错误：“明天”不是日期：写成 年-月-日，例如 2023-05-12"])
        // A leap year's 29 February exists.
        #expect(try Self.check("---\ndate: 2024-02-29\n---\n正文。\n") == [])
    }

    @Test func aFullWidthColonIsNamedAsSuch() throws {
        // `title：` on line 2: the colon is the sixth character.
        #expect(try Self.check("---\ntitle：在全县会议上的讲话\ndate: 2023-05-12\n---\n正文。\n")
                == ["content/a.md:2:6: 错误：“title”后面的冒号“：”是全角的（中文输入法打出的冒号）：改成半角冒号“:”并在后面加一个空格，例如 title: 值"])
        // In a list entry, and after an indented key.
        #expect(try Self.check("---\ntitle: 甲\ntopics:\n  - 督查\nsummary：摘要\n---\n正文。\n")
                == ["content/a.md:5:8: 错误：“summary”后面的冒号“：”是全角的（中文输入法打出的冒号）：改成半角冒号“:”并在后面加一个空格，例如 summary: 值"])
        // A full-width colon inside a value, or in a block of text, is text.
        #expect(try Self.check("---\ntitle: 讲话：服务大局\nsummary: |\n  要点：一是服务\n---\n正文。\n") == [])
    }

    @Test func yamlErrorsAreTranslatedAndPointAtTheMistake() throws {
        // An indented key: libyaml stops at its colon (line 4, `  type:` → column 7).
        #expect(try Self.check("---\ntitle: 甲\ndate: 2023-05-12\n  type: 讲话\n---\n正文。\n")
                == ["content/a.md:4:7: 错误：这里的冒号“:”放不下：要么值里有“: ”，给整个值加上引号（例如 title: \"甲: 乙\"）；要么这一行多了缩进，键要顶格写"])
        // An unclosed quote is reported where it opens (line 2, after `title: `), not at the end.
        #expect(try Self.check("---\ntitle: \"甲\ndate: 2023-05-12\n---\n正文。\n")
                == ["content/a.md:2:8: 错误：这里的引号没有配对：从这里开始的引号到结尾都没有另一半，补上引号，或者去掉这个引号"])
        // An unclosed bracket, where it opens (line 2, column 9).
        #expect(try Self.check("---\ntopics: [督查\ndate: 2023-05-12\n---\n正文。\n")
                == ["content/a.md:2:9: 错误：从这里开始的方括号列表 [ ] 没有写完：检查各项之间的逗号和结尾的“]”"])
        // A tab used to indent.
        #expect(try Self.check("---\ntitle: 甲\n\ttype: 讲话\n---\n正文。\n").first?.contains("错误：这一行用了制表符（Tab）缩进") == true)
    }

    @Test func anUnknownTypeListsTheKnownOnes() throws {
        let known = DocumentType.defaults.map(\.name).joined(separator: "、")
        // `type: 讲稿` on line 3; the value at column 7.
        #expect(try Self.check("---\ntitle: 甲\ntype: 讲稿\n---\n正文。\n")
                == ["content/a.md:3:7: 错误：类型“讲稿”不是门户的文稿类型：改成其中之一（\(known)），或者先在 site.yml 的 types 里添加它"])
        #expect(try Self.check("---\ntitle: 甲\ntype: 通报\n---\n正文。\n") == [], "import's types are the site's")
    }

    @Test func anUnknownTopicListsTheKnownOnes() throws {
        // `topics: [不存在]` on line 2; the name at column 10.
        #expect(try Self.check("---\ntopics: [不存在]\n---\n正文。\n")
                == ["content/a.md:2:10: 错误：“topics”里的专题“不存在”不在 topics.yml 里：改成已有的专题之一（服务意识、参谋作用、督查），或者先在 topics.yml 里添加它"])
    }

    @Test func aSearchFilterThatMatchesNothingKnownIsRefusedWithTheKnownValues() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 甲\ndate: 2023-05-12\ntype: 讲话\ntopics: [督查]\n---\n督查工作要抓落实。\n",
            "content/b.md": "---\ntitle: 乙\ndate: 2021-01-02\ntype: 经验交流\n---\n服务意识。\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        let engine = try site.searchEngine()
        let topic = try #require(engine.unknownFilter(in: SearchQuery(text: "督查", topic: "不存在")))
        #expect(topic.zh == "没有“不存在”这个专题：--topic 可以用 服务意识、参谋作用、督查")
        #expect(engine.unknownFilter(in: SearchQuery(text: "督查", year: "2022"))?.zh == "没有“2022”这个年份：--year 可以用 2023、2021")
        #expect(engine.unknownFilter(in: SearchQuery(text: "督查", type: "通知"))?.zh == "没有“通知”这个类型：--type 可以用 讲话、经验交流")
        #expect(engine.unknownFilter(in: SearchQuery(text: "督查", topic: "supervision", year: "2023", type: "讲话")) == nil, "slugs and names both count")
        // The terminal writes a result's date as the portal's pages do; the JSON keeps ISO dates.
        let results = try engine.search(SearchQuery(text: "督查"))
        #expect(SearchOutput.text(results, highlight: false, language: .zh).contains("1. 甲  (2023年5月12日 · 讲话)"))
        #expect(SearchOutput.json(results).contains("\"date\" : \"2023-05-12\""))
    }

    @Test func theLanguageIsChineseUnlessEnglishIsAskedFor() {
        #expect(Language.resolve(option: nil, environment: [:]) == .zh)
        #expect(Language.resolve(option: nil, environment: ["LANG": "C.UTF-8"]) == .zh)
        #expect(Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.resolve(option: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .en, "LC_ALL wins")
        #expect(Language.resolve(option: "zh", environment: ["LANG": "en_US.UTF-8"]) == .zh, "--lang wins")
        #expect(Language.ofProcess(arguments: ["lantai", "build", "--lang=en"], environment: [:]) == .en)
        #expect(Language.ofProcess(arguments: ["lantai", "--lang", "en", "build"], environment: [:]) == .en)
    }
}
