import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// `lantai new` writes a draft that parses cleanly; `lantai check` reports what a build would
/// and writes nothing.
@Suite struct NewAndCheckTests {
    @Test func aNewDocumentParsesWithItsTitleDateAndTypeAsADraft() throws {
        let site = try SiteFixture(files: ["content/speeches/old.md": "# 旧文稿\n\n正文。\n", "content/site.yml": "title: 测试\n"])
        defer { site.remove() }
        let writer = NewDocumentWriter(content: site.content, contentDisplay: "content")
        let title = "在全市办公室工作会议上的讲话：“三服务”"
        let path = try writer.write(type: "speech", title: title, date: "2026-11-23", folder: nil).get()
        #expect(path.hasPrefix("content/speeches/2026-11-23-speech-"))
        let relative = String(path.dropFirst("content/".count))
        let text = try String(contentsOf: site.content.appendingPathComponent(relative), encoding: .utf8)
        let (document, diagnostics) = DocumentParser(catalog: ContentTree.defaultCatalog)
            .parse(SourceFile(displayPath: path, relativePath: relative, text: text))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(document?.title == title)
        #expect(document?.date?.description == "2026-11-23")
        #expect(document?.type == "讲话")
        #expect(document?.draft == true)

        // The same title and date again: the file is there, and stays as it is.
        guard case .failure(let failure) = try writer.write(type: "讲话", title: title, date: "2026-11-23", folder: nil) else {
            Issue.record("a second new document overwrote the first")
            return
        }
        #expect(failure.description.contains("already exists"))
        #expect(try String(contentsOf: site.content.appendingPathComponent(relative), encoding: .utf8) == text)
    }

    @Test func anUnknownTypeNamesTheKnownOnes() throws {
        let site = try SiteFixture(files: ["content/site.yml": "title: 测试\n"])
        defer { site.remove() }
        let result = try NewDocumentWriter(content: site.content, contentDisplay: "content").write(type: "memo", title: "标题", date: nil, folder: nil)
        guard case .failure(let failure) = result else {
            Issue.record("an unknown type was accepted")
            return
        }
        #expect(failure.description.contains("unknown document type 'memo'; site.yml lists: speech (讲话)"))
    }

    @Test func checkReportsWhatABuildWouldAndWritesNothing() throws {
        let site = try SiteFixture(files: [
            "content/good.md": "# 好文稿\n\n见[另一篇](other.md)。\n",
            "content/other.md": "---\ntitle: 另一篇\ndate: 2023-13-45\ntopics: [不存在]\n---\n见[缺失](missing.md#p-1)。\n",
            "content/a/same.md": "---\nslug: same\n---\n# 甲\n",
            "content/a/same-2.md": "---\nslug: same\n---\n# 乙\n",
        ])
        defer { site.remove() }
        let summary = try SiteBuilder(options: site.options).check()
        let messages = summary.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/other.md:3:7: error: the date 2023-13-45 does not exist") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/other.md:4:") && $0.contains("topic '不存在'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/other.md:6:") && $0.contains("broken link 'missing.md#p-1'") }, "\(messages)")
        #expect(messages.contains { $0.contains("is also the page of") }, "\(messages)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        // A build reports the same problems.
        let build = site.failedBuild()
        #expect(Set(build?.diagnostics.map(\.description) ?? []) == Set(messages))
    }

    @Test func checkOfTheRepositoryContentFindsNothing() throws {
        let options = BuildOptions(content: RepositoryPaths.content, theme: RepositoryPaths.theme, output: URL(fileURLWithPath: "/nonexistent"))
        let summary = try SiteBuilder(options: options).check()
        #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics)")
        #expect(summary.line.hasPrefix("checked \(summary.documents) documents: no problems"))
    }
}

@Suite struct BuildProgressTests {
    @Test func theBarFillsWithTheShareDone() {
        let progress = { (done: Int) in BuildProgress(stage: 4, stageCount: 6, name: "render", done: done, total: 8, unit: "pages") }
        #expect(progress(0).line(width: 8) == "[4/6] render ░░░░░░░░ 0/8 pages")
        #expect(progress(3).line(width: 8) == "[4/6] render ███░░░░░ 3/8 pages")
        #expect(progress(8).line(width: 8) == "[4/6] render ████████ 8/8 pages")
    }
}
