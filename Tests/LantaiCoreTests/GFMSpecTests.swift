import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// Every example of the GFM spec through our pipeline (front matter, parse, anchors, links,
/// render), compared with cmark-gfm's own HTML renderer called through the C library.
@Suite struct GFMSpecTests {
    /// Examples whose body differs from cmark-gfm's on purpose, with the reason. The test fails
    /// when one of them comes to agree (take it off the list) as much as when another differs.
    static let differences: [Int: String] = [
        598: "`[[foo]]` is Lantai's wiki link; no document is titled 'foo', so the text stays without a link (a build reports it as an error)",
        604: "irc: is not in site.yml's link_schemes (default http, https, mailto, ftp, tel): shown as text, with a warning",
        606: "a+b+c: is not in link_schemes: shown as text, with a warning",
        607: "made-up-scheme: is not in link_schemes: shown as text, with a warning",
        609: "localhost: is not in link_schemes: shown as text, with a warning",
    ]

    struct Rendered {
        var example: GFMSpec.Example
        var ours: String
        var cmark: String
        var rawHTML: [String]
    }

    /// Each example is a document of one site, `spec/example-N.md` with a title in its front
    /// matter; every relative file its links name exists in the site, as in a site that works.
    static func render(_ examples: [GFMSpec.Example]) -> [Rendered] {
        let parser = DocumentParser(catalog: TopicCatalog(topics: []))
        let documents = examples.map { example in
            let text = "---\ntitle: 示例 \(example.number)\n---\n" + example.markdown
            return parser.parse(SourceFile(displayPath: "content/spec/example-\(example.number).md",
                                           relativePath: "spec/example-\(example.number).md", text: text)).0
        }
        let parsed = documents.compactMap { $0 }
        var files: Set<String> = []
        let probe = LinkResolver(pageOfSource: [:], staticFiles: [], documents: parsed)
        for document in parsed {
            for destination in document.body.linkDestinations {
                if case .broken = probe.target(for: destination, in: document),
                   let path = SitePath.resolve(destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].removingPercentEncoding ?? destination,
                                               inDirectoryOf: document.sourcePath), !destination.hasPrefix("[[") {
                    files.insert(path)
                }
            }
        }
        let resolver = LinkResolver(pageOfSource: Dictionary(parsed.map { ($0.sourcePath, $0.pagePath) }, uniquingKeysWith: { a, _ in a }),
                                    staticFiles: files, documents: parsed)
        return zip(examples, documents).map { example, document in
            guard let document else { return Rendered(example: example, ours: "(no document)", cmark: "", rawHTML: []) }
            var renderer = HTMLRenderer { destination, _ in resolver.target(for: destination, in: document) }
            return Rendered(example: example, ours: renderer.render(document.body), cmark: CMarkReference.html(example.markdown),
                            rawHTML: document.body.rawHTMLLiterals)
        }
    }

    @Test func everyExampleRendersAsCMarkRendersIt() throws {
        let spec = try #require(GFMSpec(), "Debian's cmark-gfm package ships \(GFMSpec.path)")
        #expect(spec.examples.count > 600)
        let rendered = Self.render(spec.examples)
        let plain = rendered.filter { $0.rawHTML.isEmpty }
        var differing: [Int] = []
        for example in plain where ComparableHTML.canonical(example.ours) != ComparableHTML.canonical(example.cmark) {
            differing.append(example.example.number)
            if Self.differences[example.example.number] == nil {
                Issue.record("example \(example.example.number) (\(example.example.section)) differs from cmark-gfm \(ComparableHTML.difference(ComparableHTML.canonical(example.ours), ComparableHTML.canonical(example.cmark)))\n\(example.example.markdown)")
            }
        }
        let agreeing = Set(Self.differences.keys).subtracting(differing).sorted()
        #expect(agreeing.isEmpty, "listed as differing but equal now: \(agreeing)")
        // Raw HTML is never passed through: each piece is in the page as text, escaped, and no
        // element of the input's own survives.
        var rawHTMLMissing = 0
        for example in rendered where !example.rawHTML.isEmpty {
            for literal in example.rawHTML where !example.ours.contains(HTMLEscape.text(literal)) {
                rawHTMLMissing += 1
                Issue.record("example \(example.example.number): raw HTML '\(literal)' is not in the page as text")
            }
            for tag in HTMLTag.all(in: example.ours) where !FuzzChecks.renderedElements.contains(tag.name) {
                Issue.record("example \(example.example.number): an element of the input survives: <\(tag.name)>")
            }
        }
        print("GFM spec (\(GFMSpec.path)): \(spec.examples.count) examples; \(plain.count) without raw HTML: \(plain.count - differing.count) equal to cmark-gfm, \(differing.count) differ as listed; \(rendered.count - plain.count) with raw HTML: \(rawHTMLMissing) pieces missing")
    }
}

extension MarkdownNode {
    /// Every link and image destination, depth first.
    var linkDestinations: [String] {
        var found: [String] = []
        var stack = [self]
        while let node = stack.popLast() {
            switch node.kind {
            case .link(let destination, _), .image(let destination, _): found.append(destination)
            default: break
            }
            stack += node.children
        }
        return found
    }

    /// The literal text of every raw HTML block and inline.
    var rawHTMLLiterals: [String] {
        var found: [String] = []
        var stack = [self]
        while let node = stack.popLast() {
            switch node.kind {
            case .htmlBlock(let literal), .htmlInline(let literal): found.append(literal)
            default: break
            }
            stack += node.children
        }
        return found
    }
}
