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
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["服务", "参谋助手", "综合协调工作", "督", "提高服务质量水平", "𠮷野", "九个字的长长长条目", "\n", "a"]
        let separators = ["、", "、", "、", "，", "。", "；", ":", "、、"]
        var checked = 0
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<next(12) {
                text += pieces[next(pieces.count)]
                if next(4) > 0 { text += separators[next(separators.count)] }
            }
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
}
