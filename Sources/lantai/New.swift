import ArgumentParser
import Foundation
import LantaiCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: localized("新建一篇文稿（带好开头的设置，作为草稿）", "Write a new document with its front matter, as a draft."),
        discussion: localized("例如：lantai new 讲话 \"在全市办公室工作会议上的讲话\"", "Example: lantai new speech \"在全市办公室工作会议上的讲话\""))

    @Argument(help: ArgumentHelp(localized("site.yml 里的文稿类型，名称或英文名：讲话、speech、指导意见……", "A document type of site.yml, by slug or name: speech, 讲话, guidance, …")))
    var type: String

    @Argument(help: ArgumentHelp(localized("标题", "The title.")))
    var title: String

    @Option(help: ArgumentHelp(localized("文稿所在的文件夹", "The folder of Markdown documents and site.yml.")))
    var content = "content"

    @Option(help: ArgumentHelp(localized("写到文稿文件夹里的哪个子文件夹（默认按类型，例如 speeches）", "The folder inside the content folder to write into (default: the type's folder, e.g. speeches).")))
    var into: String?

    @Option(help: ArgumentHelp(localized("日期，年-月-日（默认今天）", "The date, YYYY-MM-DD (default: today).")))
    var date: String?

    @OptionGroup var lang: LanguageOption

    func run() throws {
        let result: Result<String, BuildFailure>
        do {
            result = try NewDocumentWriter(content: URL(fileURLWithPath: content), contentDisplay: content)
                .write(type: type, title: title, date: date, folder: into)
        } catch let failure as BuildFailure {
            result = .failure(failure)
        }
        switch result {
        case .success(let path):
            print(lang.say("写入 \(path)（这是草稿：删掉 draft: true 这一行后才会发布）", "wrote \(path) (a draft: remove 'draft: true' to publish it)"))
        case .failure(let failure):
            Terminal.print(failure.diagnostics, lang.language)
            throw ExitCode.failure
        }
    }
}
