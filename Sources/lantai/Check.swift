import ArgumentParser
import Foundation
import LantaiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check front matter, links and topics of every document without writing anything (for a content repository's CI).")

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Also check documents marked 'draft: true' as if published.")
    var drafts = false

    @Flag(help: "Print each stage with its time.")
    var verbose = false

    func run() throws {
        var options = folders.buildOptions()
        options.includeDrafts = drafts
        let verbose = verbose
        do {
            let summary = try SiteBuilder(options: options, log: { line in if verbose { Terminal.printLine(line) } }).check()
            for diagnostic in summary.diagnostics { Terminal.printError(diagnostic.description) }
            print(summary.line)
            if summary.diagnostics.hasErrors { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            Terminal.printError(failure.description)
            throw ExitCode.failure
        }
    }
}
