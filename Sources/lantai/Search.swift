import ArgumentParser
import Foundation
import LantaiCore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the built portal's index.",
        discussion: "Terms separated by spaces must all occur; each term is a phrase. 服務 finds 服务.")

    @Argument(help: "What to look for, e.g. 以文辅政 or \"督查 落实\".")
    var query: [String]

    @Option(help: "The built site to search.")
    var output = "public"

    @Option(help: "Only documents of this topic (name or slug).")
    var topic: String?

    @Option(help: "Only documents of this year.")
    var year: String?

    @Option(help: "Only documents of this type (name or slug).")
    var type: String?

    @Option(help: "How many results to show.")
    var limit = 10

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let engine: SearchEngine
        do {
            engine = SearchEngine(index: try IndexFiles(folder: URL(fileURLWithPath: output).appendingPathComponent("search")))
        } catch let failure as BuildFailure {
            Terminal.printError(failure.diagnostics.map(\.description).joined(separator: "\n"))
            throw ExitCode.failure
        }
        let results = try engine.search(SearchQuery(text: query.joined(separator: " "), topic: topic, year: year, type: type, limit: limit))
        print(json ? SearchOutput.json(results) : SearchOutput.text(results, highlight: isatty(1) != 0))
    }
}
