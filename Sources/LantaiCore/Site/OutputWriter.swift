import Foundation

/// Puts a built site in place. The new files are assembled in a staging folder beside the
/// output, so a build that fails leaves the previous output exactly as it was. A first build
/// writes every file there and exchanges the folder with the output in one rename; a later
/// build stages only the files that changed and moves them into the output under a journal
/// (`PublishJournal`), which the next build completes if this one is killed. Nothing outside
/// the output folder (and the staging folders and journal beside it) is ever deleted.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output
    }

    /// Refuses output folders whose replacement would destroy the user's work.
    public static func checkSafe(output: URL, content: URL, theme: URL, workingDirectory: URL) -> Diagnostic? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let protected: [(String, String)] = [
            (content.standardizedFileURL.resolvingSymlinksInPath().path, "the content folder"),
            (theme.standardizedFileURL.resolvingSymlinksInPath().path, "the theme folder"),
            (workingDirectory.standardizedFileURL.resolvingSymlinksInPath().path, "the current folder"),
            (FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path, "your home folder"),
            ("/", "the root folder"),
        ]
        for (path, name) in protected {
            if out == path || path.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
                return .error(zh: "不能把“\(output.path)”当作输出文件夹：它就是或包含了\(name)，生成时会清空它", en: "refusing to use '\(output.path)' as the output folder: it is or contains \(name)", in: output.path)
            }
        }
        // Inside the content folder, the next build would read the output as content files.
        let contentPath = protected[0].0
        if out.hasPrefix(contentPath + "/") {
            return .error(zh: "不能把“\(output.path)”当作输出文件夹：它在内容文件夹里面", en: "refusing to use '\(output.path)' as the output folder: it is inside the content folder", in: output.path)
        }
        return nil
    }

    /// A new, empty staging folder beside the output. Staging and retired folders that builds
    /// killed before left behind are removed first.
    public func makeStaging() throws -> URL {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // An unfinished publish needs its staging folder: finished first.
        completeUnfinishedPublish()
        for leftover in FolderSwap.leftovers(beside: output) { discard(leftover) }
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        if FileManager.default.fileExists(atPath: staging.path) {
            try FileManager.default.removeItem(at: staging)
        }
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// A sink over a new staging folder. With the manifest of the output in place (`previous`),
    /// the sink stages only what changed; otherwise it stages the whole site.
    public func makeSink(previous: OutputManifest?) throws -> OutputSink {
        let staging = try makeStaging()
        guard let previous, FileManager.default.fileExists(atPath: output.path) else { return OutputSink(staging: staging) }
        return OutputSink(staging: staging, updating: output, previous: previous)
    }

    /// Finishes the publish of a build killed while it moved files, if there is one.
    @discardableResult
    public func completeUnfinishedPublish() -> PublishJournal.Completion {
        PublishJournal.complete(beside: output)
    }

    /// Puts what the sink made in place: when it updates the output, its changed files are
    /// moved in and the files no longer made deleted, under a journal; otherwise its staging
    /// folder replaces the output. `certain` runs once the new output will be in place even if
    /// the process is killed: after the swap, or once the journal is written.
    public func publish(_ sink: OutputSink, certain: () -> Void = {}) throws {
        guard let previous = sink.previous else {
            try publish(sink.staging)
            certain()
            return
        }
        let made = sink.made.entries
        try PublishJournal.publish(staging: sink.staging, into: output, deletions: previous.entries.keys.filter { made[$0] == nil },
                                   moves: sink.changedPaths, journalled: certain)
    }

    /// Writes `contents` at `path` inside `staging`, whose folder exists, and returns its size.
    /// Plain POSIX calls: Foundation's folder checks and file handles cost more than the writing
    /// of tens of thousands of small files.
    @discardableResult
    public static func write(_ contents: some ContiguousBytes, to path: String, in staging: URL) throws -> Int {
        try write(contents, to: path, inFolder: staging.path + "/")
    }

    /// The same in a folder given as its path with a `/` after it (`URL`'s path is worked out
    /// anew on each call, a few microseconds a file over the 90,000 files of a large site).
    @discardableResult
    static func write(_ contents: some ContiguousBytes, to path: String, inFolder folder: String) throws -> Int {
        let descriptor = open(folder + path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXFailure(path: path, code: errno) }
        defer { close(descriptor) }
        return try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXFailure(path: path, code: errno)
                }
                offset += written
            }
            return buffer.count
        }
    }

    /// Replaces the output folder with the complete site in `staging`: one atomic exchange where
    /// the system has it, else two renames (the output is then missing for an instant, but never
    /// half of one site and half of another). The previous site is deleted afterwards;
    /// `retiredFiles`, the files it is known to hold, are unlinked on every core first.
    public func publish(_ staging: URL, retiredFiles: [String] = []) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if FolderSwap.exchange(staging, output) {
            FolderSwap.remove(staging, knownFiles: retiredFiles)
            return
        }
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: retired.path) { try fileManager.removeItem(at: retired) }
        try fileManager.moveItem(at: output, to: retired)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: retired, to: output)
            throw error
        }
        FolderSwap.remove(retired, knownFiles: retiredFiles)
    }

    /// Removes a staging folder after a failed build, or the previous site after a swap.
    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }
}
