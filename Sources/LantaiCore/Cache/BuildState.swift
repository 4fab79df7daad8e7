/// What `state.bin` holds (see `BuildCache`): everything a build may reuse that describes the
/// output in place.
struct BuildState: Sendable, Equatable {
    /// Every file of the output, with the hash and size of its bytes.
    var output: OutputManifest
    /// The fingerprint of each page's inputs (and of `data/topics.json`'s).
    var pageInputs: OutputManifest
    /// The search index in the output; nil when the build wrote none to patch.
    var search: SearchIndexState?
    /// The search index's document numbers, which the next build keeps.
    var numbers: DocumentNumbers?

    /// The two manifests (each in one order, for the same bytes from the same state) are
    /// encoded on cores of their own: sorting the output's 92,000 paths alone kept a core busy
    /// at the end of every build of 10,000 documents while the other waited.
    func write(to writer: inout BinaryWriter) {
        let (output, pageInputs) = (self.output, self.pageInputs)
        let manifests = Parallel.map([output, pageInputs]) { manifest in
            var part = BinaryWriter()
            Self.write(manifest, to: &part)
            return part.bytes
        }
        for part in manifests { writer.bytes += part }
        writer.optional(search) { writer, search in
            writer.int(search.shardCount)
            writer.int(search.inlineCharacters)
            writer.int(search.recentStart)
            writer.int(search.recentShardCount)
            writer.array(search.documents) { writer, document in
                writer.optional(document) { writer, document in
                    writer.word(document.fingerprint)
                    writer.int(document.length)
                    writer.int(document.titleEnd)
                    writer.int(document.headingsEnd)
                    writer.array(document.pieces) { $0.int($1) }
                }
            }
        }
        writer.optional(numbers) { writer, numbers in
            writer.int(numbers.count)
            writer.int(numbers.recentStart)
            writer.array(numbers.byPath.keys.sorted()) { writer, path in
                writer.string(path)
                writer.int(numbers.byPath[path]!)
            }
        }
    }

    static func read(from reader: inout BinaryReader) -> BuildState? {
        guard let output = manifest(from: &reader), let pageInputs = manifest(from: &reader),
              let search = reader.optional({ reader -> SearchIndexState? in
                  guard let shardCount = reader.int(), shardCount > 0, let inlineCharacters = reader.int(), inlineCharacters >= 0,
                        let recentStart = reader.int(), recentStart >= 0, let recentShardCount = reader.int(), recentShardCount >= 0,
                        let documents = reader.array({ reader -> SearchIndexState.Document?? in
                            reader.optional { reader -> SearchIndexState.Document? in
                                guard let fingerprint = reader.word(), let length = reader.int(), let titleEnd = reader.int(),
                                      let headingsEnd = reader.int(), let pieces = reader.array({ $0.int() }), !pieces.isEmpty else { return nil }
                                return SearchIndexState.Document(fingerprint: fingerprint, length: length, titleEnd: titleEnd,
                                                                 headingsEnd: headingsEnd, pieces: pieces)
                            }
                        }) else { return nil }
                  return SearchIndexState(shardCount: shardCount, inlineCharacters: inlineCharacters, recentStart: recentStart,
                                          recentShardCount: recentShardCount, documents: documents)
              }),
              let numbers = reader.optional({ reader -> DocumentNumbers? in
                  guard let count = reader.int(), count >= 0, let recentStart = reader.int(), recentStart >= 0, recentStart <= count,
                        let pairs = reader.array({ reader -> (String, Int)? in
                            guard let path = reader.string(), let number = reader.int(), number >= 0, number < count else { return nil }
                            return (path, number)
                        }), Set(pairs.map(\.1)).count == pairs.count else { return nil }
                  return DocumentNumbers(byPath: Dictionary(pairs, uniquingKeysWith: { first, _ in first }), count: count, recentStart: recentStart)
              }) else { return nil }
        return BuildState(output: output, pageInputs: pageInputs, search: search, numbers: numbers)
    }

    /// Paths in one order, so the same state gives the same bytes: by a hash of each path (the
    /// path itself where two hashes meet), since comparing 92,000 paths as strings was two thirds
    /// of writing the state at 10,000 documents and the order means nothing to the reader.
    private static func write(_ manifest: OutputManifest, to writer: inout BinaryWriter) {
        let entries = manifest.entries.map { path, entry in
            var bytes = path
            return (key: bytes.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }, path: path, entry: entry)
        }
        let order = entries.indices.sorted { a, b in
            entries[a].key != entries[b].key ? entries[a].key < entries[b].key : entries[a].path < entries[b].path
        }
        writer.array(order) { writer, index in
            writer.string(entries[index].path)
            writer.word(entries[index].entry.hash)
            writer.int(entries[index].entry.size)
        }
    }

    private static func manifest(from reader: inout BinaryReader) -> OutputManifest? {
        guard let entries = reader.array({ reader -> (String, OutputManifest.Entry)? in
            guard let path = reader.string(), let hash = reader.word(), let size = reader.int(), size >= 0 else { return nil }
            return (path, OutputManifest.Entry(hash: hash, size: size))
        }) else { return nil }
        return OutputManifest(entries: Dictionary(entries, uniquingKeysWith: { first, _ in first }))
    }
}
