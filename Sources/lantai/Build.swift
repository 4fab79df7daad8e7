import ArgumentParser
import Foundation
import LantaiCore

/// The folders every command that reads the site shares.
struct SiteFolders: ParsableArguments {
    @Option(help: "The folder of Markdown documents, site.yml and topics.yml.")
    var content = "content"

    @Option(help: "The folder of templates/ and static/.")
    var theme = "theme"

    @Option(help: "Where the site is written; changed only when the build succeeds.")
    var output = "public"

    func buildOptions() -> BuildOptions {
        BuildOptions(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme),
                     output: URL(fileURLWithPath: output), contentDisplay: content, themeDisplay: theme)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the portal from the content folder.")

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Also publish documents marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Print each stage with its time.")
    var verbose = false

    @Flag(help: "Write every file instead of only those whose bytes changed since the last build.")
    var clean = false

    func run() throws {
        var options = folders.buildOptions()
        options.includeDrafts = drafts
        if clean, let cache = options.cache { try? FileManager.default.removeItem(at: cache) }
        let verbose = verbose
        let builder = SiteBuilder(options: options, log: { line in if verbose { Terminal.printLine(line) } })
        do {
            let summary = try builder.build()
            for warning in summary.warnings { Terminal.printError(warning.description) }
            print(summary.line)
        } catch let failure as BuildFailure {
            Terminal.printError(failure.description)
            throw ExitCode.failure
        }
    }
}

enum Terminal {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A line on standard output, flushed at once: a long build's stage lines must show as they
    /// happen, also when the output goes to a file or a pipe (where `print` waits for exit).
    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
