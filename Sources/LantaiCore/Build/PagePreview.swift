import Foundation

/// Quick pages for `lantai serve`: when a save only edits documents the last build published,
/// their own pages are rendered again at once against the last build's analysis (related
/// documents, topic rankings, backlinks of the other documents, similar passages), and served
/// while the full build runs. That build redoes everything an edit can reach (topic pages,
/// archives, search, other documents' notes) and replaces the quick pages when it ends.
///
/// A quick page differs from the built one only where the edit changes what is computed over
/// the whole corpus: the related documents of the edited document, and the 类似表述 notes of
/// paragraphs whose text changed (they are left out until the build ends).
public final class PagePreview: @unchecked Sendable {
    /// What the last successful render left: the documents without their Markdown, the links
    /// between them (as backlinks) and what pages are rendered with.
    struct State: Sendable {
        var corpus: Corpus
        /// The render's `PagePlanner.backlinks`.
        var backlinks: [String: [Int]]
        var resolver: LinkResolver
        var theme: Theme
        var parser: DocumentParser
        var content: URL
        var contentDisplay: String
        var includeDrafts: Bool
        /// Content path → index into `corpus.documents`.
        var indexOfSource: [String: Int]
    }

    private let lock = NSLock()
    private var state: State?

    public init() {}

    func remember(_ state: State) {
        lock.withLock { self.state = state }
    }

    /// The pages of the edited documents (output path → HTML), or nil when the change is not an
    /// edit of published documents only: a file added or removed, the configuration, the topic
    /// catalogue or the theme changed, a page would move, a draft flag flipped, or the edited
    /// text has an error (the full build reports it). `changed` holds absolute paths, as
    /// `FolderSnapshot.changes` gives them.
    public func pages(forChanged changed: [String]) -> [String: String]? {
        guard let state = lock.withLock({ state }), !changed.isEmpty else { return nil }
        let root = state.content.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let loader = ContentLoader(contentDirectory: state.content, displayPrefix: state.contentDisplay)
        // The corpus is read, never changed: a copy of its ten thousand documents cost more
        // than the page itself.
        let corpus = state.corpus
        var edited: [(index: Int, document: Document, links: Set<String>)] = []
        for path in changed {
            guard path.hasPrefix(root), path.hasSuffix(".md") else { return nil }
            let relativePath = String(path.dropFirst(root.count))
            guard let index = state.indexOfSource[relativePath], let source = loader.source(at: relativePath) else { return nil }
            let (parsed, diagnostics) = state.parser.parse(source)
            guard let document = parsed, !diagnostics.hasErrors, document.pagePath == corpus.documents[index].pagePath,
                  state.includeDrafts || !document.draft else { return nil }
            edited.append((index, document, BodyRenderer.linkedPages(of: document, resolver: state.resolver)))
        }
        let editedIndexes = Set(edited.map(\.index))
        var pages: [String: String] = [:]
        for (index, document, _) in edited {
            let old = corpus.documents[index]
            // Notes of paragraphs whose text is unchanged, not pointing at a document edited now.
            let similar = corpus.similarPassages[index].filter { passage, _ in
                passage < document.passages.count && passage < old.passages.count
                    && document.passages[passage].text == old.passages[passage].text
            }
            .mapValues { $0.filter { !editedIndexes.contains($0.document) } }
            .filter { !$0.value.isEmpty }
            // The documents linking here: as the last build saw them, with the edited ones' new links.
            let backlinks = ((state.backlinks[document.pagePath] ?? []).filter { !editedIndexes.contains($0) }
                + edited.filter { $0.links.contains(document.pagePath) }.map(\.index)).sorted()
            let planner = PagePlanner(corpus: corpus, backlinks: [document.pagePath: backlinks])
            let body = BodyRenderer.render(document, resolver: state.resolver,
                                           afterParagraph: SimilarPassageNotes.html(SimilarPassageNotes.notes(for: document, similar: similar, in: corpus), onPage: document.pagePath))
            guard !body.diagnostics.hasErrors,
                  let html = state.theme.render(planner.documentPage(index, document: document, body: body.html)) else { return nil }
            pages[document.pagePath] = html
        }
        return pages
    }
}
