import Foundation

/// A calendar date as written in front matter or a file name; time of day is not kept.
public struct DocumentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
              (1...DocumentDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2023-05-12`, `2023/5/12`, `2023.05.12` or `2023年5月12日`, optionally followed by a
    /// time of day (`2023-05-12 09:30`, `2023-05-12T09:30:00+08:00`), which is ignored.
    public init?(parsing text: String) {
        let scalars = Array(text.trimmingCharacters(in: [" ", "\t"]).unicodeScalars)
        var numbers: [Int] = []
        var index = 0
        var separators: [Unicode.Scalar] = []
        while index < scalars.count, numbers.count < 3 {
            var value = 0
            var digits = 0
            while index < scalars.count, let digit = scalars[index].asciiDigit {
                // A run longer than a year is refused below; past that, stop adding, so that
                // a run of any length cannot overflow (`2023-666…603-05` crashed a build).
                if digits < 5 { value = value * 10 + digit }
                digits += 1
                index += 1
            }
            guard digits > 0, digits <= (numbers.isEmpty ? 4 : 2) else { return nil }
            numbers.append(value)
            if index < scalars.count {
                separators.append(scalars[index])
                index += 1
            }
        }
        guard numbers.count == 3 else { return nil }
        let dashed = separators.prefix(2).allSatisfy { $0 == "-" } || separators.prefix(2).allSatisfy { $0 == "/" }
            || separators.prefix(2).allSatisfy { $0 == "." }
        let chinese = separators.count >= 2 && separators[0] == "年" && separators[1] == "月"
        guard dashed || chinese else { return nil }
        if chinese {
            guard separators.count >= 3, separators[2] == "日" || separators[2] == "号" else { return nil }
        }
        // After the date only a time of day may follow.
        if index < scalars.count {
            let rest = String(String.UnicodeScalarView(scalars[index...]))
            guard rest.unicodeScalars.allSatisfy({ $0.asciiDigit != nil || ":+-.Z ".unicodeScalars.contains($0) }) else {
                return nil
            }
            if !chinese, let last = separators.last, last != " ", last != "T" { return nil }
        }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// A `YYYY-MM-DD` prefix of a file name (`2023-05-12-speech.md`).
    public init?(fileNamePrefix name: String) {
        let scalars = Array(name.unicodeScalars.prefix(11))
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
              scalars.count == 10 || scalars[10].asciiDigit == nil else { return nil }
        self.init(parsing: String(String.UnicodeScalarView(scalars[0..<10])))
    }

    /// `2023-05-12` (years have four digits); by hand, since `String(format:)` took a tenth of a
    /// second for the dates of ten thousand documents, and every list, entry and sitemap line
    /// shows one.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `2023年5月12日`, as the portal shows dates.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (lhs: DocumentDate, rhs: DocumentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private extension Unicode.Scalar {
    var asciiDigit: Int? {
        (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
    }
}

extension DocumentDate {
    /// Why a text is not a date, in a person's terms: a date that does not exist is named as such
    /// (2023年2月没有30日), anything else is asked for in the form `2023-05-12`.
    public static func problem(with text: String) -> Message {
        let pattern = try! NSRegularExpression(pattern: "^\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})")
        if let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            let numbers = (1...3).compactMap { Range(match.range(at: $0), in: text).flatMap { Int(text[$0]) } }
            if numbers.count == 3 {
                let (year, month, day) = (numbers[0], numbers[1], numbers[2])
                if !(1...12).contains(month) {
                    return Message(zh: "日期 \(text) 不存在（一年只有 1 到 12 月）：写成 年-月-日，例如 2023-05-12",
                                   en: "the date \(text) does not exist (months run from 1 to 12); write it as YYYY-MM-DD, e.g. 2023-05-12")
                }
                let days = daysIn(month: month, year: year)
                if !(1...days).contains(day) {
                    let leap = month == 2 && day == 29 ? "，\(year)年不是闰年" : ""
                    return Message(zh: "日期 \(text) 不存在（\(year)年\(month)月没有\(day)日\(leap)）：请核对原稿的日期",
                                   en: "the date \(text) does not exist (\(String(format: "%04d-%02d", year, month)) has \(days) days); check the date in the original")
                }
            }
        }
        return Message(zh: "“\(text)”不是日期：写成 年-月-日，例如 2023-05-12",
                       en: "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2023-05-12")
    }
}
