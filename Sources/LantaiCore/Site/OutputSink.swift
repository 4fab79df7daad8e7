import Foundation

/// The staging folder as the stages fill it: each page and search file is written as soon as it
/// is made, from any thread, so no stage holds the whole site in memory. Folders are created the
/// first time a file needs one; failures are collected and end the build before the output changes.
///
/// Every file is hashed into the new manifest. When the sink updates an output a previous build
/// made (`previous` is set), a file whose hash and size match the previous manifest (and whose
/// output copy is still there with that size) is not written at all: the staging folder then
/// holds only the files that changed.
public final class OutputSink: OutputFiles, @unchecked Sendable {
    public let staging: URL
    /// The manifest of the output being updated; nil for a build that writes everything.
    public let previous: OutputManifest?
    /// The output being updated, to check that an unchanged file is still there.
    public let output: URL?
    /// `output`'s path with a `/` after it, made once: `URL.path` parses the URL again on each
    /// call, which was most of checking the 80,000 files a patched search index keeps.
    private let outputFolder: String?
    /// `output` opened, so that each of the files it keeps is looked up from there rather than
    /// from the root (the walk down to the output was half of each lookup); -1 when none.
    private let outputDescriptor: Int32
    /// `staging`'s path with a `/` after it.
    private let stagingFolder: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failures: [String] = []
    private var manifest = OutputManifest()
    private var changed: [String] = []
    private var bytes = 0
    /// Paths written more than once in this build (`OutputCollisions` reports them).
    private var twice: Set<String> = []

    public init(staging: URL, updating output: URL? = nil, previous: OutputManifest? = nil) {
        self.staging = staging
        self.output = output
        self.outputFolder = output.map { $0.path + "/" }
        self.outputDescriptor = output.map { open($0.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } ?? -1
        self.stagingFolder = staging.path + "/"
        self.previous = previous
    }

    deinit {
        if outputDescriptor >= 0 { close(outputDescriptor) }
    }

    /// Writes `contents` at `path` (relative, `/`-separated) inside the staging folder, unless
    /// the output already holds exactly these bytes there.
    public func write(_ contents: some ContiguousBytes, to path: String) {
        let entry = contents.withUnsafeBytes { OutputManifest.Entry(hash: ContentHash.of($0), size: $0.count) }
        let unchanged = previous?.entries[path] == entry && isInOutput(path, size: entry.size)
        if !unchanged {
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            do {
                try makeFolder(folder)
                try OutputWriter.write(contents, to: path, inFolder: stagingFolder)
            } catch {
                lock.withLock { failures.append("\(path): \(error.localizedDescription)") }
                return
            }
        }
        lock.withLock {
            if manifest.entries[path] != nil { twice.insert(path) }
            manifest.entries[path] = entry
            bytes += entry.size
            if !unchanged { changed.append(path) }
        }
    }

    /// Carries the output's file at `path` over as it is, without making it again: true when the
    /// previous manifest lists it and the output still holds a file of that size.
    func keep(_ path: String) -> Bool {
        keep([path])
    }

    /// Carries every file of `paths` over, or none of them when one cannot be (see `keep(_:)`).
    public func keep(_ paths: [String]) -> Bool {
        var entries: [(path: String, entry: OutputManifest.Entry)] = []
        entries.reserveCapacity(paths.count)
        for path in paths {
            guard let entry = previous?.entries[path] else { return false }
            entries.append((path, entry))
        }
        // The files are looked up on every core: a patched search index keeps some 80,000.
        let slices = stride(from: 0, to: entries.count, by: 1024).map { $0..<min($0 + 1024, entries.count) }
        let found = Parallel.map(slices) { [entries] slice in entries[slice].allSatisfy { isInOutput($0.path, size: $0.entry.size) } }
        guard !found.contains(false) else { return false }
        lock.withLock {
            for (path, entry) in entries {
                if manifest.entries[path] != nil { twice.insert(path) }
                manifest.entries[path] = entry
                bytes += entry.size
            }
        }
        return true
    }

    /// The bytes of the output's file at `path` as the previous build wrote them; nil when the
    /// previous manifest does not list it or the file no longer holds what it lists.
    public func previousContents(_ path: String) -> [UInt8]? {
        guard let entry = previous?.entries[path], let outputFolder,
              let bytes = FileBytes.read(outputFolder + path) else { return nil }
        return bytes.count == entry.size && ContentHash.of(bytes) == entry.hash ? bytes : nil
    }

    /// Copies a file (a theme's or the content's static file) into the site at `path`.
    public func copy(_ source: URL, to path: String) throws {
        write(try Data(contentsOf: source), to: path)
    }

    private func isInOutput(_ path: String, size: Int) -> Bool {
        guard outputDescriptor >= 0 else { return false }
        var status = stat()
        return fstatat(outputDescriptor, path, &status, 0) == 0 && (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) == size
    }

    private func makeFolder(_ folder: String) throws {
        let missing = lock.withLock { !folders.contains(folder) }
        guard missing else { return }
        try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        lock.withLock { _ = folders.insert(folder) }
    }

    public var previousPaths: [String]? { previous.map { Array($0.entries.keys) } }

    /// The first failure, if any write failed.
    public var firstFailure: String? { lock.withLock { failures.first } }
    /// Files the site has, written or not.
    public var fileCount: Int { lock.withLock { manifest.entries.count } }
    public var byteCount: Int { lock.withLock { bytes } }
    /// The manifest of everything made so far.
    public var made: OutputManifest { lock.withLock { manifest } }
    /// Paths made more than once, sorted: an error, since whichever came last would win.
    public var writtenTwice: [String] { lock.withLock { twice.sorted() } }
    /// Paths written into the staging folder, in no particular order.
    public var changedPaths: [String] { lock.withLock { changed } }
}
