import Foundation
import LantaiCore
import LantaiServer
import Testing

/// The parts of `lantai serve` that need no network: which file a path serves, what an open
/// page is told, what the watcher sees. Tests/e2e/serve.test.mjs runs the real server.
@Suite struct PreviewServerTests {
    static func makeOutput() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-serve-\(UUID().uuidString)")
        let output = root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("topics"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("topics".utf8).write(to: output.appendingPathComponent("topics/index.html"))
        try Data("图".utf8).write(to: output.appendingPathComponent("topics/图表.svg"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("link.txt").path, withDestinationPath: "../secret.txt")
        return output
    }

    @Test func pathsMapToFilesInsideTheOutputOnly() throws {
        let output = try Self.makeOutput()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let files = OutputFiles(root: output)
        let real = output.resolvingSymlinksInPath().path
        #expect(files.lookup("/") == .file(path: real + "/index.html", contentType: "text/html; charset=utf-8"))
        #expect(files.lookup("/topics/") == .file(path: real + "/topics/index.html", contentType: "text/html; charset=utf-8"))
        #expect(files.lookup("/topics") == .file(path: real + "/topics/index.html", contentType: "text/html; charset=utf-8"))
        #expect(files.lookup("/topics/%E5%9B%BE%E8%A1%A8.svg") == .file(path: real + "/topics/图表.svg", contentType: "image/svg+xml"))
        #expect(files.lookup("/missing.html") == .notFound)
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/topics/..%2F..%2Fsecret.txt", "/a%00.html", "/..\\secret.txt", "/link.txt", "/%zz"] {
            #expect(files.lookup(path) == .refused, "\(path)")
        }
    }

    @Test func theReloadScriptGoesBeforeTheLastBodyEnd() {
        let page = "<html><body><pre>&lt;/body&gt; </body></pre></body></html>"
        #expect(LiveReload.inject(into: page, version: 7)
            == "<html><body><pre>&lt;/body&gt; </body></pre><script src=\"/__lantai/live.js\" data-version=\"7\"></script></body></html>")
        #expect(LiveReload.inject(into: "片段", version: 1).hasPrefix("片段<script "))
    }

    @Test func aFailureIsSentLineByLine() {
        let event = BuildEvent.failed(version: 3, message: "a.md:1:1: error: x\nbuild failed: 1 error")
        #expect(event.serverSentEvent == "event: failure\ndata: a.md:1:1: error: x\ndata: build failed: 1 error\n\n")
        #expect(BuildEvent.built(version: 4).serverSentEvent == "event: reload\ndata: 4\n\n")
    }

    @Test func aPageHearsOfABuildNewerThanItself() async {
        let events = ReloadEvents()
        await events.publish(.built(version: 2))
        var iterator = await events.subscribe(since: 1).makeAsyncIterator()
        #expect(await iterator.next() == .built(version: 2))
        var current = await events.subscribe(since: 2).makeAsyncIterator()
        await events.publish(.failed(version: 2, message: "broken"))
        #expect(await current.next() == .failed(version: 2, message: "broken"))
    }

    @Test func theSnapshotSeesAddedChangedAndRemovedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let kept = folder.appendingPathComponent("kept.md")
        let edited = folder.appendingPathComponent("sub/edited.md")
        let removed = folder.appendingPathComponent("removed.md")
        for file in [kept, edited, removed] { try Data("一".utf8).write(to: file) }
        let before = FolderSnapshot(folders: [folder])
        #expect(FolderSnapshot(folders: [folder]) == before)
        try Data("一二".utf8).write(to: edited)
        try FileManager.default.removeItem(at: removed)
        let added = folder.appendingPathComponent("added.md")
        try Data("三".utf8).write(to: added)
        let base = folder.resolvingSymlinksInPath().path
        #expect(FolderSnapshot(folders: [folder]).changes(since: before) == [base + "/added.md", base + "/removed.md", base + "/sub/edited.md"])

        // A link to a file counts as the file; a link to a folder is not followed (this one would loop).
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias.md").path, withDestinationPath: kept.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: folder.path)
        #expect(FolderSnapshot(folders: [folder]).files.keys.sorted() == [base + "/added.md", base + "/alias.md", base + "/kept.md", base + "/sub/edited.md"])
    }
}
