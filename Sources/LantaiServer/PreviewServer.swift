import Foundation
import Hummingbird
import Logging
import LantaiCore
import NIOCore

/// `lantai serve`: builds the site, serves the output folder on loopback, watches the content and
/// theme folders, rebuilds on every change and tells open pages to reload. A failed build is
/// printed and shown over the page; the last good site keeps being served (the build only
/// changes the output when it succeeds).
public struct PreviewServer: Sendable {
    public var build: BuildOptions
    public var host: String
    public var port: Int
    /// How often the folders are checked for changes.
    public var pollInterval: Duration = .milliseconds(250)
    /// Receives what a terminal shows: the address, each rebuild and its errors.
    public var log: @Sendable (String) -> Void

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 1313, log: @escaping @Sendable (String) -> Void) {
        self.build = build
        self.host = host
        self.port = port
        self.log = log
    }

    /// Builds, then serves until the process is stopped (Ctrl-C).
    public func run() async throws {
        let events = ReloadEvents()
        let files = OutputFiles(root: build.output)
        let previews = PreviewPages()
        let builder = RebuildLoop(builder: SiteBuilder(options: build), events: events, previews: previews, log: log)
        // Watched from before the first build, so that a save during it is seen afterwards.
        let watched = [build.content, build.theme]
        let watcher = FolderWatcher(folders: watched, pollInterval: pollInterval)
        let firstSnapshot = await Blocking.run { FolderSnapshot(folders: watched) }
        await builder.buildFirst()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await Self.respond(to: request, files: files, previews: previews, events: events)
        }
        let log = self.log
        let host = self.host
        let language = build.language
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "lantai"),
            onServerRunning: { channel in
                let address = "http://\(host):\(channel.localAddress?.port ?? 0)/"
                log(Message(zh: "预览地址 \(address)（按 Ctrl-C 结束）", en: "serving \(address) (Ctrl-C stops)").text(language))
            },
            logger: {
                var logger = Logger(label: "lantai.serve")
                logger.logLevel = .warning
                return logger
            }())
        // Ctrl-C starts Hummingbird's graceful shutdown, which waits for open requests: the
        // event streams of open pages end first.
        let stopSignals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await events.close() } }
            source.resume()
            return source
        }
        defer { stopSignals.forEach { $0.cancel() } }
        let interval = pollInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                var snapshot = firstSnapshot
                while !Task.isCancelled {
                    try await watcher.nextLook()
                    var now = await Blocking.run { FolderSnapshot(folders: watched) }
                    guard now != snapshot else { continue }
                    // Editors save in steps: when polling, wait until the folders hold still for
                    // one interval (the watcher already waited for its events to end).
                    while !watcher.notifies {
                        try await Task.sleep(for: interval)
                        let settled = await Blocking.run { FolderSnapshot(folders: watched) }
                        if settled == now { break }
                        now = settled
                    }
                    let changed = now.changes(since: snapshot)
                    snapshot = now
                    await builder.rebuild(changed: changed)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    static func respond(to request: Request, files: OutputFiles, previews: PreviewPages = PreviewPages(), events: ReloadEvents) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == LiveReload.scriptPath {
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        if path == LiveReload.eventsPath {
            let since = request.uri.queryParameters["since"].flatMap { Int(String($0)) } ?? 0
            let stream = await events.subscribe(since: since)
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                try await writer.write(ByteBuffer(string: ": lantai\n\n"))
                                for await event in stream {
                                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                                }
                                try await writer.finish(nil)
                            })
        }
        let version = await events.latest.version
        switch files.lookup(path) {
        case .refused:
            return page(status: .forbidden, text: "不允许访问输出目录以外的路径。", version: version)
        case .notFound:
            return page(status: .notFound, text: "页面不存在：\(HTMLEscape.text(path))", version: version)
        case .file(let file, let contentType):
            guard var data = previews.page(at: file) ?? FileManager.default.contents(atPath: file) else {
                return page(status: .notFound, text: "页面不存在：\(HTMLEscape.text(path))", version: version)
            }
            if contentType.hasPrefix("text/html") {
                data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version).utf8)
            }
            return Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// A small page of our own (not found, refused) that still reloads when the site changes.
    static func page(status: HTTPResponse.Status, text: String, version: Int) -> Response {
        let html = LiveReload.inject(into: "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>\(status.code)</title><body><p>\(text)</p></body></html>", version: version)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Runs builds one at a time and publishes each outcome. A change that only edits published
/// documents first gets their pages rendered quickly (`PagePreview`) and served while the full
/// build runs: open pages reload twice, once for the quick page and once for the whole site.
/// Quick pages do not wait for a running build: a save while one runs is previewed at once, and
/// the changes that come during a build are built together when it ends.
actor RebuildLoop {
    let builder: SiteBuilder
    let events: ReloadEvents
    let previews: PreviewPages
    let log: @Sendable (String) -> Void
    private var version = 0
    private var building = false
    /// A change came while a build ran: another build follows it.
    private var changedDuringBuild = false
    /// Numbers the quick previews; a build ends the ones made before it started.
    private var previewNumber = 0

    init(builder: SiteBuilder, events: ReloadEvents, previews: PreviewPages, log: @escaping @Sendable (String) -> Void) {
        var builder = builder
        builder.memory = ParseMemory()
        builder.preview = PagePreview()
        self.builder = builder
        self.events = events
        self.previews = previews
        self.log = log
    }

    /// The first build, before the server answers.
    func buildFirst() async {
        building = true
        await build()
        building = false
    }

    /// `changed` lists the changed files: their quick pages now, then a full build, after the
    /// running one if there is one. Returns once the quick pages are served.
    func rebuild(changed: [String]) async {
        let folder = FileManager.default.currentDirectoryPath + "/"
        let paths = changed.map { $0.hasPrefix(folder) ? String($0.dropFirst(folder.count)) : $0 }
        let language = builder.options.language
        let shown = paths.prefix(3).joined(separator: language == .zh ? "、" : ", ")
            + (paths.count > 3 ? (language == .zh ? " 等 \(paths.count) 个文件" : " and \(paths.count - 3) more") : "")
        log(Message(zh: "有改动：\(shown)", en: "changed: \(shown)").text(language))
        let previewed = await preview(changed)
        if building {
            changedDuringBuild = true
            return
        }
        building = true
        Task {
            // A build takes every core from its first stage on: open pages fetch the quick page
            // first (at 1k, starting at once delayed the page by 0.4 s).
            if previewed { try? await Task.sleep(for: Self.reloadHeadStart) }
            await self.buildUntilCurrent()
        }
    }

    /// How long the full build waits after quick pages were served.
    static let reloadHeadStart: Duration = .milliseconds(300)

    private func buildUntilCurrent() async {
        repeat {
            changedDuringBuild = false
            await build()
        } while changedDuringBuild
        building = false
    }

    private func build() async {
        let builder = self.builder
        let previewsBefore = previewNumber
        let outcome = await Blocking.run { () -> Result<BuildSummary, BuildFailure> in
            do { return .success(try builder.build()) } catch let failure as BuildFailure {
                return .failure(failure)
            } catch {
                return .failure(BuildFailure(.error(zh: "\(error)", en: "\(error)", in: builder.options.output.path)))
            }
        }
        // Quick pages of saves made while this build ran may be newer than what it read: they
        // stay until the build that follows.
        previews.remove(through: previewsBefore)
        switch outcome {
        case .success(let summary):
            version += 1
            let language = builder.options.language
            for warning in summary.warnings { log(warning.description(in: language)) }
            log(summary.line(in: language))
            await events.publish(.built(version: version))
        case .failure(let failure):
            let language = builder.options.language
            log(failure.description(in: language))
            await events.publish(.failed(version: version, message: failure.description(in: language)))
        }
    }

    /// Serves the quick pages of edited documents, when the change is such an edit; returns
    /// whether it was.
    private func preview(_ changed: [String]) async -> Bool {
        guard let preview = builder.preview else { return false }
        let started = Date()
        guard let pages = await Blocking.run({ preview.pages(forChanged: changed) }), !pages.isEmpty else { return false }
        let root = builder.options.output.standardizedFileURL.resolvingSymlinksInPath().path
        previewNumber += 1
        previews.add(Dictionary(uniqueKeysWithValues: pages.map { (root + "/" + $0.key, Data($0.value.utf8)) }), number: previewNumber)
        version += 1
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        log(Message(zh: "先预览了 \(pages.count) 个页面，用时 \(milliseconds) 毫秒；正在重新生成整个门户",
                    en: "previewed \(pages.count == 1 ? "1 page" : "\(pages.count) pages") in \(milliseconds) ms; building the whole site").text(builder.options.language))
        await events.publish(.built(version: version))
        return true
    }
}

/// Blocking work (a build, a walk over the folders) on a dispatch queue, off the server's threads.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
