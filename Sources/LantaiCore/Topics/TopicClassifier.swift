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
    public static let passageThreshold = 3.0
    public static let maximumCount = 3
    public static let documentPassages = 2
    public static let documentShare = 0.15
    /// One passage this strong carries a document on its own.
    public static let strongPassage = 2 * passageThreshold

    public var catalog: TopicCatalog

    public init(catalog: TopicCatalog) {
        self.catalog = catalog
    }

    /// Three or more short items joined by 、.
    private static let enumeration = try! NSRegularExpression(pattern: "(?:[^，。；：！？、,;:]{1,8}、){2,}[^，。；：！？、,;:]{1,8}")

    /// The score of a passage's text for `topic`: the text outside enumerations in full, each
    /// enumeration in full when at least half its items carry the topic and at a third otherwise.
    public static func score(text: String, topic: Topic) -> Double {
        ScoringText(text).score(for: topic)
    }

    /// A text made ready for scoring against every topic: enumerations found and the pieces
    /// normalised once, not once per topic.
    struct ScoringText {
        /// The normalised text outside enumerations (each cut replaced by a full stop, so no
        /// signal spans it).
        var main: String
        /// Per enumeration, its normalised items and the whole list normalised.
        var lists: [(items: [String], whole: String)]

        init(_ text: String) {
            let matches = enumeration.matches(in: text, range: NSRange(text.startIndex..., in: text))
            var rest = text
            var lists: [(items: [String], whole: String)] = []
            for match in matches.reversed() {
                guard let range = Range(match.range, in: rest) else { continue }
                let items = rest[range].split(separator: "、").map { SearchNormalizer.normalize(String($0)) }
                lists.append((items, SearchNormalizer.normalize(String(rest[range]))))
                rest.replaceSubrange(range, with: "。")
            }
            main = SearchNormalizer.normalize(rest)
            self.lists = lists.reversed()
        }

        func score(for topic: Topic) -> Double {
            var total = TopicClassifier.score(normalized: main, topic: topic)
            for list in lists {
                let carrying = list.items.filter { TopicClassifier.score(normalized: $0, topic: topic) > 0 }.count
                let listScore = TopicClassifier.score(normalized: list.whole, topic: topic)
                total += carrying * 2 >= list.items.count ? listScore : listScore / 3
            }
            return total
        }
    }

    /// The score of normalised `text` for `topic`.
    public static func score(normalized text: String, topic: Topic) -> Double {
        var masked = text
        for phrase in topic.excludes where masked.contains(phrase) {
            masked = masked.replacingOccurrences(of: phrase, with: "|")
        }
        var score = 0.0
        for signal in topic.signals {
            let count = occurrences(of: signal.phrase, in: masked, upTo: maximumCount)
            score += Double(count) * signal.weight
        }
        return score
    }

    /// The topics of a document: those its front matter gives (`given`), those its passages
    /// carry, minus `excluded` slugs. Returns every topic found in at least one passage or given.
    public func analyze(passages: [Passage], given: [Topic], excluded: Set<String>) -> [DocumentTopic] {
        let lengths = passages.map(\.normalized.count)
        let totalLength = max(1, lengths.reduce(0, +))
        let texts = passages.map { ScoringText($0.text) }
        var headings: [String: ScoringText] = [:]
        for passage in passages {
            for heading in passage.headingPath where headings[heading] == nil { headings[heading] = ScoringText(heading) }
        }
        var results: [DocumentTopic] = []
        for topic in catalog.topics where !excluded.contains(topic.slug) {
            let carryingHeadings = Set(headings.filter { $0.value.score(for: topic) >= Self.passageThreshold }.keys)
            var found: [TopicPassage] = []
            var length = 0
            for (index, passage) in passages.enumerated() {
                let own = texts[index].score(for: topic)
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

    private static func occurrences(of phrase: String, in text: String, upTo limit: Int) -> Int {
        var count = 0
        var searchRange = text.startIndex..<text.endIndex
        while count < limit, let found = text.range(of: phrase, range: searchRange) {
            count += 1
            searchRange = found.upperBound..<text.endIndex
        }
        return count
    }
}
