import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// A page is carried over from the last build when its inputs' fingerprint is unchanged, so a field
/// a view leaves out of its fingerprint would leave pages stale without any error. Each type states
/// its fields by hand; these tests hold every planned page's view and inputs against the fields
/// `Mirror` finds in them, in order, and check that the words keep values apart.
@Suite struct FingerprintTests {
    @Test func everyViewAndInputTakesEveryFieldItStores() throws {
        var values: [any Fingerprinted] = []
        for pages in [try Self.pages(of: RepositoryPaths.content), try Self.pages(ofFixture: PaginationTests.makeSite())] {
            values += pages.map(\.view) + pages.map(\.inputs)
        }
        var seen: Set<String> = []
        for value in values {
            var recording = Fingerprint(recording: true)
            value.fingerprint(into: &recording)
            let stored = Self.storedWords(of: value, types: &seen)
            if recording.trail != stored {
                let taken = recording.trail ?? []
                let first = taken.indices.first { $0 >= stored.count || taken[$0] != stored[$0] } ?? taken.count
                Issue.record("\(type(of: value)) takes other words than it stores from word \(first): \(taken.dropFirst(first).prefix(4)) against \(stored.dropFirst(first).prefix(4))")
            }
        }
        let views = ["LayoutView", "TopicLinkView", "DocumentItemView", "OutlineItemView", "HomePageView", "DocumentPageView",
                     "TopicsPageView", "TopicPageView", "TopicDocumentView", "RelatedItemView", "PassageLinkView", "HeadingLinkView",
                     "DocumentTopicView", "ArchiveLinkView", "ArchivePageView", "TaxonomyPageView", "ListPageView", "SearchPageView",
                     "PagerView", "OwnParse", "ListedDocuments", "NamedDocument"]
        #expect(Set(views).subtracting(seen).isEmpty, "not checked: \(Set(views).subtracting(seen).sorted())")
    }

    /// Bodies take their notes: a note's every field, through the same check.
    @Test func notesTakeEveryField() {
        let note = SimilarPassageNotes.Note(anchor: "p3", links: [.init(page: "a.html", anchor: "p1", title: "标题", percent: 80)])
        var recording = Fingerprint(recording: true)
        note.fingerprint(into: &recording)
        var seen: Set<String> = []
        #expect(recording.trail == Self.storedWords(of: note, types: &seen))
    }

    @Test func wordsKeepValuesApart() {
        struct Item: Fingerprinted {
            var name: String
            var note: String?
            func fingerprint(into fingerprint: inout Fingerprint) {
                fingerprint.add(name)
                fingerprint.add(note)
            }
        }
        let hash = { (value: any Fingerprinted) in
            var fingerprint = Fingerprint()
            value.fingerprint(into: &fingerprint)
            return fingerprint.hash
        }
        #expect(hash([["a"], ["b"]]) != hash([["a", "b"]]))
        #expect(hash(Item(name: "a", note: nil)) != hash(Item(name: "a", note: "")))
        #expect(hash(Item(name: "ab", note: nil)) != hash(Item(name: "a", note: "b")))
        #expect(hash([Item(name: "a", note: "b")]) == hash([Item(name: "a", note: "b")]))
        #expect(hash([1, 2]) != hash([12]))
        #expect(hash(["abcdefgh", "i"]) != hash(["abcdefghi", ""]))
        #expect(hash("标题") != hash("标 题"))
        #expect(hash(1.5) != hash(1.25))
    }

    static func pages(of content: URL) throws -> [PlannedPage] {
        let tree = try ContentLoader(contentDirectory: content, displayPrefix: "content").load()
        let parser = DocumentParser(catalog: tree.catalog)
        let (corpus, _) = Corpus.analyze(tree.sources.compactMap { parser.parse($0).0 }, config: tree.config, catalog: tree.catalog)
        return PagePlanner(corpus: corpus).plan(bodies: corpus.documents.map { "<p>\($0.title)</p>" })
    }

    static func pages(ofFixture site: SiteFixture) throws -> [PlannedPage] {
        defer { site.remove() }
        return try pages(of: site.content)
    }

    /// The words `Mirror` finds in a value, as `Fingerprint` records them: each plain value, each
    /// collection's count and each optional's presence before what they hold. Adds the names of
    /// the structs passed to `types`.
    static func storedWords(of value: Any, types: inout Set<String>) -> [String] {
        let mirror = Mirror(reflecting: value)
        // An optional first: a cast to String would see through it.
        if mirror.displayStyle == .optional {
            return [mirror.children.isEmpty ? "?0" : "?1"] + mirror.children.flatMap { storedWords(of: $0.value, types: &types) }
        }
        switch value {
        case let text as String: return [text]
        case let number as Int: return [String(number)]
        case let number as UInt64: return [String(number)]
        case let flag as Bool: return [String(flag)]
        case let number as Double: return [String(number)]
        default: break
        }
        var words: [String] = []
        switch mirror.displayStyle {
        case .collection: words.append("[\(mirror.children.count)")
        case .struct: types.insert(String(describing: type(of: value)))
        default: Issue.record("\(type(of: value)) is neither a plain value, a struct, a list nor an optional")
        }
        for child in mirror.children { words += storedWords(of: child.value, types: &types) }
        return words
    }
}
