import ArgumentParser
import Foundation
import LantaiCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: localized("检查每篇文稿开头的设置、链接和专题，不生成任何文件", "Check front matter, links and topics of every document without writing anything (for a content repository's CI)."))

    @OptionGroup var folders: SiteFolders

    @Flag(help: ArgumentHelp(localized("草稿也按发布的要求检查", "Also check documents marked 'draft: true' as if published.")))
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
            Terminal.print(summary.diagnostics, options.language)
            if !report.quiet { print(summary.line(in: options.language)) }
            if summary.diagnostics.hasErrors { throw ExitCode.failure }
        } catch let failure as BuildFailure {
            display.finish()
            Terminal.print(failure, options.language)
            throw ExitCode.failure
        }
    }
}
