import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// The load trusts a file's stamp instead of reading it (`SourceStamps`), never a stamp that
/// could hide a change.
@Suite struct SourceStampsTests {
    static func stamp(modified: Int, changed: Int) -> FileTree.Stamp {
        FileTree.Stamp(size: 10, seconds: modified, nanoseconds: 0, changeSeconds: changed, changeNanoseconds: 0, inode: 1)
    }

    /// A file changed within `settleSeconds` of its listing is recorded without its stamp:
    /// another write within the same tick of a coarse clock could leave its stamp as it is. The
    /// later of the two times counts (a modification time set back does not make a fresh file
    /// settled). The hash of each text read is kept (the analysis updates from the parse of it).
    @Test func onlyFilesSettledBeforeTheListingAreRecorded() {
        let listedAt = 1_000_000
        let stamps = ["old.md": Self.stamp(modified: listedAt - 3, changed: listedAt - 3),
                      "fresh.md": Self.stamp(modified: listedAt - 2, changed: listedAt - 2),
                      "set-back.md": Self.stamp(modified: listedAt - 100, changed: listedAt - 1)]
        let recorded = SourceStamps.recording(stamps: stamps, textHashes: ["old.md": 1, "fresh.md": 2, "set-back.md": 3, "unlisted.md": 4],
                                              listedAt: listedAt)
        #expect(recorded.records == ["old.md": SourceStamps.Record(stamp: stamps["old.md"]!, textHash: 1),
                                     "fresh.md": SourceStamps.Record(stamp: nil, textHash: 2),
                                     "set-back.md": SourceStamps.Record(stamp: nil, textHash: 3)])
    }

    /// Builds through the cache: once the files are settled, a build reads only the file that
    /// changed — also when the change keeps its size and its modification time — and shows the
    /// change; a file changed just before a build is read again by the next one.
    @Test func aBuildReadsOnlyTheFilesWhoseStampChanged() throws {
        var files: [String: String] = [:]
        for number in 1...6 { files["content/notes/note-\(number).md"] = "---\ntitle: 笔记\(number)\ndate: 2024-01-0\(number)\n---\n\n第\(number)篇的正文：督查工作。\n" }
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        var options = site.options
        options.cache = site.root.appendingPathComponent(".lantai-cache")
        let lines = Lines()
        let builder = SiteBuilder(options: options, log: { lines.append($0) })
        func readCount() throws -> Int {
            lines.clear()
            _ = try builder.build()
            let load = try #require(lines.all.first { $0.contains("Markdown files") })
            let match = try #require(load.firstMatch(of: /\((\d+) read\)/))
            return Int(match.1)!
        }
        // Written just now: read, and not yet vouched for.
        #expect(try readCount() == 6)
        #expect(try readCount() == 6)
        Thread.sleep(forTimeInterval: Double(SourceStamps.settleSeconds) + 1.5)
        #expect(try readCount() == 6, "settled now, and recorded")
        #expect(try readCount() == 0)

        // The same number of bytes, and the old modification time put back.
        let edited = site.content.appendingPathComponent("notes/note-3.md")
        var status = stat()
        #expect(stat(edited.path, &status) == 0)
        try site.write(files["content/notes/note-3.md"]!.replacingOccurrences(of: "督查", with: "参谋"), to: "content/notes/note-3.md")
        var times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, edited.path, &times, 0) == 0)
        #expect(try readCount() == 1)
        #expect(site.page("notes/note-3.html")?.contains("参谋工作") == true)
        #expect(try readCount() == 1, "changed just before the last build: read again")
    }
}

/// Log lines collected from a build (on its threads).
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    func clear() { lock.withLock { lines = [] } }
    var all: [String] { lock.withLock { lines } }
}
