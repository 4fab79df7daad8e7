import Foundation
import LantaiCore

/// A content tree written inline in a test, built into a temporary folder.
///
/// ```swift
/// let site = try SiteFixture(files: ["content/a.md": "# 标题"])
/// let result = site.build()
/// ```
/// Files are given relative to the fixture's root; the default theme of the repository is used
/// unless the test writes its own `theme/` files.
public struct SiteFixture {
    public let root: URL

    public var content: URL { root.appendingPathComponent("content") }
    public var output: URL { root.appendingPathComponent("public") }
    public var theme: URL

    public init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lantai-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let writesTheme = files.keys.contains { $0.hasPrefix("theme/") }
        theme = writesTheme ? root.appendingPathComponent("theme") : RepositoryPaths.theme
        for (path, text) in files {
            try write(text, to: path)
        }
    }

    /// A fixture whose `content/` is a copy of `folder` (a fixture corpus under Tests/Fixtures).
    public init(copying folder: URL) throws {
        try self.init(files: [:])
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: folder, to: content)
    }

    public func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public var options: BuildOptions {
        BuildOptions(content: content, theme: theme, output: output, contentDisplay: "content", themeDisplay: "theme")
    }

    /// Builds the site; errors come back as the failure's diagnostics.
    public func build(drafts: Bool = false) -> Result<BuildSummary, BuildFailure> {
        var options = options
        options.includeDrafts = drafts
        do {
            return .success(try SiteBuilder(options: options).build())
        } catch let failure as BuildFailure {
            return .failure(failure)
        } catch {
            return .failure(BuildFailure(.error(zh: "意外错误：\(error)", en: "unexpected error: \(error)", in: "build")))
        }
    }

    /// Builds the site expecting it to fail; nil when it succeeded.
    public func failedBuild() -> BuildFailure? {
        guard case .failure(let failure) = build() else { return nil }
        return failure
    }

    /// The search engine over the built site's index (`public/search/`).
    public func searchEngine() throws -> SearchEngine {
        SearchEngine(index: try IndexFiles(folder: output.appendingPathComponent("search")))
    }

    /// The text of an output file, or nil when it does not exist.
    public func page(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file under the output folder with its bytes, to compare whole outputs.
    public func outputSnapshot() -> [String: Data] {
        var snapshot: [String: Data] = [:]
        let base = output.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let path as String in enumerator {
            if let data = FileManager.default.contents(atPath: base + "/" + path) { snapshot[path] = data }
        }
        return snapshot
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Paths inside this repository, found from this source file's location.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let theme = root.appendingPathComponent("theme")
    public static let content = root.appendingPathComponent("content")
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The non-comment lines of a fixture's expectation file.
    public static func expectedLines(_ path: String) throws -> [String] {
        try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }
}
