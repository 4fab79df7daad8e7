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
        let (main, lists) = splitEnumerations(text)
        var total = score(normalized: SearchNormalizer.normalize(main), topic: topic)
        for items in lists {
            let scores = items.map { score(normalized: SearchNormalizer.normalize($0), topic: topic) }
            let carrying = scores.filter { $0 > 0 }.count
            let listScore = score(normalized: SearchNormalizer.normalize(items.joined(separator: "、")), topic: topic)
            total += carrying * 2 >= items.count ? listScore : listScore / 3
        }
        return total
    }

    /// The text with its enumerations cut out (replaced by a full stop, so no signal spans the
    /// cut), and the items of each enumeration.
    static func splitEnumerations(_ text: String) -> (main: String, lists: [[String]]) {
        let matches = enumeration.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return (text, []) }
        var main = text
        var lists: [[String]] = []
        for match in matches.reversed() {
            guard let range = Range(match.range, in: main) else { continue }
            lists.append(main[range].split(separator: "、").map(String.init))
            main.replaceSubrange(range, with: "。")
        }
        return (main, lists.reversed())
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
        let lengths = passages.map { SearchNormalizer.normalize($0.text).count }
        let totalLength = max(1, lengths.reduce(0, +))
        var headingScores: [String: [String: Double]] = [:]
        var results: [DocumentTopic] = []
        for topic in catalog.topics where !excluded.contains(topic.slug) {
            var found: [TopicPassage] = []
            var length = 0
            for (index, passage) in passages.enumerated() {
                let own = Self.score(text: passage.text, topic: topic)
                let headingCarries = passage.headingPath.contains { heading in
                    let score = headingScores[heading, default: [:]][topic.slug] ?? {
                        let value = Self.score(text: heading, topic: topic)
                        headingScores[heading, default: [:]][topic.slug] = value
                        return value
                    }()
                    return score >= Self.passageThreshold
                }
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
