import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// The build cache's state: it reads back as written, and anything else (cut short, damaged,
/// another version or executable, removed while the output changed) is no state rather than a
/// wrong one.
@Suite struct BuildCacheTests {
    static let state = BuildState(
        output: OutputManifest(entries: ["index.html": .init(hash: 0x0123_4567_89AB_CDEF, size: 812), "speeches/讲话.html": .init(hash: .max, size: 0)]),
        pageInputs: OutputManifest(entries: ["index.html": .init(hash: 42, size: 9000)]),
        search: SearchIndexState(shardCount: 4, inlineCharacters: 9000, recentStart: 1, recentShardCount: 2, documents: [
            .init(fingerprint: 0x00AB_CDEF_0123_4567, length: 120, titleEnd: 5, headingsEnd: 9, pieces: [0]),
            .init(fingerprint: .max, length: 9000, titleEnd: 3, headingsEnd: 3, pieces: [0, 4100, 8200]),
        ]),
        numbers: DocumentNumbers(byPath: ["speeches/a.md": 0, "speeches/讲话.md": 2], count: 3, recentStart: 2))

    static func temporaryCache() -> BuildCache {
        BuildCache(folder: FileManager.default.temporaryDirectory.appendingPathComponent("lantai-cache-\(UUID().uuidString)"))
    }

    @Test func theStateReadsBackAsWritten() throws {
        let cache = Self.temporaryCache()
        defer { cache.clear() }
        #expect(cache.readState() == nil)
        try cache.writeState(Self.state)
        #expect(cache.readState() == Self.state)
        var withoutSearch = Self.state
        withoutSearch.search = nil
        try cache.writeState(withoutSearch)
        #expect(cache.readState() == withoutSearch)
        cache.removeState()
        #expect(cache.readState() == nil)
        // One atomic write: no temporary file is left beside it.
        try cache.writeState(Self.state)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path) == ["state.bin"])
    }

    /// The state of a publish waits beside the old one: a build that finishes that publish's
    /// journal makes it the state; any other start drops it, keeping the state of the output in
    /// place; a journal that cannot be finished leaves no state.
    @Test func aPendingStateBecomesTheStateOnlyWithItsPublish() throws {
        let cache = Self.temporaryCache()
        defer { cache.clear() }
        var old = Self.state
        old.search = nil
        try cache.writeState(old)
        try cache.writePendingState(Self.state, publish: ".public.staging-7")
        #expect(cache.readState() == old, "pending is not yet the state")

        // Killed before its journal: no publish completes, the old state stays.
        cache.settle(after: .none)
        #expect(cache.readState() == old)
        #expect(!FileManager.default.fileExists(atPath: cache.pendingStateURL.path))

        // Another build's journal completed: not this state's output.
        try cache.writePendingState(Self.state, publish: ".public.staging-7")
        cache.settle(after: .completed(staging: ".public.staging-8"))
        #expect(cache.readState() == old)

        // Its own journal completed: the state of the output now in place.
        try cache.writePendingState(Self.state, publish: ".public.staging-7")
        cache.settle(after: .completed(staging: ".public.staging-7"))
        #expect(cache.readState() == Self.state)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path) == ["state.bin"])

        // Committed by the publish itself, then the journal finished by the next build.
        try cache.writePendingState(old, publish: ".public.staging-9")
        cache.commitPendingState()
        cache.settle(after: .completed(staging: ".public.staging-9"))
        #expect(cache.readState() == old)

        // A journal that could not be finished: the output is neither build's.
        try cache.writePendingState(Self.state, publish: ".public.staging-10")
        cache.settle(after: .incomplete)
        #expect(cache.readState() == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path) == [])
    }

    @Test func aDamagedOrForeignStateIsNoState() throws {
        let cache = Self.temporaryCache()
        defer { cache.clear() }
        try cache.writeState(Self.state)
        let bytes = [UInt8](try Data(contentsOf: cache.stateURL))
        let header = Array(BuildCache.header.utf8)
        #expect(bytes.starts(with: header))
        let foreign = Array("lantai build cache \(BuildCache.version) 1 2.3\n".utf8) + bytes[header.count...]
        let older = Array("lantai build cache \(BuildCache.version - 1) \(BuildCache.executableIdentity)\n".utf8) + bytes[header.count...]
        for damaged in [Array(bytes.dropLast()), bytes + [0], foreign, older, Array(bytes.prefix(header.count))] {
            try Data(damaged).write(to: cache.stateURL)
            #expect(cache.readState() == nil)
        }
        // Flipped bytes read as some state or as none; never a trap.
        var random = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            var damaged = bytes
            let index = header.count + Int(random.next() % UInt64(bytes.count - header.count))
            damaged[index] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            try Data(damaged).write(to: cache.stateURL)
            _ = cache.readState()
        }
    }

    /// A build leaves exactly the state, the parses, the files' stamps and the pair measures in
    /// the cache, and its state lists the output as it is.
    @Test func aBuildLeavesAStateThatDescribesItsOutput() throws {
        let site = try SiteFixture(files: ["content/a.md": "---\ntitle: 甲\ndate: 2023-05-12\n---\n\n正文。\n"])
        defer { site.remove() }
        _ = try site.build().get()
        let cache = BuildCache(folder: try #require(site.options.cache))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).sorted() == ["pairs.bin", "parses", "related.bin", "similar.bin", "sources.bin", "state.bin"])
        let state = try #require(cache.readState())
        let files = IncrementalBuildTests.files(under: site.output)
        #expect(Set(state.output.entries.keys) == Set(files.keys))
        for (path, file) in files { #expect(state.output.entries[path]?.size == file.bytes.count, "\(path)") }
        #expect(state.search?.documents.count == 1)
        #expect(state.pageInputs.entries["index.html"] != nil)
    }

    /// The files' stamps read back as written; damaged, cut or foreign ones are none (every
    /// file is then read), and flipped bytes never trap.
    @Test func sourceStampsReadBackAndDamagedOnesAreNone() throws {
        let cache = Self.temporaryCache()
        defer { cache.clear() }
        #expect(cache.readSourceStamps() == nil)
        let stamp = FileTree.Stamp(size: 1234, seconds: 1_700_000_000, nanoseconds: 999_999_999, changeSeconds: 1_700_000_001,
                                   changeNanoseconds: 5, inode: .max)
        let stamps = SourceStamps(records: ["a.md": .init(stamp: stamp, textHash: .max), "子/乙.md": .init(stamp: stamp, textHash: 0)])
        try cache.writeSourceStamps(stamps)
        #expect(cache.readSourceStamps() == stamps)
        let bytes = [UInt8](try Data(contentsOf: cache.sourcesURL))
        let header = Array(BuildCache.header.utf8)
        let foreign = Array("lantai build cache \(BuildCache.version) 1 2.3\n".utf8) + bytes[header.count...]
        for damaged in [Array(bytes.dropLast()), bytes + [0], foreign] {
            try Data(damaged).write(to: cache.sourcesURL)
            #expect(cache.readSourceStamps() == nil)
        }
        var random = SeededGenerator(seed: 8)
        for _ in 0..<1000 {
            var damaged = bytes
            damaged[header.count + Int(random.next() % UInt64(bytes.count - header.count))] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            try Data(damaged).write(to: cache.sourcesURL)
            _ = cache.readSourceStamps()
        }
    }
}
