import ArgumentParser
import Foundation
import LantaiCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new document with its front matter, as a draft.",
        discussion: "Example: lantai new speech \"在全市办公室工作会议上的讲话\"")

    @Argument(help: "A document type of site.yml, by slug or name: speech, 讲话, guidance, …")
    var type: String

    @Argument(help: "The title.")
    var title: String

    @Option(help: "The folder of Markdown documents and site.yml.")
    var content = "content"

    @Option(help: "The folder inside the content folder to write into (default: the type's folder, e.g. speeches).")
    var into: String?

    @Option(help: "The date, YYYY-MM-DD (default: today).")
    var date: String?

    func run() throws {
        let result = try NewDocumentWriter(content: URL(fileURLWithPath: content), contentDisplay: content)
            .write(type: type, title: title, date: date, folder: into)
        switch result {
        case .success(let path):
            print("wrote \(path) (a draft: remove 'draft: true' to publish it)")
        case .failure(let failure):
            Terminal.printError(failure.description)
            throw ExitCode.failure
        }
    }
}
