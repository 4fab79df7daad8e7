import Foundation

/// `data/topics.json`: per topic, every document with its score and, inside it, every passage
/// assigned to the topic, for other tools (a drafting assistant, a report). Format version 3,
/// documented in the README: a passage's text only with `topic_passage_text: true` in site.yml;
/// its URL is its document's and its anchor (version 2 repeated both for every passage, two
/// fifths of the file).
struct TopicData {
    struct TopicEntry {
        var name: String
        var slug: String
        var description: String
        var documents: [DocumentEntry]
    }

    struct DocumentEntry {
        var slug: String
        var url: String
        var title: String
        /// Share of the document's text in passages about the topic, 0…1.
        var share: Double
        /// Whether the document carries the topic (listed on the topic page).
        var carries: Bool
        var fromFrontMatter: Bool
        var passages: [PassageEntry]
    }

    struct PassageEntry {
        var anchor: String
        /// nil unless the site quotes passages in the file.
        var text: String?
        var score: Double
        var viaHeading: Bool
    }

    var version = 3
    var topics: [TopicEntry]

    static let path = "data/topics.json"

    init(_ corpus: Corpus) {
        // One pass over the documents, each entry to its topic's list (by slug, which names a
        // topic in the catalogue): a pass per topic read every document's analysis nine times.
        let slots = Dictionary(corpus.catalog.topics.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var lists = Array(repeating: [DocumentEntry](), count: corpus.catalog.topics.count)
        for document in corpus.documents {
            let (analysis, passages, carried) = (document.topicAnalysis, document.passages, document.topics)
            var listed: [Int] = []
            for entry in analysis {
                // A topic's first entry, should a document have two.
                guard let slot = slots[entry.topic.slug], !listed.contains(slot) else { continue }
                listed.append(slot)
                let quoted = entry.passages.map { found in
                    let passage = passages[found.passage]
                    return PassageEntry(anchor: passage.anchor, text: corpus.config.topicPassageText ? passage.text : nil,
                                        score: found.score, viaHeading: found.viaHeading)
                }
                lists[slot].append(DocumentEntry(
                    slug: document.slug, url: document.pagePath, title: document.title,
                    share: (entry.share * 1000).rounded() / 1000,
                    carries: carried.contains { $0.slug == entry.topic.slug }, fromFrontMatter: entry.fromFrontMatter, passages: quoted))
            }
        }
        let (catalog, gathered) = (corpus.catalog.topics, lists)
        topics = Parallel.map(Array(catalog.indices)) { slot in
            // Sorted by keys taken out first, ties in corpus order, then put in that order, rather
            // than moving the entries themselves (each four strings and its passages) in the sort.
            let entries = gathered[slot]
            let keys = entries.map { ($0.carries ? 1 : 0, $0.share) }
            let order = entries.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : a < b }
            let documents = order.map { entries[$0] }
            let topic = catalog[slot]
            return TopicEntry(name: topic.name, slug: topic.slug, description: topic.description, documents: documents)
        }
    }

    /// A fingerprint of what `bytes()` writes: each topic is walked by the same code as for the
    /// JSON (`write(_:to:)`) into a `Fingerprint`, which takes strings with their lengths and
    /// numbers as bit patterns instead of escaping and formatting them — a fraction of the cost,
    /// and no field can be in the file but not in its fingerprint. Equal fingerprints, equal files.
    func fingerprint() -> OutputManifest.Entry {
        let perTopic = Parallel.map(topics) { topic -> Fingerprint in
            var fingerprint = Fingerprint()
            Self.write(topic, to: &fingerprint)
            return fingerprint
        }
        var all = Fingerprint()
        all.add(version)
        for topic in perTopic { all.add(topic.hash) }
        return OutputManifest.Entry(hash: all.hash, size: perTopic.reduce(all.size) { $0 + $1.size })
    }

    /// The JSON, written by hand: `JSONEncoder` took seconds and several times the file's size
    /// in memory at ten thousand documents (the file then holds some hundred megabytes of
    /// passages). Keys in sorted order, as the encoder wrote them.
    func bytes() -> [UInt8] {
        // Each topic on a core of its own, then the pieces joined in order, each freed as soon as
        // it is copied: the file plus its largest topic at the peak.
        var pieces = Parallel.map(topics, Self.json(of:))
        var json = JSONBytes()
        json.bytes.reserveCapacity(pieces.reduce(64) { $0 + $1.count + 1 })
        json.raw("{\"topics\":[")
        for index in pieces.indices {
            if index > 0 { json.raw(",") }
            json.bytes += pieces[index]
            pieces[index] = []
        }
        json.raw("],\"version\":"); json.number(Double(version))
        json.raw("}")
        return json.bytes
    }

    private static func json(of topic: TopicEntry) -> [UInt8] {
        var json = JSONBytes()
        // Reserved up front: grown by doubling, the last step would hold the old and the new
        // buffer at once.
        let passages = topic.documents.reduce(0) { sum, document in
            sum + document.passages.reduce(0) { $0 + ($1.text?.utf8.count ?? 0) * 11 / 10 + 64 }
        }
        json.bytes.reserveCapacity(topic.documents.count * 256 + passages)
        write(topic, to: &json)
        return json.bytes
    }

    /// One topic's object, through `writer`: the JSON itself, or its fingerprint's bytes.
    private static func write(_ topic: TopicEntry, to json: inout some TopicDataWriter) {
        json.raw("{\"description\":"); json.string(topic.description)
        json.raw(",\"documents\":[")
        for (number, document) in topic.documents.enumerated() {
            if number > 0 { json.raw(",") }
            json.raw("{\"carries\":"); json.bool(document.carries)
            json.raw(",\"fromFrontMatter\":"); json.bool(document.fromFrontMatter)
            json.raw(",\"passages\":[")
            for (number, passage) in document.passages.enumerated() {
                if number > 0 { json.raw(",") }
                json.raw("{\"anchor\":"); json.string(passage.anchor)
                json.raw(",\"score\":"); json.number(passage.score)
                if let text = passage.text { json.raw(",\"text\":"); json.string(text) }
                json.raw(",\"viaHeading\":"); json.bool(passage.viaHeading)
                json.raw("}")
            }
            json.raw("],\"share\":"); json.number(document.share)
            json.raw(",\"slug\":"); json.string(document.slug)
            json.raw(",\"title\":"); json.string(document.title)
            json.raw(",\"url\":"); json.string(document.url)
            json.raw("}")
        }
        json.raw("],\"name\":"); json.string(topic.name)
        json.raw(",\"slug\":"); json.string(topic.slug)
        json.raw("}")
    }
}

/// What `TopicData` writes its topics through.
protocol TopicDataWriter {
    mutating func raw(_ text: StaticString)
    mutating func string(_ text: String)
    mutating func bool(_ value: Bool)
    mutating func number(_ value: Double)
}

/// A topic's fingerprint: the JSON's punctuation and keys as they are, each string after its
/// length (so no two lists of strings give the same words), numbers as bit patterns.
extension Fingerprint: TopicDataWriter {
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes(UnsafeRawBufferPointer($0)) }
    }

    mutating func string(_ text: String) { add(text) }

    mutating func bool(_ value: Bool) { add(value) }

    mutating func number(_ value: Double) { add(value) }
}

/// JSON appended to a byte array: strings escaped as `JSONText.quoted` does, numbers as
/// JavaScript writes them (integers without a fraction).
struct JSONBytes: TopicDataWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        JSONText.appendQuoted(text, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            bytes += String(Int(value)).utf8
        } else if value.isFinite {
            bytes += value.description.utf8
        } else {
            raw("null")
        }
    }
}
