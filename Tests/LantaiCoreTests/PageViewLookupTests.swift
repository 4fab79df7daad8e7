import Foundation
import LantaiCore
import LantaiTestSupport
import Mustache
import Testing

/// The views answer the templates by name (`MustacheParent`) instead of through `Mirror`; a field
/// missing from a view's lookup would render as empty without any error, so every field is checked
/// to answer its own value, and an empty one to answer a null value (a nil answer would let the
/// template find a field of the same name in an enclosing view).
@Suite struct PageViewLookupTests {
    @Test func everyViewAnswersEveryFieldItStores() throws {
        let tree = try ContentLoader(contentDirectory: RepositoryPaths.content, displayPrefix: "content").load()
        let parser = DocumentParser(catalog: tree.catalog)
        let (corpus, _) = Corpus.analyze(tree.sources.compactMap { parser.parse($0).0 }, config: tree.config, catalog: tree.catalog)
        let pages = PagePlanner(corpus: corpus).plan(bodies: corpus.documents.map { _ in "" })
        let (missing, checked) = Self.missingFields(in: pages.map(\.view))
        #expect(missing.isEmpty, "\(missing.sorted())")
        #expect(checked > 100)
    }

    /// Fields of the views (and the views inside them) that their lookup does not answer with
    /// their own value, and how many fields were checked.
    static func missingFields(in views: [Any]) -> (missing: Set<String>, checked: Int) {
        var checked = 0
        var missing: Set<String> = []
        var pending: [Any] = views
        while let value = pending.popLast() {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .collection || mirror.displayStyle == .optional {
                pending += mirror.children.map(\.value)
                continue
            }
            guard mirror.displayStyle == .struct, String(describing: type(of: value)).hasSuffix("View") else { continue }
            guard let parent = value as? MustacheParent else {
                missing.insert("\(type(of: value)) does not conform to MustacheParent")
                continue
            }
            for case (let label?, let field) in mirror.children {
                if let expected = Self.unwrapped(field) {
                    if String(describing: parent.child(named: label) ?? "nil") != String(describing: expected) {
                        missing.insert("\(type(of: value)).\(label)")
                    }
                } else if (parent.child(named: label) as? MustacheCustomRenderable)?.isNull != true {
                    // An empty field must still answer, or the template finds an outer view's field.
                    missing.insert("\(type(of: value)).\(label) (empty, answers nil)")
                }
                pending.append(field)
                checked += 1
            }
        }
        return (missing, checked)
    }

    /// The value inside an optional, nil for an empty one, any other value as it is.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }
}
