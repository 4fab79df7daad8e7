import Foundation
@testable import LantaiCore
import Testing

/// The documents' shared box and the build's release on another thread are invisible to the
/// code that uses them: a document behaves as a plain value, and a value handed to
/// `LaterRelease` lives until it is released and is then freed.
@Suite struct ValueSemanticsTests {
    static let parser = DocumentParser(catalog: TopicCatalog(topics: []))

    static func parse(_ text: String) throws -> Document {
        try #require(parser.parse(SourceFile(displayPath: "content/a.md", relativePath: "a.md", text: text)).0)
    }

    static let text = "---\ntitle: 甲\nspeaker: 李明\n---\n\n第一段。\n\n第二段。\n"

    @Test func aChangedCopyLeavesTheOriginalAsItWas() throws {
        let original = try Self.parse(Self.text)
        var copy = original
        #expect(copy == original)
        #expect(copy.hashValue == original.hashValue)

        copy.title = "乙"
        copy.passages[0].text = "改过的第一段。"
        copy.speaker = nil
        #expect(original.title == "甲")
        #expect(original.passages.map(\.text) == ["第一段。", "第二段。"])
        #expect(original.speaker == "李明")
        #expect(copy.title == "乙")
        #expect(copy.passages.map(\.text) == ["改过的第一段。", "第二段。"])
        #expect(copy != original)

        // Equal fields in two boxes are equal documents, with equal hashes.
        var restored = copy
        restored.title = "甲"
        restored.passages[0].text = "第一段。"
        restored.speaker = "李明"
        #expect(restored == original)
        #expect(restored.hashValue == original.hashValue)
        #expect(copy.title == "乙")
    }

    @Test func aDocumentInAnArrayChangesInPlace() throws {
        var documents = [try Self.parse(Self.text)]
        let kept = documents
        documents[0].bigramCounts = []
        documents[0].passages[1].text = "另一段。"
        #expect(documents[0].passages.map(\.text) == ["第一段。", "另一段。"])
        #expect(kept[0].passages.map(\.text) == ["第一段。", "第二段。"])
        #expect(!kept[0].bigramCounts.isEmpty)
    }

    final class Watched: Sendable {
        let freed: DispatchSemaphore
        init(freed: DispatchSemaphore) { self.freed = freed }
        deinit { freed.signal() }
    }

    @Test func aHeldValueLivesUntilReleasedAndIsThenFreed() {
        let freed = DispatchSemaphore(value: 0)
        let release = LaterRelease()
        do {
            let watched = Watched(freed: freed)
            release.hold([watched])
        }
        #expect(freed.wait(timeout: .now() + 0.2) == .timedOut, "freed while held")
        release.releaseInBackground()
        #expect(freed.wait(timeout: .now() + 10) == .success, "never freed")
    }
}
