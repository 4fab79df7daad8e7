import Foundation
import Mustache

/// The theme folder: Mustache templates (`templates/*.mustache`, one per page kind plus the base
/// layout and partials) and static files copied as they are (`static/`).
/// This is the only file that imports Mustache.
public struct Theme: Sendable {
    public static let requiredTemplates = ["base", "home", "document", "topics", "topic", "archive", "list", "search"]

    private let library: MustacheLibrary
    /// A hash of every template's name and text: pages made from the same views with the same
    /// templates are the same.
    let fingerprint: UInt64
    public let staticFiles: [String]
    public let directory: URL

    /// Loads every template, reporting each one that does not parse with its line and column.
    public static func load(from directory: URL, displayPrefix: String) -> Result<Theme, BuildFailure> {
        let templatesDirectory = directory.appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var names: Set<String> = []
        var sources: [UInt8] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let displayPath = "\(displayPrefix)/templates/\(file)"
            guard let data = FileManager.default.contents(atPath: templatesDirectory.appendingPathComponent(file).path) else {
                diagnostics.append(.error("cannot read this template", in: displayPath))
                continue
            }
            switch TextDecoding.utf8(data, path: displayPath) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let text):
                do {
                    library.register(try MustacheTemplate(string: EscapingPragma.line + text), named: name)
                    names.insert(name)
                    sources += FingerprintEncoder.bytes(of: [name, text])
                } catch let error as MustacheTemplate.ParserError {
                    // The pragma line is ours; lines are counted in the file as written.
                    diagnostics.append(.error("template error: \(error.error)", in: displayPath,
                                              at: SourceLocation(line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)))
                } catch {
                    diagnostics.append(.error("template error: \(error)", in: displayPath))
                }
            }
        }
        for name in requiredTemplates where !names.contains(name) && !diagnostics.contains(where: { $0.path.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error("the theme has no template '\(name).mustache'", in: "\(displayPrefix)/templates"))
        }
        if diagnostics.hasErrors { return .failure(BuildFailure(diagnostics: diagnostics)) }
        let staticRoot = directory.appendingPathComponent("static")
        let statics = ContentLoader(contentDirectory: staticRoot, displayPrefix: "").listFiles()
        return .success(Theme(library: library, fingerprint: ContentHash.of(sources), staticFiles: statics, directory: directory))
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

    private init(library: MustacheLibrary, fingerprint: UInt64, staticFiles: [String], directory: URL) {
        self.library = library
        self.fingerprint = fingerprint
        self.staticFiles = staticFiles
        self.directory = directory
    }

    /// Renders one page; nil when the template is missing.
    public func render(_ page: PlannedPage) -> String? {
        library.render(page.view, withTemplate: page.template)
    }
}
