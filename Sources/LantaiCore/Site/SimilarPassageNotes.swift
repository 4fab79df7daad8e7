/// The 类似表述 notes under a document's paragraphs: the similar paragraphs of other documents.
enum SimilarPassageNotes {
    /// One note: under the paragraph `anchor`, links to similar paragraphs of other documents.
    struct Note: Sendable, Hashable, Fingerprinted {
        struct Link: Sendable, Hashable, Fingerprinted {
            var page: String
            var anchor: String
            var title: String
            var percent: Int

            func fingerprint(into fingerprint: inout Fingerprint) {
                fingerprint.add(page)
                fingerprint.add(anchor)
                fingerprint.add(title)
                fingerprint.add(percent)
            }
        }

        var anchor: String
        var links: [Link]

        func fingerprint(into fingerprint: inout Fingerprint) {
            fingerprint.add(anchor)
            fingerprint.add(links)
        }
    }

    /// The notes of document `index` of the corpus, by anchor.
    static func notes(for index: Int, in corpus: Corpus) -> [Note] {
        guard index < corpus.similarPassages.count else { return [] }
        return notes(for: corpus.documents[index], similar: corpus.similarPassages[index], in: corpus)
    }

    /// The notes of `document` from `similar` (paragraph index → paragraphs of the corpus's
    /// other documents), by anchor: everything their HTML is made of besides the document's own
    /// page path, so a body's fingerprint can take them without their HTML (`BodyRenderer.inputs`).
    static func notes(for document: Document, similar passages: [Int: [SimilarPassage]], in corpus: Corpus) -> [Note] {
        passages.compactMap { passage, similar -> Note? in
            guard !similar.isEmpty else { return nil }
            return Note(anchor: document.passages[passage].anchor, links: similar.map { entry in
                let other = corpus.documents[entry.document]
                return Note.Link(page: other.pagePath, anchor: other.passages[entry.passage].anchor, title: other.title,
                                 percent: Int((entry.similarity * 100).rounded()))
            })
        }.sorted { $0.anchor < $1.anchor }
    }

    /// Anchor → the note's HTML, on the page at `pagePath`.
    static func html(_ notes: [Note], onPage pagePath: String) -> [String: String] {
        var html: [String: String] = [:]
        for note in notes {
            let links = note.links.map { link -> String in
                let url = SitePath.relative(from: pagePath, to: link.page) + "#" + link.anchor
                return "<a href=\"\(HTMLEscape.attribute(url))\">\(HTMLEscape.text(link.title))</a><span class=\"note\">（相似 \(link.percent)%）</span>"
            }
            html[note.anchor] = "<aside class=\"similar\" aria-label=\"类似表述\">类似表述：" + links.joined(separator: "；") + "</aside>\n"
        }
        return html
    }
}
