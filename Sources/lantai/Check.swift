import ArgumentParser
import Foundation
import LantaiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check front matter, links and topics of every document without writing anything (for a content repository's CI).")

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Also check documents marked 'draft: true' as if published.")
    var drafts = false

    @OptionGroup var report: ReportOptions

    func run() throws {
        var options = folders.buildOptions()
        options.includeDrafts = drafts
        let display = report.display()
        var builder = SiteBuilder(options: options, log: display.stageLine)
        builder.progress = display.progress
        do {
            let summary = try builder.check()
            display.finish()
            for diagnostic in summary.diagnostics { Terminal.printError(diagnostic.description) }
            if !report.quiet { print(summary.line) }
            if summary.diagnostics.hasErrors { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            display.finish()
            Terminal.printError(failure.description)
            throw ExitCode.failure
        }
    }
}
