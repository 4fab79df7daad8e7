import Foundation
import LantaiCore

/// What the fuzz targets (`make fuzz`) check for each input, and the regression test checks for
/// each input they once found: the problems found, empty when the input was handled well. A
/// crash inside is a finding too.
public enum FuzzChecks {
    static let parser = DocumentParser(catalog: TopicCatalog(topics: [
        Topic(name: "服务意识", slug: "service", signals: [TopicSignal("服务意识", weight: 3)]),
    ]))

    /// Any bytes as a content file, through what the load and parse stages do with it: strict
    /// UTF-8 decoding, front matter splitting, YAML, Markdown, anchors, topics. Every diagnostic
    /// must point inside the file. (A first run found a warning one line past the end of a file
    /// whose front matter closed on its last line; a second, that this check must count a lone
    /// CR as a line break, as the loader and editors do.)
    public static func contentFile(_ bytes: [UInt8]) -> [String] {
        let data = Data(bytes)
        let lines = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        var problems: [String] = []
        switch TextDecoding.utf8(data, path: "fuzz.md") {
        case .failure(let diagnostic):
            if diagnostic.line > lines { problems.append("decoding points past the end: \(diagnostic)") }
        case .success(let text):
            // Lines as an editor counts them: a lone CR ends a line too (SourceFile normalises it).
            let file = SourceFile(displayPath: "fuzz.md", relativePath: "fuzz.md", text: text)
            let editorLines = file.text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let (document, diagnostics) = parser.parse(file)
            problems += diagnostics.filter { $0.line > editorLines }.map { "a diagnostic points past the end: \($0)" }
            if let document {
                if document.title.isEmpty { problems.append("a document without a title") }
                if document.passages.contains(where: { $0.anchor.isEmpty }) { problems.append("a passage without an anchor") }
            } else if !diagnostics.hasErrors {
                problems.append("no document and no error")
            }
        }
        return problems
    }

    /// Any text as a Markdown body, parsed, given anchors and rendered with the site's link
    /// rules. The HTML may hold no markup of the input's own and every anchor is unique.
    public static func markdown(_ bytes: [UInt8]) -> [String] {
        var root = MarkdownParser.parse(String(decoding: bytes, as: UTF8.self))
        var assigner = AnchorAssigner()
        assigner.assign(&root)
        var renderer = HTMLRenderer { destination, _ in
            let lowered = destination.lowercased()
            if lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || lowered.hasPrefix("#") { return .url(destination) }
            return lowered.contains(":") ? .unsafe(allowed: Message(zh: "fuzz", en: "fuzz")) : .broken(reason: Message(zh: "fuzz", en: "fuzz"))
        }
        let html = renderer.render(root)
        var problems: [String] = []
        for tag in HTMLTag.all(in: html) {
            if !renderedElements.contains(tag.name) { problems.append("an element the renderer does not write: <\(tag.name)>") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { problems.append("an event handler: <\(tag.name) \(name)>") }
                if name == "href" || name == "src", value.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("javascript:") {
                    problems.append("a script URL: \(value)")
                }
            }
        }
        let anchors = assigner.passages.map(\.anchor)
        if Set(anchors).count != anchors.count { problems.append("two passages share an anchor") }
        return problems
    }

    /// Any text parsed and rendered on several threads at once, beside a text full of what the
    /// extensions add (so that parsers with different inline work overlap), each result equal
    /// to the one-thread render: cmark-gfm's process-wide state must not leak between parsers.
    public static func parallelParse(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let other = "见 www.example.com/a 和 ~~删~~、https://example.org/b。[^1]\n\n| a | ~b~ |\n| - | - |\n| www.x.cn | c |\n\n[^1]: 注 http://example.net\n"
        let inputs = [text, other, text, other, text, other]
        let oneThread = [render(text), render(other)]
        let results = Parallel.map(inputs, render)
        var problems: [String] = []
        for (index, result) in results.enumerated() where result != oneThread[index % 2] {
            problems.append("thread \(index) rendered \(index % 2 == 0 ? "the input" : "the extension text") differently from one thread")
        }
        return problems
    }

    private static func render(_ text: String) -> String {
        var root = MarkdownParser.parse(text)
        var assigner = AnchorAssigner()
        assigner.assign(&root)
        var renderer = HTMLRenderer { destination, _ in .url(destination) }
        return renderer.render(root)
    }

    /// The elements `HTMLRenderer` writes.
    public static let renderedElements: Set<String> = [
        "p", "a", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "input", "pre", "code", "hr",
        "div", "table", "thead", "tbody", "tr", "th", "td", "br", "em", "strong", "del", "img", "span", "sup", "section",
    ]

    static let importer = Importer()
    static let plainParser = DocumentParser(catalog: TopicCatalog(topics: []))

    /// Any bytes as a file handed to `lantai import`. Every Markdown file the importer writes
    /// must build: its front matter and body parse with no error.
    public static func importedFile(_ bytes: [UInt8]) -> [String] {
        guard case .success(let result) = importer.importFile(bytes, name: "fuzz.txt") else { return [] }
        var problems: [String] = []
        for speech in result.speeches {
            let file = SourceFile(displayPath: speech.fileName, relativePath: speech.fileName, text: speech.markdown)
            let (document, diagnostics) = plainParser.parse(file)
            let errors = diagnostics.filter { $0.severity == .error }
            if document == nil || !errors.isEmpty {
                problems.append("an imported file does not build: \(errors.map(\.description))\n\(speech.markdown)")
            }
        }
        return problems
    }
}
