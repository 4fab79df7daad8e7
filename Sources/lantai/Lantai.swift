import ArgumentParser
import LantaiCore

@main
struct Lantai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantai",
        abstract: localized("兰台：把讲话稿和指导材料生成可以离线检索的知识库门户", "Build an offline knowledge portal from Markdown speeches and guidance documents."),
        version: LantaiVersion.current,
        subcommands: [Init.self, Build.self, Serve.self, Check.self, New.self, Search.self, Import.self, ThemeCommand.self])
}
