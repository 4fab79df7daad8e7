/// The 类似表述 note written under a paragraph that another document says in nearly the same
/// words: a link to each such paragraph, with its document's title and the similarity.
enum SimilarPassageNotes {
    /// Anchor → the note's HTML, for document `index` of the corpus.
    static func html(for index: Int, in corpus: Corpus) -> [String: String] {
        guard index < corpus.similarPassages.count else { return [:] }
        return html(for: corpus.documents[index], similar: corpus.similarPassages[index], in: corpus)
    }

    /// The notes of `document` from `similar` (paragraph index → paragraphs of the corpus's
    /// other documents).
    static func html(for document: Document, similar passages: [Int: [SimilarPassage]], in corpus: Corpus) -> [String: String] {
        var notes: [String: String] = [:]
        for (passage, similar) in passages where !similar.isEmpty {
            let links = similar.map { entry -> String in
                let other = corpus.documents[entry.document]
                let url = SitePath.relative(from: document.pagePath, to: other.pagePath) + "#" + other.passages[entry.passage].anchor
                let percent = Int((entry.similarity * 100).rounded())
                return "<a href=\"\(HTMLEscape.attribute(url))\">\(HTMLEscape.text(other.title))</a><span class=\"note\">（相似 \(percent)%）</span>"
            }
            notes[document.passages[passage].anchor] = "<aside class=\"similar\" aria-label=\"类似表述\">类似表述：" + links.joined(separator: "；") + "</aside>\n"
        }
        return notes
    }
}
