import ArgumentParser

@main
struct Lantai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lantai",
        abstract: "Build an offline knowledge portal from Markdown speeches and guidance documents.",
        subcommands: [Build.self, Search.self, Import.self])
}
