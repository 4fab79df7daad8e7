import ArgumentParser
import Foundation
import LantaiCore

/// The folders every command that reads the site shares.
struct SiteFolders: ParsableArguments {
    @Option(help: ArgumentHelp(localized("文稿所在的文件夹（放 Markdown 文稿、site.yml 和 topics.yml）", "The folder of Markdown documents, site.yml and topics.yml.")))
    var content = "content"

    @Option(help: ArgumentHelp(localized("自己修改的外观文件所在的文件夹（templates/ 和 static/）；没有时用内置外观", "The folder of templates/ and static/ that replace the built-in theme's.")))
    var theme = "theme"

    @Option(help: ArgumentHelp(localized("生成的门户放在哪里；只有生成成功时才会改动", "Where the site is written; changed only when the build succeeds.")))
    var output = "public"

    @OptionGroup var lang: LanguageOption

    func buildOptions() -> BuildOptions {
        var options = BuildOptions(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme),
                                   output: URL(fileURLWithPath: output), contentDisplay: content, themeDisplay: theme)
        options.language = lang.language
        return options
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: localized("从文稿文件夹生成门户", "Build the portal from the content folder."))

    @OptionGroup var folders: SiteFolders

    @Flag(help: ArgumentHelp(localized("标了 draft: true 的草稿也一起发布", "Also publish documents marked 'draft: true'.")))
    var drafts = false

    @OptionGroup var report: ReportOptions

    @Flag(help: ArgumentHelp(localized("重写每个文件，而不是只写上次生成以来有改动的", "Write every file instead of only those whose bytes changed since the last build.")))
    var clean = false

    func run() throws {
        var options = folders.buildOptions()
        options.includeDrafts = drafts
        if clean, let cache = options.cache { BuildCache(folder: cache).clear() }
        let display = report.display()
        var builder = SiteBuilder(options: options, log: display.stageLine)
        builder.progress = display.progress
        do {
            let summary = try builder.build()
            display.finish()
            Terminal.print(summary.warnings, options.language)
            if !report.quiet { print(summary.line(in: options.language)) }
        } catch let failure as BuildFailure {
            display.finish()
            Terminal.print(failure, options.language)
            throw ExitCode.failure
        }
    }
}

/// How much a long command tells while it runs.
struct ReportOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: ArgumentHelp(localized("只显示问题", "Print only problems.")))
    var quiet = false

    @Flag(name: .shortAndLong, help: ArgumentHelp(localized("显示每一步的数量和用时", "Print each stage with its counts and time, also on a terminal.")))
    var verbose = false

    /// On a terminal: a progress bar redrawn in place, stage lines with --verbose. Without one
    /// (a pipe, a CI log): plain stage lines. --quiet: neither.
    func display() -> ProgressDisplay {
        ProgressDisplay(showsBar: !quiet && Terminal.isTerminal, showsStages: !quiet && (verbose || !Terminal.isTerminal))
    }
}

struct ProgressDisplay: Sendable {
    var showsBar: Bool
    var showsStages: Bool

    var stageLine: @Sendable (String) -> Void {
        let (bar, stages) = (showsBar, showsStages)
        return { line in
            if bar { Terminal.clearLine() }
            if stages { Terminal.printLine(line) }
        }
    }

    var progress: (@Sendable (BuildProgress) -> Void)? {
        guard showsBar else { return nil }
        return { (progress: BuildProgress) in Terminal.redraw(progress.line()) }
    }

    func finish() {
        if showsBar { Terminal.clearLine() }
    }
}

enum Terminal {
    static let isTerminal = isatty(1) != 0

    /// Replaces the current line of the terminal (no newline).
    static func redraw(_ text: String) {
        FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    static func clearLine() {
        FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A line on standard output, flushed at once: a long build's stage lines must show as they
    /// happen, also when the output goes to a file or a pipe (where `print` waits for exit).
    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
