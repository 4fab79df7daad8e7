import Foundation

/// Parsed documents kept from one build to the next in a process that builds again and again
/// (`lantai serve`): a file whose text is unchanged, under an unchanged topic catalogue and
/// unchanged document types, is not parsed again. Parsing depends on nothing else (the same
/// inputs as the keys of the build cache's parse entries), so a remembered result is the result.
public final class ParseMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var catalog: TopicCatalog?
    private var types: [DocumentType]?
    private var results: [String: (source: SourceFile, document: Document?, diagnostics: [Diagnostic])] = [:]
    private var reused = 0
    private var previous: [String: Document] = [:]

    public init() {}

    /// Each source's parse, from memory when its text is the one parsed last time. Forgets the
    /// files that are gone.
    func parse(_ sources: [SourceFile], with parser: DocumentParser, tick: @escaping @Sendable () -> Void = {}) -> [(Document?, [Diagnostic])] {
        let known = lock.withLock { () -> [String: (source: SourceFile, document: Document?, diagnostics: [Diagnostic])] in
            if catalog != parser.catalog || types != parser.types {
                catalog = parser.catalog
                types = parser.types
                results = [:]
            }
            return results
        }
        let parsed = Parallel.map(sources) { source -> (result: (Document?, [Diagnostic]), remembered: Bool) in
            defer { tick() }
            if let old = known[source.relativePath], old.source == source { return ((old.document, old.diagnostics), true) }
            return (parser.parse(source), false)
        }
        var fresh: [String: (source: SourceFile, document: Document?, diagnostics: [Diagnostic])] = [:]
        for (source, entry) in zip(sources, parsed) { fresh[source.relativePath] = (source, entry.result.0, entry.result.1) }
        // The last parse of each file parsed again or gone, for the analysis to update from
        // (while they are a tenth of the files at most, as from the build cache).
        var before: [String: Document] = [:]
        for (source, entry) in zip(sources, parsed) where !entry.remembered {
            if let old = known[source.relativePath]?.document { before[source.relativePath] = old }
        }
        for (path, old) in known where fresh[path] == nil {
            if let document = old.document { before[path] = document }
        }
        if before.count > max(1, sources.count / 10) { before = [:] }
        lock.withLock {
            results = fresh
            reused = parsed.filter(\.remembered).count
            previous = before
        }
        return parsed.map(\.result)
    }

    /// How many files the last build took from memory instead of parsing them.
    public var lastReused: Int { lock.withLock { reused } }

    /// The parses before the last build's of the files it parsed again, by relative path
    /// (`DocumentCache.Parsed.previous`).
    var lastPrevious: [String: Document] { lock.withLock { previous } }
}
