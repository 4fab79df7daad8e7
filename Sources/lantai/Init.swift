import ArgumentParser
import Foundation
import LantaiCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: localized("新建门户：content/site.yml、content/topics.yml、一篇示例讲话和使用指南",
                            "Start a new portal: content/site.yml, content/topics.yml, a sample speech and the user guide."),
        discussion: localized("例如：lantai init 我的门户", "Example: lantai init 我的门户"))

    @Argument(help: ArgumentHelp(localized("新门户的文件夹：新的，或者空的", "The new portal's folder: new, or empty.")))
    var folder = "."

    @OptionGroup var lang: LanguageOption

    func run() throws {
        switch StarterSite.create(in: URL(fileURLWithPath: folder), display: folder) {
        case .success(let paths):
            paths.forEach { print(lang.say("写入 ", "wrote ") + (folder == "." ? $0 : (folder as NSString).appendingPathComponent($0))) }
            let enter = folder == "." ? "" : "cd \(folder) && "
            print(lang.say("下一步：\(enter)lantai build，然后打开 public/index.html（或者运行 lantai serve 预览）",
                           "next: \(enter)lantai build, then open public/index.html (or lantai serve)"))
        case .failure(let diagnostic):
            Terminal.printError(diagnostic.description(in: lang.language))
            throw ExitCode.failure
        }
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: localized("内置外观", "Work with the built-in theme."),
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: localized("把内置外观的文件写出来以便修改；文件夹里有的文件会替换内置的同名文件",
                                "Write the built-in theme's files to change them; a file the folder holds replaces the built-in one."))

        @Argument(help: ArgumentHelp(localized("写到哪个文件夹", "The folder to write into.")))
        var folder = "theme"

        @OptionGroup var lang: LanguageOption

        func run() throws {
            let (written, kept, problems) = BuiltInTheme.export(to: URL(fileURLWithPath: folder))
            written.forEach { print(lang.say("写入 ", "wrote ") + (folder as NSString).appendingPathComponent($0)) }
            kept.forEach { print(lang.say("保留 \((folder as NSString).appendingPathComponent($0))（已经存在）", "kept \((folder as NSString).appendingPathComponent($0)) (exists)")) }
            Terminal.print(problems, lang.language)
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}
