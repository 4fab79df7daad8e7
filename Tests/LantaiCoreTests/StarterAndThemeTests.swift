import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// `lantai init` and the theme built into the program.
@Suite struct StarterAndThemeTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lantai-starter-\(UUID().uuidString)")
    }

    @Test func theGeneratedFilesMatchTheirFolders() throws {
        // scripts/embed.py --check fails while BuiltInTheme+Files.swift or StarterSite+Files.swift
        // differs from theme/ or starter/.
        try ExternalProgram.run("/usr/bin/env", ["python3", RepositoryPaths.root.appendingPathComponent("scripts/embed.py").path, "--check"])
        let themeFiles = try FileManager.default.subpathsOfDirectory(atPath: RepositoryPaths.theme.path)
            .filter { !$0.hasPrefix(".") && !isFolder(RepositoryPaths.theme.appendingPathComponent($0)) }
        #expect(Set(themeFiles) == Set(BuiltInTheme.files.keys))
        for path in themeFiles {
            #expect(BuiltInTheme.files[path] == (try String(contentsOf: RepositoryPaths.theme.appendingPathComponent(path), encoding: .utf8)), "\(path)")
        }
    }

    func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

    @Test func initWritesAPortalThatBuildsWithTheBuiltInTheme() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try StarterSite.create(in: folder, display: "new").get()
        #expect(written == ["content/guidance/guide.md", "content/site.yml", "content/speeches/2024-01-15-sample-speech.md", "content/topics.yml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["content"], "nothing but the content folder")
        let options = BuildOptions(content: folder.appendingPathComponent("content"), theme: folder.appendingPathComponent("theme"),
                                   output: folder.appendingPathComponent("public"), contentDisplay: "content", themeDisplay: "theme")
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.documents == 2)
        #expect(summary.warnings.count == 0)
        let home = try String(contentsOf: folder.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("<title>办公室文稿知识库</title>") || home.contains("办公室文稿知识库 "))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/static/css/site.css").path))
        // The sample speech carries the default topics' signals: its 服务意识 passage is found.
        let service = try String(contentsOf: folder.appendingPathComponent("public/topics/service.html"), encoding: .utf8)
        #expect(service.contains("在全县办公室工作会议上的讲话（示例）"))
    }

    @Test func initRefusesAFolderWithAnythingInIt() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        guard case .failure(let diagnostic) = StarterSite.create(in: folder, display: "mine") else {
            Issue.record("a folder with a file in it was written into")
            return
        }
        #expect(diagnostic.description.hasPrefix("mine:1:1: error: is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test func aSiteThemeReplacesTheBuiltInOneFileByFile() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\ntitle: 甲\ndate: 2023-01-01\n---\n\n正文。\n",
            "theme/static/css/site.css": "body { color: #123456; }\n",
            "theme/templates/home.mustache": "{{<base}}{{$main}}<p class=\"mine\">自己的首页</p>{{/main}}{{/base}}\n",
        ])
        defer { site.remove() }
        _ = try site.build().get()
        #expect(site.page("static/css/site.css") == "body { color: #123456; }\n")
        #expect(site.page("static/css/print.css") == BuiltInTheme.files["static/css/print.css"], "a file the site lacks comes from the built-in theme")
        #expect(site.page("index.html")?.contains("<p class=\"mine\">自己的首页</p>") == true)
        // The document page's template is the built-in one.
        #expect(site.page("a.html")?.contains("class=\"doc-header\"") == true)
    }

    @Test func aBrokenTemplateOfTheSiteIsReportedWhereItIs() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "# 甲\n",
            "theme/templates/home.mustache": "{{#unclosed}}\n",
        ])
        defer { site.remove() }
        guard case .failure(let failure) = site.build() else { Issue.record("a broken template built"); return }
        #expect(failure.diagnostics.map(\.path) == ["theme/templates/home.mustache"])
    }

    @Test func exportWritesTheBuiltInThemeAndKeepsWhatExists() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("static/css"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("static/css/site.css"))
        let (written, kept, problems) = BuiltInTheme.export(to: folder)
        #expect(problems.count == 0)
        #expect(kept == ["static/css/site.css"])
        #expect(Set(written) == Set(BuiltInTheme.files.keys).subtracting(kept))
        for path in written {
            #expect(try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) == BuiltInTheme.files[path])
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("static/css/site.css"), encoding: .utf8) == "mine\n")
    }
}
