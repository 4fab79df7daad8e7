import Foundation

/// `data/topics.json`: per topic, every passage assigned to it and every document with its score,
/// for other tools (a drafting assistant, a report). Format version 1, documented in the README.
struct TopicData: Encodable {
    struct TopicEntry: Encodable {
        var name: String
        var slug: String
        var description: String
        var documents: [DocumentEntry]
        var passages: [PassageEntry]
    }

    struct DocumentEntry: Encodable {
        var slug: String
        var url: String
        var title: String
        /// Share of the document's text in passages about the topic, 0…1.
        var share: Double
        var passages: Int
        /// Whether the document carries the topic (listed on the topic page).
        var carries: Bool
        var fromFrontMatter: Bool
    }

    struct PassageEntry: Encodable {
        var document: String
        var url: String
        var anchor: String
        var text: String
        var score: Double
        var viaHeading: Bool
    }

    var version = 1
    var topics: [TopicEntry]

    static let path = "data/topics.json"

    init(_ corpus: Corpus) {
        topics = corpus.catalog.topics.map { topic in
            var documents: [DocumentEntry] = []
            var passages: [PassageEntry] = []
            for document in corpus.documents {
                guard let entry = document.topicAnalysis.first(where: { $0.topic == topic }) else { continue }
                documents.append(DocumentEntry(
                    slug: document.slug, url: document.pagePath, title: document.title,
                    share: (entry.share * 1000).rounded() / 1000, passages: entry.passages.count,
                    carries: document.topics.contains(topic), fromFrontMatter: entry.fromFrontMatter))
                for found in entry.passages {
                    let passage = document.passages[found.passage]
                    passages.append(PassageEntry(document: document.slug, url: document.pagePath + "#" + passage.anchor,
                                                 anchor: passage.anchor, text: passage.text, score: found.score, viaHeading: found.viaHeading))
                }
            }
            documents.sort { ($0.carries ? 1 : 0, $0.share) > ($1.carries ? 1 : 0, $1.share) }
            return TopicEntry(name: topic.name, slug: topic.slug, description: topic.description, documents: documents, passages: passages)
        }
    }

    func file() -> OutputFile {
        OutputFile(path: Self.path, contents: SearchAssets.json(self))
    }
}
