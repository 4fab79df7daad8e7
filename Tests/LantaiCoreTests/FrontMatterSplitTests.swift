@testable import LantaiCore
import Testing

/// Front matter fences: the YAML between them, the body after, and the body's line offset.
@Suite struct FrontMatterSplitTests {
    private func split(_ text: String) -> SplitSource? {
        try? SplitSource.split(SourceFile(displayPath: "a.md", relativePath: "a.md", text: text)).get()
    }

    @Test func theFencesDivideYAMLFromBody() {
        #expect(split("---\ntitle: 甲\n---\n正文\n") == SplitSource(frontMatter: "title: 甲", body: "正文\n", bodyLineOffset: 3))
        #expect(split("---\n---\n正文") == SplitSource(frontMatter: "", body: "正文", bodyLineOffset: 2))
        #expect(split("---\na: 1\nb: 2\n...\n正文") == SplitSource(frontMatter: "a: 1\nb: 2", body: "正文", bodyLineOffset: 4))
    }

    @Test func aClosingFenceMayCarryTrailingSpaceOrEndTheFile() {
        #expect(split("---\na: 1\n--- \t\n") == SplitSource(frontMatter: "a: 1", body: "", bodyLineOffset: 3))
        #expect(split("---\na: 中文\n---") == SplitSource(frontMatter: "a: 中文", body: "", bodyLineOffset: 3))
        #expect(split("---\na: 1\n ---\nx")?.body == nil, "an indented fence does not close")
    }

    @Test func withoutAnOpeningFenceTheWholeTextIsBody() {
        #expect(split("正文\n---\n") == SplitSource(frontMatter: nil, body: "正文\n---\n", bodyLineOffset: 0))
    }

    @Test func anUnclosedFrontMatterIsAnError() {
        for text in ["---", "---\n", "---\na: 1\n", "---\na: 1\n----\n"] {
            #expect(split(text) == nil, "\(text)")
        }
    }
}
