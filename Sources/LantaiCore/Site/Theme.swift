import Foundation
import Mustache

/// The theme: Mustache templates (`templates/*.mustache`, one per page kind plus the base layout
/// and partials) and static files copied as they are (`static/`), the built-in theme's files with
/// a site's theme folder's files in their place.
/// This is the only file that imports Mustache.
public struct Theme: Sendable {
    public static let requiredTemplates = ["base", "home", "document", "topics", "topic", "archive", "list", "search"]

    private let library: MustacheLibrary
    /// A hash of every template's name and text: pages made from the same views with the same
    /// templates are the same.
    let fingerprint: UInt64
    /// Paths of the static files under `static/`, sorted.
    public let staticFiles: [String]
    private let staticSources: [String: StaticSource]

    /// Where a static file comes from: the site's theme folder, or the built-in theme.
    enum StaticSource: Sendable {
        case file(URL)
        case builtIn(String)
    }

    /// Loads the built-in theme with the files of `directory` (when it exists) in place of the
    /// built-in ones of the same path, and reports each template that does not parse with its
    /// line and column.
    public static func load(from directory: URL, displayPrefix: String) -> Result<Theme, BuildFailure> {
        var diagnostics: [Diagnostic] = []
        var templates: [String: (displayPath: String, text: String)] = [:]
        var statics: [String: StaticSource] = [:]
        for (path, text) in BuiltInTheme.files {
            if let name = templateName(path) {
                templates[name] = ("\(BuiltInTheme.displayPrefix)/\(path)", text)
            } else if path.hasPrefix("static/") {
                statics[String(path.dropFirst("static/".count))] = .builtIn(text)
            }
        }
        let templatesDirectory = directory.appendingPathComponent("templates")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []
        for file in files.sorted() {
            guard let name = templateName("templates/" + file) else { continue }
            let displayPath = "\(displayPrefix)/templates/\(file)"
            guard let data = FileManager.default.contents(atPath: templatesDirectory.appendingPathComponent(file).path) else {
                diagnostics.append(.error(zh: "读不了这个模板文件", en: "cannot read this template", in: displayPath))
                continue
            }
            switch TextDecoding.utf8(data, path: displayPath) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let text): templates[name] = (displayPath, text)
            }
        }
        var library = MustacheLibrary()
        var sources = Fingerprint()
        for name in templates.keys.sorted() {
            let (displayPath, text) = templates[name]!
            do {
                library.register(try MustacheTemplate(string: EscapingPragma.line + text), named: name)
                sources.add(name)
                sources.add(text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line is ours; lines are counted in the file as written.
                diagnostics.append(.error(zh: "模板写法有误：\(error.error)", en: "template error: \(error.error)", in: displayPath,
                                          at: SourceLocation(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error(zh: "模板写法有误：\(error)", en: "template error: \(error)", in: displayPath))
            }
        }
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics: diagnostics)) }
        let staticRoot = directory.appendingPathComponent("static")
        for path in ContentLoader(contentDirectory: staticRoot, displayPrefix: "").listFiles() {
            statics[path] = .file(staticRoot.appendingPathComponent(path))
        }
        return .success(Theme(library: library, fingerprint: sources.hash, staticSources: statics))
    }

    /// `templates/base.mustache` → `base`.
    private static func templateName(_ path: String) -> String? {
        guard path.hasPrefix("templates/"), path.hasSuffix(".mustache"), !path.dropFirst("templates/".count).contains("/") else { return nil }
        return String(path.dropFirst("templates/".count).dropLast(".mustache".count))
    }

    /// The bytes of a static file, from the theme folder or the built-in theme.
    public func staticContents(_ path: String) throws -> Data {
        switch staticSources[path] {
        case .file(let url)?: try Data(contentsOf: url)
        case .builtIn(let text)?: Data(text.utf8)
        case nil: throw CocoaError(.fileNoSuchFile)
        }
    }

    /// Every template starts with a pragma line that selects our HTML escaping: swift-mustache's own
    /// escapes character by character through a dictionary, which was a tenth of a build on
    /// topic pages that quote thousands of passages. Same characters escaped, same entities.
    enum EscapingPragma {
        static let name = "LANTAI_HTML"
        static let line: String = {
            MustacheContentTypes.register(FastHTML(), named: name)
            return "{{% CONTENT_TYPE: \(name)}}\n"
        }()

        struct FastHTML: MustacheContentType {
            func escapeText(_ text: String) -> String { HTMLEscape.text(text) }
        }
    }

    private init(library: MustacheLibrary, fingerprint: UInt64, staticSources: [String: StaticSource]) {
        self.library = library
        self.fingerprint = fingerprint
        self.staticSources = staticSources
        self.staticFiles = staticSources.keys.sorted()
    }

    /// Renders one page; nil when the template is missing.
    public func render(_ page: PlannedPage) -> String? {
        library.render(page.view, withTemplate: page.template)
    }
}
