import Foundation
@testable import LantaiServer
import Testing

/// A build ends the quick pages of the saves it read, not those of saves made while it ran.
@Suite struct PreviewPagesTests {
    @Test func aBuildRemovesOnlyThePreviewsMadeBeforeItStarted() {
        let pages = PreviewPages()
        pages.add(["/out/a.html": Data("a1".utf8), "/out/b.html": Data("b1".utf8)], number: 1)
        // A save of a.html while the build that started after preview 1 runs.
        pages.add(["/out/a.html": Data("a2".utf8)], number: 2)
        #expect(pages.page(at: "/out/a.html") == Data("a2".utf8))
        pages.remove(through: 1)
        #expect(pages.page(at: "/out/b.html") == nil, "the build read b.html's save")
        #expect(pages.page(at: "/out/a.html") == Data("a2".utf8), "the second save waits for the next build")
        pages.remove(through: 2)
        #expect(pages.page(at: "/out/a.html") == nil)
    }
}
