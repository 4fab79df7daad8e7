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

    @Option(help: ArgumentHelp(localized("只找这一年及以后的文稿", "Only documents of this year or later.")))
    var from: Int?

    @Option(help: ArgumentHelp(localized("只找这一年及以前的文稿", "Only documents of this year or earlier.")))
    var to: Int?

    @Option(help: ArgumentHelp(localized("只找这位讲话人的文稿（site.yml 的 taxonomies 含 speaker 时）", "Only documents of this speaker (when site.yml's taxonomies include speaker).")))
    var speaker: String?

    @Option(help: ArgumentHelp(localized("只找这个单位的文稿（taxonomies 含 organization 时）", "Only documents of this organisation (when the taxonomies include organization).")))
    var org: String?

    @Option(help: ArgumentHelp(localized("只找这个场合的文稿（taxonomies 含 venue 时）", "Only documents of this venue (when the taxonomies include venue).")))
    var venue: String?

    @Option(help: ArgumentHelp(localized("只找这个职务的文稿（taxonomies 含 position 时）", "Only documents of this position (when the taxonomies include position).")))
    var position: String?

    @Option(help: ArgumentHelp(localized("排序：relevance（按相关度，默认）或 date（按日期，新的在前）", "Order: relevance (the default) or date (newest first).")))
    var sort = "relevance"

    @Option(help: ArgumentHelp(localized("显示第几页（每页 --limit 条）", "Which page of results to show (--limit a page).")))
    var page = 1

    @Option(help: ArgumentHelp(localized("每页显示多少条结果", "How many results a page shows.")))
    var limit = 10

    @Flag(help: ArgumentHelp(localized("用 JSON 格式输出结果", "Print the results as JSON.")))
    var json = false

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        guard limit >= 0 else { throw ValidationError(lang.say("--limit 不能是负数", "--limit must be 0 or more")) }
        guard page >= 1 else { throw ValidationError(lang.say("--page 从 1 开始", "--page starts at 1")) }
        guard ["relevance", "date"].contains(sort) else {
            throw ValidationError(lang.say("--sort 只能是 relevance（按相关度）或 date（按日期）", "--sort is relevance or date"))
        }
        if let from, let to, from > to { throw ValidationError(lang.say("--from 的年份不能晚于 --to", "--from must not be later than --to")) }
    }

    func run() throws {
        let engine: SearchEngine
        do {
            engine = SearchEngine(index: try IndexFiles(folder: URL(fileURLWithPath: output).appendingPathComponent("search")))
        } catch let failure as BuildFailure {
            Terminal.print(failure.diagnostics, lang.language)
            throw ExitCode.failure
        }
        let request = SearchQuery(text: query.joined(separator: " "), topic: topic, year: year, type: type, fromYear: from, toYear: to,
                                  taxonomies: ["speaker": speaker, "org": org, "venue": venue, "position": position].compactMapValues { $0 },
                                  byDate: sort == "date", offset: (page - 1) * limit, limit: limit)
        if let problem = engine.unknownFilter(in: request) {
            Terminal.printProblem("search", problem, lang.language)
            throw ExitCode.failure
        }
        let results = try engine.search(request)
        print(json ? SearchOutput.json(results) : SearchOutput.text(results, highlight: isatty(1) != 0, language: lang.language, offset: request.offset))
    }
}
