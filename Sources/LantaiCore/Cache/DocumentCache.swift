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
    /// `folder`'s path with a `/` after it, made once (not for each of ten thousand entries).
    private let folderPath: String
    private let codec: DocumentCodec
    /// What every key holds besides the parse's digest: the cache's version and executable.
    private let salt: [String]
    /// What a parse reads besides its file (`DocumentParser.configuration`).
    private let configuration: UInt64
    /// What the texts of the entries read gave when they were read, during this build.
    let textLog = StoredTextLog()

    init(folder: URL, catalog: TopicCatalog, types: [DocumentType], salt: [String]) {
        self.folder = folder
        folderPath = folder.path + "/"
        codec = DocumentCodec(catalog: catalog)
        self.salt = salt
        configuration = DocumentParser.configuration(catalog: catalog, types: types)
    }

    /// The entry name of a file's parse: 16 hex digits, from the parse's digest and the salt.
    func key(of source: SourceFile) -> String {
        key(relativePath: source.relativePath, displayPath: source.displayPath, textHash: source.textHash)
    }

    private func key(relativePath: String, displayPath: String, textHash: UInt64) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(salt)
        fingerprint.add(DocumentParser.digest(relativePath: relativePath, displayPath: displayPath, textHash: textHash, configuration: configuration))
        return fingerprint.digits
    }

    /// What a parse through the cache did: the results in path order, how many came from the
    /// cache, and the hash of each file's text as read or vouched for (by relative path; none
    /// for a vouched-for file that, read after all, held another text).
    struct Parsed {
        var results: [(Document?, [Diagnostic])]
        var reused: Int
        var textHashes: [String: UInt64]
        /// For files whose text changed since the last parse, and files gone since, that parse's
        /// document where its entry is still here, by relative path: what the analysis updates
        /// from. Its head only:
        /// its entry goes with the others no file has now, so its tree and its paragraphs'
        /// texts cannot be read back (`StoredPassageTexts` would report them lost).
        var previous: [String: Document]
    }

    /// Each file's parse: read from the cache where it has it, else parsed and stored. A file
    /// the load did not read (`unread`) is found by the hash of its text; should its entry be
    /// missing or damaged, `read` reads the file after all. `previousTextHashes` are the hashes
    /// of the texts the last parse read (by relative path): a file now read with another text
    /// brings back that parse's document, for at most a tenth of the files.
    func parse(_ sources: [SourceFile], unread: [UnreadSource] = [], read: @escaping @Sendable (UnreadSource) -> Result<SourceFile, Diagnostic>,
               previousTextHashes: [String: UInt64] = [:], with parser: DocumentParser, tick: @escaping @Sendable () -> Void = {}) -> Parsed {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        enum Input: Sendable {
            case read(SourceFile)
            case unread(UnreadSource)
            var relativePath: String {
                switch self {
                case .read(let source): source.relativePath
                case .unread(let source): source.relativePath
                }
            }
            var displayPath: String {
                switch self {
                case .read(let source): source.displayPath
                case .unread(let source): source.displayPath
                }
            }
        }
        let inputs = (sources.map(Input.read) + unread.map(Input.unread)).sorted { $0.relativePath < $1.relativePath }
        let previousBudget = Budget(max(1, inputs.count / 10))
        let results = Parallel.map(inputs) { input -> (result: (Document?, [Diagnostic]), key: String?, reused: Bool, textHash: UInt64?, previous: Document?) in
            defer { tick() }
            var source: SourceFile
            switch input {
            case .read(let read): source = read
            case .unread(let unread):
                let key = key(relativePath: unread.relativePath, displayPath: unread.displayPath, textHash: unread.textHash)
                if let cached = entry(key) { return ((cached.document, cached.diagnostics), key, true, unread.textHash, nil) }
                switch read(unread) {
                case .success(let read): source = read
                case .failure(let diagnostic): return ((nil, [diagnostic]), nil, false, nil, nil)
                }
            }
            let textHash = source.textHash
            // A file read after all stays vouched for only if it still holds the text recorded
            // (its entry was gone, e.g. after a change to the topics): else it changed since it
            // was listed, and its stamp says nothing about this text.
            let vouched: UInt64? = switch input {
            case .read: textHash
            case .unread(let unread): unread.textHash == textHash ? textHash : nil
            }
            let key = key(relativePath: source.relativePath, displayPath: source.displayPath, textHash: textHash)
            if let cached = entry(key) { return ((cached.document, cached.diagnostics), key, true, vouched, nil) }
            let parsed = parser.parse(source)
            // A failed write only costs a parse next time.
            try? BuildCache.writeAtomically(codec.encode(parsed.0, parsed.1), named: key + ".bin", inFolder: folderPath)
            // The entry of the text before, not removed yet (for at most a tenth of the files:
            // an update from them is for a few changes, and their heads cost memory).
            let previous = previousTextHashes[source.relativePath].flatMap { hash in
                hash == textHash || !previousBudget.take() ? nil
                    : entry(self.key(relativePath: source.relativePath, displayPath: source.displayPath, textHash: hash))?.document
            }
            return (parsed, key, false, vouched, previous)
        }
        // Files gone since the last parse: their last entries, read before they are removed.
        var gone: [String: Document] = [:]
        if let sample = inputs.first {
            let displayPrefix = String(sample.displayPath.dropLast(sample.relativePath.count))
            let listed = Set(inputs.map(\.relativePath))
            for (path, hash) in previousTextHashes.sorted(by: { $0.key < $1.key }) where !listed.contains(path) && previousBudget.take() {
                gone[path] = entry(key(relativePath: path, displayPath: displayPrefix + path, textHash: hash))?.document
            }
        }
        removeEntries(except: Set(results.compactMap(\.key)))
        var textHashes: [String: UInt64] = [:]
        for (input, result) in zip(inputs, results) { textHashes[input.relativePath] = result.textHash }
        var previous: [String: Document] = [:]
        for (input, result) in zip(inputs, results) { previous[input.relativePath] = result.previous }
        previous.merge(gone) { current, _ in current }
        return Parsed(results: results.map(\.result), reused: results.filter(\.reused).count, textHashes: textHashes, previous: previous)
    }

    /// The entry of `key`, nil when there is none or it cannot be read back: its head, with the
    /// document's tree and texts left in the file (`MarkdownBody.loaded()` reads the tree for a
    /// page rendered, `StoredPassageTexts` the texts when one is first read).
    private func entry(_ key: String) -> (document: Document?, diagnostics: [Diagnostic])? {
        let path = folderPath + key + ".bin"
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, let prefix = FileBytes.read(descriptor, offset: 0, count: 8),
              let headCount = DocumentCodec.headCount(prefix), headCount <= Int(status.st_size) - 8,
              let head = FileBytes.read(descriptor, offset: 8, count: headCount) else { return nil }
        let treeStart = 8 + headCount
        return codec.decode(head: head) { tree, texts, passages, displayPath in
            let textStart = treeStart + tree.count
            guard Int(status.st_size) == textStart + texts.count else { return nil }
            return (MarkdownBody(storedAt: path, offset: treeStart, count: tree.count, check: tree.check),
                    .stored(StoredPassageTexts(path: path, offset: textStart, span: texts, count: passages, displayPath: displayPath, log: textLog)))
        }
    }

    /// Removes every file of the folder but the entries of `keys`.
    private func removeEntries(except keys: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !(name.hasSuffix(".bin") && keys.contains(String(name.dropLast(4)))) {
            unlink(folderPath + name)
        }
    }
}

/// A count shared by the threads of a parse, taken one at a time until none is left.
private final class Budget: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int

    init(_ count: Int) { remaining = count }

    func take() -> Bool {
        lock.withLock {
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
    }
}
