import Foundation

/// Puts a built site in place. A first build writes everything into a fresh folder beside the
/// output, which then replaces the output in two renames; a later build stages only the files
/// that changed and moves them in. A build that fails leaves the previous output exactly as it
/// was, and nothing outside the output folder is ever deleted.
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
                return .error("refusing to use '\(output.path)' as the output folder: it is or contains \(name)", in: output.path)
            }
        }
        // Inside the content folder, the next build would read the output as content files.
        let contentPath = protected[0].0
        if out.hasPrefix(contentPath + "/") {
            return .error("refusing to use '\(output.path)' as the output folder: it is inside the content folder", in: output.path)
        }
        return nil
    }

    /// A new, empty staging folder beside the output.
    public func makeStaging() throws -> URL {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        if FileManager.default.fileExists(atPath: staging.path) {
            try FileManager.default.removeItem(at: staging)
        }
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return staging
    }

    /// Where the cache keeps the manifest of the output.
    public static func manifestURL(in cache: URL) -> URL {
        cache.appendingPathComponent("output-manifest.txt")
    }

    /// A sink over a new staging folder. When the output exists and the cache holds its
    /// manifest, the sink stages only what changed; otherwise it stages the whole site.
    public func makeSink(cache: URL?) throws -> OutputSink {
        let staging = try makeStaging()
        guard let cache, FileManager.default.fileExists(atPath: output.path),
              let previous = OutputManifest.read(from: Self.manifestURL(in: cache)) else {
            return OutputSink(staging: staging)
        }
        return OutputSink(staging: staging, updating: output, previous: previous)
    }

    /// Puts what the sink made in place and records its manifest in the cache. The old manifest
    /// is removed first: a build killed while files move leaves none, and the next build writes
    /// everything. A manifest that cannot be written only costs the next build that too.
    public func publish(_ sink: OutputSink, cache: URL?) throws {
        let manifestURL = cache.map(Self.manifestURL)
        if let manifestURL, FileManager.default.fileExists(atPath: manifestURL.path) {
            try FileManager.default.removeItem(at: manifestURL)
        }
        let made = sink.made
        if let previous = sink.previous {
            let stale = previous.entries.keys.filter { made.entries[$0] == nil }
            try update(from: sink.staging, changed: sink.changedPaths, stale: stale)
        } else {
            try publish(sink.staging)
        }
        if let manifestURL { try? made.write(to: manifestURL) }
    }

    /// Writes `contents` at `path` inside `staging`, whose folder exists, and returns its size.
    /// Plain POSIX calls: Foundation's folder checks and file handles cost more than the writing
    /// of tens of thousands of small files.
    @discardableResult
    public static func write(_ contents: some ContiguousBytes, to path: String, in staging: URL) throws -> Int {
        let file = staging.appendingPathComponent(path).path
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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

    /// Replaces the output folder with the staging folder.
    public func publish(_ staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
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
        try? fileManager.removeItem(at: retired)
    }

    /// Updates the output in place: moves the files of `changed` from the staging folder into
    /// it and deletes `stale` files (with folders they leave empty). The caller removes the
    /// manifest first, so a build killed half-way here makes the next build write everything.
    public func update(from staging: URL, changed: [String], stale: [String]) throws {
        var folders: Set<String> = []
        for path in changed {
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            if !folder.isEmpty, folders.insert(folder).inserted {
                try FileManager.default.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            if rename(staging.path + "/" + path, output.path + "/" + path) != 0 {
                throw POSIXFailure(path: path, code: errno)
            }
        }
        for path in stale {
            if unlink(output.path + "/" + path) != 0, errno != ENOENT { throw POSIXFailure(path: path, code: errno) }
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if rmdir(output.path + "/" + folder) != 0 { break }
            }
        }
        discard(staging)
    }

    /// Removes a staging folder after a failed build.
    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// A failed system call on an output file.
struct POSIXFailure: Error, LocalizedError {
    var path: String
    var code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
}
