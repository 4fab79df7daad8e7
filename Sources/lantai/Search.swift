import ArgumentParser
import Foundation
import LantaiCore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: localized("在生成好的门户里检索", "Search the built portal's index."),
        discussion: localized("用空格隔开的几个词都要出现；每个词按整个短语找。繁体“服務”也能找到“服务”。",
                              "Terms separated by spaces must all occur; each term is a phrase. 服務 finds 服务."))

    @Argument(help: ArgumentHelp(localized("要找的内容，例如 以文辅政 或 \"督查 落实\"", "What to look for, e.g. 以文辅政 or \"督查 落实\".")))
    var query: [String]

    @Option(help: ArgumentHelp(localized("在哪个生成好的门户里找", "The built site to search.")))
    var output = "public"

    @Option(help: ArgumentHelp(localized("只找这个专题的文稿（名称或英文名）", "Only documents of this topic (name or slug).")))
    var topic: String?

    @Option(help: ArgumentHelp(localized("只找这一年的文稿", "Only documents of this year.")))
    var year: String?

    @Option(help: ArgumentHelp(localized("只找这种类型的文稿（名称或英文名）", "Only documents of this type (name or slug).")))
    var type: String?

    @Option(help: ArgumentHelp(localized("显示多少条结果", "How many results to show.")))
    var limit = 10

    @Flag(help: ArgumentHelp(localized("用 JSON 格式输出结果", "Print the results as JSON.")))
    var json = false

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        guard limit >= 0 else { throw ValidationError(lang.say("--limit 不能是负数", "--limit must be 0 or more")) }
    }

    func run() throws {
        let engine: SearchEngine
        do {
            engine = SearchEngine(index: try IndexFiles(folder: URL(fileURLWithPath: output).appendingPathComponent("search")))
        } catch let failure as BuildFailure {
            Terminal.print(failure.diagnostics, lang.language)
            throw ExitCode.failure
        }
        let request = SearchQuery(text: query.joined(separator: " "), topic: topic, year: year, type: type, limit: limit)
        if let problem = engine.unknownFilter(in: request) {
            Terminal.printProblem("search", problem, lang.language)
            throw ExitCode.failure
        }
        let results = try engine.search(request)
        print(json ? SearchOutput.json(results) : SearchOutput.text(results, highlight: isatty(1) != 0, language: lang.language))
    }
}
