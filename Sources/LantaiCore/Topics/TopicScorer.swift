/// The signals and excluded phrases of every topic of a catalog in one `PhraseMatcher`, so a
/// normalised text is read once and scored for all topics together.
struct TopicScorer: Sendable {
    private struct Use: Sendable {
        var topic: Int
        var weight: Double
    }

    private let matcher: PhraseMatcher
    private let topicCount: Int
    /// Per phrase: the topics it signals, with their weights.
    private let signals: [[Use]]
    /// Per phrase: the topics it is an excluded phrase of.
    private let excludes: [[Int]]

    init(catalog: TopicCatalog) {
        var phrases: [String] = []
        var number: [String: Int] = [:]
        func id(_ phrase: String) -> Int {
            if let known = number[phrase] { return known }
            number[phrase] = phrases.count
            phrases.append(phrase)
            return phrases.count - 1
        }
        var signals: [Int: [Use]] = [:]
        var excludes: [Int: [Int]] = [:]
        for (topic, entry) in catalog.topics.enumerated() {
            for signal in entry.signals where !signal.phrase.isEmpty {
                signals[id(signal.phrase), default: []].append(Use(topic: topic, weight: signal.weight))
            }
            for phrase in entry.excludes { excludes[id(phrase), default: []].append(topic) }
        }
        matcher = PhraseMatcher(phrases: phrases)
        topicCount = catalog.topics.count
        self.signals = phrases.indices.map { signals[$0] ?? [] }
        self.excludes = phrases.indices.map { excludes[$0] ?? [] }
    }

    /// Per topic, the weighted count of its signals in `text`: occurrences that do not overlap
    /// each other, at most `TopicClassifier.maximumCount` per signal, none inside one of the
    /// topic's excluded phrases (服务领导决策 is about advising, not about 服务意识).
    func scores(normalized text: String) -> [Double] {
        var scores = Array(repeating: 0.0, count: topicCount)
        let matches = matcher.matches(in: text)
        guard !matches.isEmpty else { return scores }
        var excluded: [(topic: Int, range: Range<Int>)] = []
        for match in matches {
            for topic in excludes[match.phrase] { excluded.append((topic, match.start..<match.end)) }
        }
        /// Per (phrase, topic): how often counted so far and where the last counted one ended.
        var counted: [Int: (count: Int, end: Int)] = [:]
        for match in matches {
            for use in signals[match.phrase] {
                if excluded.contains(where: { $0.topic == use.topic && $0.range.overlaps(match.start..<match.end) }) { continue }
                let key = match.phrase * topicCount + use.topic
                let previous = counted[key] ?? (0, 0)
                guard previous.count < TopicClassifier.maximumCount, match.start >= previous.end else { continue }
                counted[key] = (previous.count + 1, match.end)
                scores[use.topic] += use.weight
            }
        }
        return scores
    }
}
