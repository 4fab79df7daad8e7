import ArgumentParser
import LantaiCore

@main
struct Lantai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantai",
        abstract: "Build an offline knowledge portal from Markdown speeches and guidance documents.",
        version: LantaiVersion.current,
        subcommands: [Init.self, Build.self, Serve.self, Check.self, New.self, Search.self, Import.self, ThemeCommand.self])
}
