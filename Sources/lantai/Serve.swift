import ArgumentParser
import Foundation
import LantaiCore
import LantaiServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: localized("生成门户并在本机预览，文稿一改就重新生成", "Build the portal, serve it on this machine and rebuild it on every change."))

    @OptionGroup var folders: SiteFolders

    @Option(help: ArgumentHelp(localized("端口；0 表示自动找一个空闲的", "The port to listen on; 0 picks a free one.")))
    var port = 1313

    @Option(help: ArgumentHelp(localized("监听的地址；默认只有本机能打开", "The address to listen on. Loopback unless you mean to share the preview.")))
    var host = "127.0.0.1"

    @Flag(help: ArgumentHelp(localized("草稿也一起预览", "Also publish documents marked 'draft: true'.")))
    var drafts = false

    func run() async throws {
        var options = folders.buildOptions()
        options.includeDrafts = drafts
        let server = PreviewServer(build: options, host: host, port: port, log: { Terminal.printLine($0) })
        try await server.run()
    }
}
