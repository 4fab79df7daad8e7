import Foundation
@testable import LantaiCore
import Testing

/// The hand-written enumeration scan against the regular expression it replaces, which stays
/// here as the oracle: the same matches on random texts made to hit its edge cases (items of
/// 1 to 9 scalars, empty items, other separators, supplementary-plane characters, line breaks).
@Suite struct EnumerationFinderTests {
    static let oracle = try! NSRegularExpression(pattern: "(?:[^，。；：！？、,;:]{1,8}、){2,}[^，。；：！？、,;:]{1,8}")

    static func regexRanges(_ text: String) -> [Range<Int>] {
        let scalars = text.unicodeScalars
        return oracle.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let lower = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
            return lower..<(lower + text[range].unicodeScalars.count)
        }
    }

    @Test func findsWhatTheRegularExpressionFinds() {
        var texts = RandomTexts(seed: 42, pieces: ["服务", "参谋助手", "综合协调工作", "督", "提高服务质量水平", "𠮷野", "九个字的长长长条目", "\n", "a"],
                                separators: ["、", "、", "、", "，", "。", "；", ":", "、、"], maximumPieces: 12, separatorOdds: 4)
        var checked = 0
        for _ in 0..<4000 {
            let text = texts.next()
            let expected = Self.regexRanges(text)
            #expect(EnumerationFinder.ranges(in: Array(text.unicodeScalars)) == expected, "\(text)")
            if !expected.isEmpty { checked += 1 }
        }
        #expect(checked > 500, "the random texts must hold enumerations")
    }

    /// The first item is the last eight scalars before its 、 (办公室要当好参谋助手 has ten), the
    /// last one at most eight after the last 、.
    @Test func aListOfThreeDutiesIsOneEnumeration() {
        let text = "办公室要当好参谋助手、综合协调、督促检查三个角色。"
        let found = EnumerationFinder.ranges(in: Array(text.unicodeScalars))
        let scalars = Array(text.unicodeScalars)
        #expect(found.map { String(String.UnicodeScalarView(scalars[$0])) } == ["室要当好参谋助手、综合协调、督促检查三个角色"])
    }

    /// The scores of a text with enumerations, cut on UTF-8 offsets, against the same rule
    /// written plainly over strings: the regular expression's matches, each list scored in full
    /// when at least half its items (split on 、, empty ones dropped) carry the topic and at a
    /// third otherwise, and the rest of the text with the lists cut out.
    @Test func enumerationScoresEqualAPlainStringReference() {
        let catalog = TopicCatalog(topics: [
            Topic(name: "督查", slug: "supervision", signals: [TopicSignal("督查", weight: 3), TopicSignal("落实", weight: 0.5)]),
            Topic(name: "服务意识", slug: "service", signals: [TopicSignal("服务意识", weight: 3), TopicSignal("服务", weight: 0.25)],
                  excludes: ["服务领导决策"]),
        ])
        let classifier = TopicClassifier(catalog: catalog)
        let scorer = TopicScorer(catalog: catalog)
        func plainScores(_ text: String) -> [Double] { scorer.scores(normalized: SearchNormalizer.normalize(text)) }
        func reference(_ text: String) -> [Double] {
            let scalars = Array(text.unicodeScalars)
            func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
            var totals = [0.0, 0.0]
            var rest = ""
            var cursor = 0
            for range in Self.regexRanges(text) {
                let items = string(range).components(separatedBy: "、").filter { !$0.isEmpty }.map(plainScores)
                let whole = plainScores(string(range))
                for topic in totals.indices {
                    let carrying = items.filter { $0[topic] > 0 }.count
                    totals[topic] += carrying * 2 >= items.count ? whole[topic] : whole[topic] / 3
                }
                rest += string(cursor..<range.lowerBound)
                cursor = range.upperBound
            }
            rest += string(cursor..<scalars.count)
            return zip(totals, plainScores(rest)).map { $0 + $1 }
        }
        // Signals, an excluded phrase, traditional characters, a supplementary-plane character
        // (four UTF-8 bytes) and ASCII, so that cuts on byte offsets are checked on every width.
        var texts = RandomTexts(seed: 7, pieces: ["督查", "服务意识", "服務", "落实", "服务领导决策", "𠮷", "a", "督促检查", "工作", "督", "查",
                                                  "督一二三四五六七八", "一二三四五六七八查"],
                                separators: ["、", "、", "、", "，", "。", "、、"], maximumPieces: 14, separatorOdds: 3)
        var enumerated = 0
        for _ in 0..<3000 {
            let text = texts.next()
            #expect(classifier.scores(of: text) == reference(text), "\(text)")
            if !Self.regexRanges(text).isEmpty { enumerated += 1 }
        }
        #expect(enumerated > 500, "the random texts must hold enumerations")
    }
}

/// Texts of random pieces, each followed by a random separator most of the time (all but one
/// time in `separatorOdds`); deterministic from the seed.
struct RandomTexts {
    var state: UInt64
    let pieces: [String]
    let separators: [String]
    let maximumPieces: Int
    let separatorOdds: Int

    init(seed: UInt64, pieces: [String], separators: [String], maximumPieces: Int, separatorOdds: Int) {
        state = seed
        self.pieces = pieces
        self.separators = separators
        self.maximumPieces = maximumPieces
        self.separatorOdds = separatorOdds
    }

    mutating func below(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func next() -> String {
        var text = ""
        for _ in 0..<below(maximumPieces) {
            text += pieces[below(pieces.count)]
            if below(separatorOdds) > 0 { text += separators[below(separators.count)] }
        }
        return text
    }
}
