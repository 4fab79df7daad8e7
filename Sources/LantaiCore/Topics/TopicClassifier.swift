import Foundation

/// A passage a topic was found in.
public struct TopicPassage: Sendable, Hashable {
    /// Index into the document's `passages`.
    public var passage: Int
    public var score: Double
    /// The passage passed only because a heading above it carries the topic (a section headed
    /// 加大督查力度 whose paragraphs no longer say 督查).
    public var viaHeading: Bool
}

/// How much of a document is about one topic, and where.
public struct DocumentTopic: Sendable, Hashable {
    public var topic: Topic
    /// In document order.
    public var passages: [TopicPassage]
    /// The share of the document's passage text these passages hold, 0…1.
    public var share: Double
    /// Whether the front matter names the topic.
    public var fromFrontMatter: Bool

    /// The passages by score, best first (document order among equals).
    public var bestPassages: [TopicPassage] {
        passages.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }
}

/// Finds the topics of a document passage by passage. Every paragraph is read with its heading
/// path: its score for a topic is the weighted count of the topic's signals in its normalised
/// text (each signal counted at most `maximumCount` times, so a long paragraph that repeats a
/// common word does not pass on that alone; a signal inside an enumeration such as
/// 参谋助手、综合协调、督促检查 counts a third when fewer than half of the items carry the topic,
/// because such a list names a topic in passing, while 服务领导、服务基层、服务群众 is all about
/// it), and it is assigned when the score reaches
/// `passageThreshold` or a heading above it does. A document carries a topic when its front
/// matter names it, or when its assigned passages are at least `documentPassages`, hold
/// `documentShare` of its text or include one of `strongPassage`; `exclude_topics` in front
/// matter removes a topic.
public struct TopicClassifier: Sendable {
    public static let passageThreshold = TopicSignal.passageThreshold
    public static let maximumCount = 3
    public static let documentPassages = 2
    public static let documentShare = 0.15
    /// One passage this strong carries a document on its own.
    public static let strongPassage = 2 * passageThreshold

    public var catalog: TopicCatalog
    private let scorer: TopicScorer

    public init(catalog: TopicCatalog) {
        self.catalog = catalog
        scorer = TopicScorer(catalog: catalog)
    }

    /// The score of a passage's text for `topic`: the text outside enumerations in full, each
    /// enumeration in full when at least half its items carry the topic and at a third otherwise.
    public func score(text: String, topic: Topic) -> Double {
        guard let index = catalog.topics.firstIndex(of: topic) else { return 0 }
        return scores(of: text)[index]
    }

    /// The scores of a passage's text for every topic of the catalog, in catalog order.
    /// Enumerations are found and the pieces normalised and matched once for all topics.
    /// `normalized` is the text's `SearchNormalizer.normalize`, when the caller has it already.
    func scores(of text: String, normalized: String? = nil) -> [Double] {
        // Only a text with at least two 、 can hold an enumeration.
        let scalars = Self.hasTwoEnumerationCommas(text) ? Array(text.unicodeScalars) : []
        let enumerations = scalars.isEmpty ? [] : EnumerationFinder.ranges(in: scalars)
        guard !enumerations.isEmpty else {
            return scorer.scores(normalized: normalized ?? SearchNormalizer.normalize(text))
        }
        // Pieces of the text are cut on its UTF-8 bytes (appending scalars to a string one by
        // one was a twentieth of a build).
        let bytes = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        func score(_ range: Range<Int>) -> [Double] {
            scorer.scores(normalized: SearchNormalizer.normalize(String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)))
        }
        var rest: [UInt8] = []
        rest.reserveCapacity(bytes.count)
        var totals = Array(repeating: 0.0, count: catalog.topics.count)
        var cursor = 0
        for range in enumerations {
            // The items between the 、 (empty ones skipped), and the whole list.
            var items: [[Double]] = []
            var itemStart = range.lowerBound
            for index in range where scalars[index] == "、" {
                if index > itemStart { items.append(score(itemStart..<index)) }
                itemStart = index + 1
            }
            if range.upperBound > itemStart { items.append(score(itemStart..<range.upperBound)) }
            let whole = score(range)
            for topic in totals.indices {
                let carrying = items.filter { $0[topic] > 0 }.count
                totals[topic] += carrying * 2 >= items.count ? whole[topic] : whole[topic] / 3
            }
            // The list is cut out. Normalisation drops punctuation, so the text either side of
            // it joins: a signal spanning the cut still counts (rare; a full stop put there, as
            // before, changed nothing).
            rest += bytes[offsets[cursor]..<offsets[range.lowerBound]]
            cursor = range.upperBound
        }
        rest += bytes[offsets[cursor]...]
        for (topic, score) in scorer.scores(normalized: SearchNormalizer.normalize(String(decoding: rest, as: UTF8.self))).enumerated() { totals[topic] += score }
        return totals
    }

    /// Whether `text` holds 、 (E3 80 81 in UTF-8) at least twice, read on the bytes.
    static func hasTwoEnumerationCommas(_ text: String) -> Bool {
        var seen = 0
        var utf8 = text.utf8.makeIterator()
        var state = 0
        while let byte = utf8.next() {
            switch (state, byte) {
            case (_, 0xE3): state = 1
            case (1, 0x80): state = 2
            case (2, 0x81):
                seen += 1
                if seen == 2 { return true }
                state = 0
            default: state = 0
            }
        }
        return false
    }

    /// The topics of a document: those its front matter gives (`given`), those its passages
    /// carry, minus `excluded` slugs. Returns every topic found in at least one passage or given.
    /// `normalized` holds each passage's text through `SearchNormalizer`, when the caller has it.
    public func analyze(passages: [Passage], normalized: [String]? = nil, given: [Topic], excluded: Set<String>) -> [DocumentTopic] {
        let normalized = normalized ?? passages.map { SearchNormalizer.normalize($0.text) }
        let lengths = normalized.map { $0.unicodeScalars.count }
        let totalLength = max(1, lengths.reduce(0, +))
        let passageScores = zip(passages, normalized).map { scores(of: $0.text, normalized: $1) }
        var headingScores: [String: [Double]] = [:]
        for passage in passages {
            for heading in passage.headingPath where headingScores[heading] == nil { headingScores[heading] = scores(of: heading) }
        }
        var results: [DocumentTopic] = []
        for (topicIndex, topic) in catalog.topics.enumerated() where !excluded.contains(topic.slug) {
            let carryingHeadings = Set(headingScores.filter { $0.value[topicIndex] >= Self.passageThreshold }.keys)
            var found: [TopicPassage] = []
            var length = 0
            for (index, passage) in passages.enumerated() {
                let own = passageScores[index][topicIndex]
                let headingCarries = passage.headingPath.contains(where: carryingHeadings.contains)
                guard own >= Self.passageThreshold || headingCarries else { continue }
                found.append(TopicPassage(passage: index, score: max(own, Self.passageThreshold), viaHeading: own < Self.passageThreshold))
                length += lengths[index]
            }
            let share = Double(length) / Double(totalLength)
            let isGiven = given.contains(topic)
            guard isGiven || !found.isEmpty else { continue }
            results.append(DocumentTopic(topic: topic, passages: found, share: share, fromFrontMatter: isGiven))
        }
        return results
    }

    /// Whether the analysis makes `topic` one of the document's topics.
    public static func carries(_ entry: DocumentTopic) -> Bool {
        entry.fromFrontMatter || entry.passages.count >= documentPassages
            || (!entry.passages.isEmpty && entry.share >= documentShare)
            || entry.passages.contains { $0.score >= strongPassage }
    }
}
