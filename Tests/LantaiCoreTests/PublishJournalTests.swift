import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// The publish journal on its own: it reads back, and finishing it does what the interrupted
/// publish had left (the kill test in Tests/js/publish-journal.test.mjs kills real builds).
@Suite struct PublishJournalTests {
    @Test func aJournalReadsBackAndRefusesDamage() {
        let journal = PublishJournal(staging: ".public.staging-42", deletions: ["old.html", "a b/旧.html"], moves: ["index.html", "speeches/讲话.html"])
        #expect(PublishJournal.decode(journal.encoded()) == journal)
        #expect(PublishJournal.decode(PublishJournal(staging: "s", deletions: [], moves: []).encoded()) == PublishJournal(staging: "s", deletions: [], moves: []))
        // A line break or a % in a file name (a static file may have any name) reads back.
        let awkward = PublishJournal(staging: "s", deletions: ["100%0A.txt"], moves: ["two\nlines.txt", "%25"])
        #expect(PublishJournal.decode(awkward.encoded()) == awkward)
        let bytes = journal.encoded()
        #expect(PublishJournal.decode(Array(bytes.dropLast())) == nil, "cut short")
        #expect(PublishJournal.decode(Array(bytes.dropFirst(3))) == nil, "no header")
    }

    @Test func finishingAJournalMovesWhatIsLeftAndDeletes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let staging = root.appendingPathComponent(".public.staging-1")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("gone"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("speeches"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("gone/page.html"))
        try Data("moved before the kill".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("new".utf8).write(to: staging.appendingPathComponent("speeches/讲话.html"))
        let journal = PublishJournal(staging: staging.lastPathComponent, deletions: ["gone/page.html"], moves: ["index.html", "speeches/讲话.html"])
        try Data(journal.encoded()).write(to: PublishJournal.url(beside: output))

        #expect(PublishJournal.complete(beside: output) == .completed(staging: ".public.staging-1"))
        #expect(try String(contentsOf: output.appendingPathComponent("speeches/讲话.html"), encoding: .utf8) == "new")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "moved before the kill")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("gone").path), "the emptied folder goes too")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"], "journal and staging folder removed")
        #expect(PublishJournal.complete(beside: output) == .none)

        // Its staged files gone, a journal cannot be finished.
        try Data(journal.encoded()).write(to: PublishJournal.url(beside: output))
        #expect(PublishJournal.complete(beside: output) == .incomplete)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }
}
