import Foundation

/// The staging folder as the stages fill it: each page and search file is written as soon as it
/// is made, from any thread, so no stage holds the whole site in memory. Folders are created the
/// first time a file needs one; failures are collected and end the build before the swap.
public final class OutputSink: @unchecked Sendable {
    public let staging: URL
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failures: [String] = []
    private var written = 0
    private var bytes = 0

    public init(staging: URL) {
        self.staging = staging
    }

    /// Writes `contents` at `path` (relative, `/`-separated) inside the staging folder.
    public func write(_ contents: some ContiguousBytes, to path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        do {
            try makeFolder(folder)
            let size = try OutputWriter.write(contents, to: path, in: staging)
            lock.withLock {
                written += 1
                bytes += size
            }
        } catch {
            lock.withLock { failures.append("\(path): \(error.localizedDescription)") }
        }
    }

    public func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    private func makeFolder(_ folder: String) throws {
        let missing = lock.withLock { !folders.contains(folder) }
        guard missing else { return }
        try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        lock.withLock { _ = folders.insert(folder) }
    }

    /// The first failure, if any write failed.
    public var firstFailure: String? { lock.withLock { failures.first } }
    public var fileCount: Int { lock.withLock { written } }
    public var byteCount: Int { lock.withLock { bytes } }
}
