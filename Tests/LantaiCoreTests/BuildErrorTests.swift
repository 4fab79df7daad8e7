import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Bad input is reported as `path:line:column: error: …`, every problem at once, and a failed
/// build leaves the previous output as it was.
@Suite struct BuildErrorTests {
    // Positions are counted by hand: line 1 is the opening '---'; columns count characters.
    static let badFiles: [String: String] = [
        // 'title' value '[' is on line 2, column 8 ("title: " is seven characters).
        "content/list-title.md": "---\ntitle: [a, b]\n---\n正文\n",
        // 'date' value on line 3, column 7.
        "content/bad-date.md": "---\ntitle: 日期\ndate: 2023-13-45\n---\n正文\n",
        // "topics: [服务意识, 不存在]": 不 is the 16th character of line 2.
        "content/unknown-topic.md": "---\ntopics: [服务意识, 不存在]\n---\n正文\n",
        // 'draft' must be a boolean: value at line 2, column 8.
        "content/bad-draft.md": "---\ndraft: maybe\n---\n正文\n",
        // An unclosed quote opened at line 2, column 8; libyaml stops at the end of the YAML,
        // after "speaker: 某人" (11 characters) on line 3: column 12.
        "content/bad-yaml.md": "---\ntitle: \"未闭合\nspeaker: 某人\n---\n正文\n",
        "content/unclosed.md": "---\ntitle: 没有结束\n正文\n",
        // The link starts at 参(1) 见(2) [(3): column 3 in characters, 7 in bytes; line 5.
        "content/broken-link.md": "---\ntitle: 链接\n---\n\n参见[不存在的文稿](missing.md)。\n",
    ]

    @Test func everyProblemIsReportedWithFileLineAndColumn() throws {
        let site = try SiteFixture(files: Self.badFiles)
        defer { site.remove() }
        let failure = try #require(site.failedBuild(), "the build should fail")
        let lines = failure.diagnostics.map(\.description)
        let expected = [
            "content/bad-date.md:3:7: error: the date 2023-13-45 does not exist (months run from 1 to 12); write it as YYYY-MM-DD, e.g. 2023-05-12",
            "content/bad-draft.md:2:8: error: 'draft' must be true or false, found 'maybe'",
            "content/broken-link.md:5:3: error: broken link 'missing.md': no document at 'missing.md' in the content folder",
            // The quote that is never closed, where it opens.
            "content/bad-yaml.md:2:8: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar that starts at line 2, column 8",
            "content/list-title.md:2:8: error: 'title' must be a text value, not a list",
            "content/unclosed.md:1:1: error: front matter opened with '---' is never closed; add a line '---' after the last key",
            "content/unknown-topic.md:2:16: error: topic '不存在' in 'topics' is not listed in topics.yml; add it there or use one of: 服务意识、参谋作用、督查",
        ]
        for line in expected {
            #expect(lines.contains(line), "missing: \(line)\nall:\n\(lines.joined(separator: "\n"))")
        }
        #expect(failure.diagnostics.count == expected.count)
        #expect(failure.description.hasSuffix("build failed: 7 errors"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try SiteFixture(files: ["content/good.md": "# 好文稿\n\n正文。\n"])
        defer { site.remove() }
        _ = try site.build().get()
        let before = site.outputSnapshot()
        #expect(before["good.html"] != nil)
        try site.write("---\ndate: 昨天\n---\n", to: "content/bad.md")
        try site.write("# 改过的\n", to: "content/good.md")
        #expect(site.failedBuild() != nil, "the build should fail")
        #expect(site.outputSnapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers == [])
    }

    @Test func twoDocumentsCannotShareAPage() throws {
        let site = try SiteFixture(files: [
            "content/a.md": "---\nslug: same\n---\n甲\n",
            "content/b.md": "---\nslug: same\n---\n乙\n",
        ])
        defer { site.remove() }
        let failure = try #require(site.failedBuild(), "the build should fail")
        #expect(failure.diagnostics.map(\.description) == [
            "content/b.md:1:1: error: this document's page 'same.html' is also the page of 'content/a.md'; give one of them another 'slug' in its front matter",
        ])
    }

    @Test func invalidUTF8IsReportedWithItsByteOffset() throws {
        let site = try SiteFixture(files: [:])
        defer { site.remove() }
        // "标题\n" is 7 bytes; 0xB1 0xEA (GB18030 for 标) follows on line 2.
        try site.write(Data("标题\n".utf8) + Data([0xB1, 0xEA]), to: "content/gbk.md")
        let failure = try #require(site.failedBuild(), "the build should fail")
        #expect(failure.diagnostics.map(\.description) == [
            "content/gbk.md:2:1: error: the file is not valid UTF-8 (byte offset 7); save it as UTF-8 or bring it in with 'lantai import', which reads GB18030",
        ])
    }

    @Test func outputFolderMayNotBeTheContentFolder() throws {
        let site = try SiteFixture(files: ["content/a.md": "甲\n"])
        defer { site.remove() }
        var options = site.options
        options.output = site.content
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("a.md").path))
        options.output = site.root
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        options.output = site.content.appendingPathComponent("public")
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        #expect(!FileManager.default.fileExists(atPath: options.output.path))
    }

    /// Checked without building: a broken check here would otherwise delete a home folder.
    @Test func outputFolderMayNotBeAHomeFolderTheRootOrTheTheme() throws {
        let content = URL(fileURLWithPath: "/srv/site/content")
        let theme = URL(fileURLWithPath: "/srv/site/theme")
        let project = URL(fileURLWithPath: "/srv/site")
        func refusal(_ output: String) -> String? {
            OutputWriter.checkSafe(output: URL(fileURLWithPath: output), content: content, theme: theme, workingDirectory: project)?.message
        }
        #expect(refusal(FileManager.default.homeDirectoryForCurrentUser.path)?.contains("home folder") == true)
        #expect(refusal("/")?.contains("is or contains") == true)
        #expect(refusal("/srv")?.contains("is or contains") == true)
        #expect(refusal("/srv/site")?.contains("is or contains") == true)
        #expect(refusal("/srv/site/theme")?.contains("the theme folder") == true)
        #expect(refusal("/srv/site/content/out")?.contains("inside the content folder") == true)
        #expect(refusal("/srv/site/public") == nil)
        #expect(refusal("/srv/site/theme/../public") == nil)
    }

    @Test func aTemplateErrorPointsAtTheTemplate() throws {
        var files = [String: String]()
        for name in Theme.requiredTemplates { files["theme/templates/\(name).mustache"] = "<p>{{layout.siteTitle}}</p>" }
        // The section opened on line 2, column 1 is closed with another name.
        files["theme/templates/topic.mustache"] = "<p>\n{{#name}}\n{{/other}}\n"
        files["content/a.md"] = "甲\n"
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        let failure = try #require(site.failedBuild(), "the build should fail")
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.path == "theme/templates/topic.mustache")
        #expect(diagnostic.line == 3)
    }
}
