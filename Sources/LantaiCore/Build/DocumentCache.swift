import Foundation

/// Parses kept on disk from one build to the next, in a folder of the build cache: one file a
/// parse, named by a hash of everything a parse reads (the file's path and text, the topic
/// catalogue) and of the lantai executable that parsed it, so an entry found under a file's
/// name is that file's parse. A build reads the entries of its unchanged files instead of
/// parsing them and removes the entries no file of it has any more.
///
/// An entry that cannot be read back (cut short, damaged) is a miss: the file is parsed again.
struct DocumentCache: Sendable {
    /// Raise when the parser's output changes without the executable changing (never, in a
    /// released build; the executable's identity covers a rebuilt lantai).
    static let version = 6

    let folder: URL
    private let codec: DocumentCodec
    /// What every key holds besides the file: the version, the executable, the catalogue, the
    /// document types (a document naming an unknown one is an error).
    private let salt: [UInt8]

    init(folder: URL, catalog: TopicCatalog, types: [DocumentType]) {
        self.folder = folder
        codec = DocumentCodec(catalog: catalog)
        salt = FingerprintEncoder.bytes(of: [String(Self.version), Self.executableIdentity]) + FingerprintEncoder.bytes(of: catalog)
            + FingerprintEncoder.bytes(of: types.map { $0.name + "\u{1F}" + $0.slug })
    }

    /// The size and modification time of the running executable, or "" where they cannot be read.
    static let executableIdentity: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()

    /// The entry name of a file's parse: 16 hex digits.
    func key(of source: SourceFile) -> String {
        var bytes = salt
        bytes += FingerprintEncoder.bytes(of: [source.relativePath, source.displayPath, source.text])
        let digits = String(ContentHash.of(bytes), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Each source's parse: read from the cache where it has it, else parsed and stored. Returns
    /// the parses in the order of `sources` and how many came from the cache.
    func parse(_ sources: [SourceFile], with parser: DocumentParser,
               tick: @escaping @Sendable () -> Void = {}) -> (results: [(Document?, [Diagnostic])], reused: Int) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let results = Parallel.map(sources) { source -> (result: (Document?, [Diagnostic]), key: String, reused: Bool) in
            defer { tick() }
            let key = key(of: source)
            let url = folder.appendingPathComponent(key + ".bin")
            if let data = FileManager.default.contents(atPath: url.path), let cached = codec.decode([UInt8](data)) {
                return ((cached.document, cached.diagnostics), key, true)
            }
            let parsed = parser.parse(source)
            store(codec.encode(parsed.0, parsed.1), at: url)
            return (parsed, key, false)
        }
        removeEntries(except: Set(results.map(\.key)))
        return (results.map(\.result), results.filter(\.reused).count)
    }

    /// Writes an entry through a temporary file and a rename, so that no reader sees half of it.
    /// A failure only costs a parse next time.
    private func store(_ bytes: [UInt8], at url: URL) {
        let temporary = url.lastPathComponent + ".tmp"
        guard (try? OutputWriter.write(bytes, to: temporary, in: folder)) != nil else { return }
        let temporaryPath = folder.appendingPathComponent(temporary).path
        if rename(temporaryPath, url.path) != 0 { unlink(temporaryPath) }
    }

    /// Removes every file of the folder but the entries of `keys`.
    private func removeEntries(except keys: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !(name.hasSuffix(".bin") && keys.contains(String(name.dropLast(4)))) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
