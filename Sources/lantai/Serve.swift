import ArgumentParser
import Foundation
import LantaiCore
import LantaiServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the portal, serve it on this machine and rebuild it on every change.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 1313

    @Option(help: "The address to listen on. Loopback unless you mean to share the preview.")
    var host = "127.0.0.1"

    @Flag(help: "Also publish documents marked 'draft: true'.")
    var drafts = false

    func run() async throws {
        var options = folders.buildOptions()
        options.includeDrafts = drafts
        let server = PreviewServer(build: options, host: host, port: port, log: { Terminal.printLine($0) })
        try await server.run()
    }
}
