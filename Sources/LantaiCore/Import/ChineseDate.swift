import Foundation

/// Dates as Chinese documents write them: `2023年3月10日`, `２０２３年３月１０日`, and in
/// Chinese numerals `二〇二三年二月八日` (with 〇, ○ or 零 for zero, as a Big5 keyboard types
/// it), month and day counted with 十 (`十二月二十日`).
enum ChineseDate {
    private static let digit = "[0-9０-９〇○零Ｏ一二三四五六七八九]"
    private static let count = "(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
    private static let pattern = "(\(digit){4})\\s*年\\s*(\(count))\\s*月\\s*(\(count))\\s*日"
    private static let anywhere = try! NSRegularExpression(pattern: pattern)
    /// A line that is only a date, perhaps in parentheses with a note (`（2023年3月10日，根据录音整理）`).
    private static let wholeLine = try! NSRegularExpression(pattern: "^[（(]?\\s*\(pattern)\\s*(?:[，,、；;][^）)]{0,20})?[）)]?$")

    /// The first valid date written anywhere in `text`.
    static func first(in text: String) -> DocumentDate? {
        for match in anywhere.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if let date = date(from: match, in: text) { return date }
        }
        return nil
    }

    /// The date when the line holds nothing else.
    static func line(_ text: String) -> DocumentDate? {
        wholeLine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { date(from: $0, in: text) }
    }

    private static func date(from match: NSTextCheckingResult, in text: String) -> DocumentDate? {
        let parts = (1...3).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        guard parts.count == 3, let year = digits(parts[0]), let month = counted(parts[1]), let day = counted(parts[2]) else { return nil }
        return DocumentDate(year: year, month: month, day: day)
    }

    private static let digitValues: [Character: Int] = {
        var values: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "Ｏ": 0]
        for (index, character) in "一二三四五六七八九".enumerated() { values[character] = index + 1 }
        for (index, character) in "0123456789".enumerated() { values[character] = index }
        for (index, character) in "０１２３４５６７８９".enumerated() { values[character] = index }
        return values
    }()

    /// A year written digit by digit.
    private static func digits(_ text: String) -> Int? {
        var value = 0
        for character in text {
            guard let digit = digitValues[character] else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// A month or day: Arabic digits, or Chinese numerals counted with 十 (十, 十二, 二十, 二十一).
    private static func counted(_ text: String) -> Int? {
        guard text.contains("十") else { return digits(text) }
        let parts = text.split(separator: "十", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 1, parts[1].count <= 1 else { return nil }
        let tens = parts[0].isEmpty ? 1 : digitValues[parts[0].first!]
        let ones = parts[1].isEmpty ? 0 : digitValues[parts[1].first!]
        guard let tens, let ones, tens > 0 else { return nil }
        return tens * 10 + ones
    }
}
