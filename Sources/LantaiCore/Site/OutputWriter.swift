import Foundation

/// Writes a whole site atomically: everything goes into a fresh folder beside the output, which
/// then replaces the output in two renames. A build that fails or is killed leaves the previous
/// output exactly as it was, and nothing outside the output folder is ever deleted.
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

    /// Copies a file into the staging folder at `path`.
    public static func copy(_ source: URL, to path: String, in staging: URL) throws {
        let url = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: url)
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
