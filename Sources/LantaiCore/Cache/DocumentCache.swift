import Foundation

/// Parses kept on disk from one build to the next, in `parses/` of the build cache (made by
/// `BuildCache.parses`): one file a parse, named by a hash of everything a parse reads (the
/// file's path and text, the topic catalogue, the document types) and of the cache's version and
/// executable, so an entry found under a file's name is that file's parse. A build reads the
/// entries of its unchanged files instead of parsing them and removes the entries no file of it
/// has any more.
///
/// An entry that cannot be read back (cut short, damaged) is a miss: the file is parsed again.
struct DocumentCache: Sendable {
    let folder: URL
    private let codec: DocumentCodec
    /// What every key holds besides the parse's digest: the cache's version and executable.
    private let salt: [UInt8]
    /// What a parse reads besides its file (`DocumentParser.configurationBytes`).
    private let configuration: [UInt8]

    init(folder: URL, catalog: TopicCatalog, types: [DocumentType], salt: [String]) {
        self.folder = folder
        codec = DocumentCodec(catalog: catalog)
        self.salt = FingerprintEncoder.bytes(of: salt)
        configuration = DocumentParser.configurationBytes(catalog: catalog, types: types)
    }

    /// The entry name of a file's parse: 16 hex digits, from the parse's digest and the salt.
    func key(of source: SourceFile) -> String {
        var bytes = salt
        withUnsafeBytes(of: DocumentParser.digest(of: source, configuration: configuration).littleEndian) { bytes += $0 }
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
            // A failed write only costs a parse next time.
            try? BuildCache.writeAtomically(codec.encode(parsed.0, parsed.1), to: url)
            return (parsed, key, false)
        }
        removeEntries(except: Set(results.map(\.key)))
        return (results.map(\.result), results.filter(\.reused).count)
    }

    /// Removes every file of the folder but the entries of `keys`.
    private func removeEntries(except keys: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !(name.hasSuffix(".bin") && keys.contains(String(name.dropLast(4)))) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }
}
