import ArgumentParser
import Foundation
import LantaiCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new portal: content/site.yml, content/topics.yml, a sample speech and the user guide.",
        discussion: "Example: lantai init 我的门户")

    @Argument(help: "The new portal's folder: new, or empty.")
    var folder = "."

    func run() throws {
        switch StarterSite.create(in: URL(fileURLWithPath: folder), display: folder) {
        case .success(let paths):
            paths.forEach { print("wrote \(folder == "." ? $0 : (folder as NSString).appendingPathComponent($0))") }
            let enter = folder == "." ? "" : "cd \(folder) && "
            print("next: \(enter)lantai build, then open public/index.html (or lantai serve)")
        case .failure(let diagnostic):
            Terminal.printError(diagnostic.description)
            throw ExitCode.failure
        }
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme's files to change them; a file the folder holds replaces the built-in one.")

        @Argument(help: "The folder to write into.")
        var folder = "theme"

        func run() throws {
            let (written, kept, problems) = BuiltInTheme.export(to: URL(fileURLWithPath: folder))
            written.forEach { print("wrote \((folder as NSString).appendingPathComponent($0))") }
            kept.forEach { print("kept \((folder as NSString).appendingPathComponent($0)) (exists)") }
            problems.forEach { Terminal.printError($0.description) }
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}
