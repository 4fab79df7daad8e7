import Foundation

/// What an import can tell about a speech from its title and text.
public struct SpeechMetadata: Sendable, Hashable {
    public var title: String
    /// The title was made up from the text because the source had none: a person should check it.
    public var needsReview: Bool
    public var type: String
    public var typeSlug: String
    /// 县, 市 or 区 when the text addresses a whole county, city or district (全县, 全市, 全区).
    public var level: String?
    public var date: DocumentDate?
    public var speaker: String?
    public var venue: String?

    static let levels: [(marker: String, level: String, slug: String)] = [("全县", "县", "county"), ("全市", "市", "city"), ("全区", "区", "district")]

    /// The ASCII slug for the file name: date when known, level, type and a hash of the title,
    /// so re-importing the same speech gives the same name.
    public var slug: String {
        var parts: [String] = []
        if let date { parts.append(date.description) }
        if let level, let entry = Self.levels.first(where: { $0.level == level }) { parts.append(entry.slug) }
        parts.append(typeSlug)
        parts.append(StableHash.hex(title))
        return parts.joined(separator: "-")
    }

    private static let titled = try! NSRegularExpression(pattern: "^(.*?)在(.+?)上的(讲话|发言|致辞|报告)")
    private static let fullDate = try! NSRegularExpression(pattern: "((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日")

    static func read(title: String?, body: [String], rules: ImportRules) -> SpeechMetadata {
        let resolvedTitle = title ?? derivedTitle(body)
        let foldedTitle = Simplified.fold(resolvedTitle)
        let type = rules.types.first { $0.titlePattern.firstMatch(in: foldedTitle, range: NSRange(foldedTitle.startIndex..., in: foldedTitle)) != nil }
        var metadata = SpeechMetadata(
            title: resolvedTitle, needsReview: title == nil,
            type: type?.name ?? rules.defaultType, typeSlug: type?.slug ?? rules.defaultTypeSlug)
        let foldedBody = body.map(Simplified.fold)
        metadata.level = level(in: [foldedTitle] + foldedBody)
        metadata.date = date(in: [foldedTitle] + foldedBody.prefix(2) + foldedBody.suffix(2))
        if let match = titled.firstMatch(in: foldedTitle, range: NSRange(foldedTitle.startIndex..., in: foldedTitle)) {
            if let speaker = Range(match.range(at: 1), in: resolvedTitle), !speaker.isEmpty { metadata.speaker = String(resolvedTitle[speaker]) }
            if let venue = Range(match.range(at: 2), in: resolvedTitle) { metadata.venue = String(resolvedTitle[venue]) }
        }
        return metadata
    }

    /// The most often named of 全县, 全市 and 全区, if any is named.
    private static func level(in lines: [String]) -> String? {
        var best: (level: String, count: Int)?
        for entry in levels {
            let count = lines.reduce(0) { $0 + $1.components(separatedBy: entry.marker).count - 1 }
            if count > 0, count > (best?.count ?? 0) { best = (entry.level, count) }
        }
        return best?.level
    }

    private static func date(in lines: [String]) -> DocumentDate? {
        for line in lines {
            guard let match = fullDate.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            let numbers = (1...3).compactMap { Range(match.range(at: $0), in: line).flatMap { Int(line[$0]) } }
            if numbers.count == 3, let date = DocumentDate(year: numbers[0], month: numbers[1], day: numbers[2]) { return date }
        }
        return nil
    }

    /// A title for a speech that has none: its first clause, at most 24 characters.
    private static func derivedTitle(_ body: [String]) -> String {
        let first = body.first ?? "无标题文稿"
        let clause = first.prefix { !"，。：；！？,.:;!?".contains($0) }
        return String(clause.prefix(24))
    }
}
