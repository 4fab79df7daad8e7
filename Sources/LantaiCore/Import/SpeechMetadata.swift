import Foundation

/// What an import can tell about a speech from its title, its head lines (subtitle, speaker,
/// date), its sign-off (落款) and its text.
public struct SpeechMetadata: Sendable, Hashable {
    public var title: String
    public var subtitle: String?
    /// The title of the compilation the speech came in, when its file held several.
    public var collection: String?
    /// The title was made up from the text because the source had none: a person should check it.
    public var needsReview: Bool
    public var type: String
    public var typeSlug: String
    /// 乡镇, 县, 区, 市 or 省: from the organisation, else from the speaker's position, else from
    /// which of 全县, 全市 and 全区 the text names most.
    public var level: String?
    public var date: DocumentDate?
    public var speaker: String?
    public var position: String?
    public var organization: String?
    public var venue: String?

    static let levels: [(level: String, slug: String)] = [
        ("乡镇", "township"), ("县", "county"), ("区", "district"), ("市", "city"), ("省", "province"),
    ]

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

    private static let titled = try! NSRegularExpression(pattern: "^(.*?)在(.+?)上的(讲话|发言|致辞|报告|交流发言|总结讲话)")

    /// The parts of one speech the metadata is read from.
    struct Sources {
        var title: String?
        var head: [HeadLine]
        var body: [String]
    }

    static func read(_ sources: Sources, rules: ImportRules) -> SpeechMetadata {
        let title = sources.title ?? derivedTitle(sources.body)
        var metadata = SpeechMetadata(title: title, needsReview: sources.title == nil, type: rules.defaultType, typeSlug: rules.defaultTypeSlug)
        var headDate: DocumentDate?
        var headOrganization: String?
        for line in sources.head {
            switch line {
            case .subtitle(let text): metadata.subtitle = metadata.subtitle.map { $0 + " " + text } ?? text
            case .speaker(let position, let name): (metadata.position, metadata.speaker) = (position, name)
            case .date(let date): headDate = headDate ?? date
            case .organization(let name): headOrganization = headOrganization ?? name
            }
        }
        let signOff = SignOff.read(sources.body)
        let foldedBody = sources.body.map(Simplified.fold)
        let dateLines = [title] + foldedBody.prefix(2) + foldedBody.suffix(2)
        metadata.date = headDate ?? signOff?.date ?? dateLines.lazy.compactMap(ChineseDate.first(in:)).first

        // The type: the title says it, else the subtitle (——经验交流材料), else the default.
        for text in [title, metadata.subtitle].compactMap({ $0.map(Simplified.fold) }) {
            if let type = rules.types.first(where: { $0.titlePattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }) {
                (metadata.type, metadata.typeSlug) = (type.name, type.slug)
                break
            }
        }

        // Speaker and venue written in the title or subtitle (张三同志在…上的讲话).
        for text in [title, metadata.subtitle].compactMap({ $0 }) {
            let folded = Simplified.fold(text)
            guard let match = titled.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)) else { continue }
            if metadata.venue == nil, let venue = Range(match.range(at: 2), in: text) { metadata.venue = String(text[venue]) }
            if metadata.speaker == nil, let speaker = Range(match.range(at: 1), in: text), !speaker.isEmpty {
                let words = String(text[speaker])
                if case .speaker(let position, let name)? = HeadLine.speaker(words) {
                    (metadata.position, metadata.speaker) = (position, name)
                } else if HeadLine.positionTitles.contains(where: { Simplified.fold(words).hasSuffix($0) }) {
                    // 县政府办主任在…上的讲话: a position without a name says who spoke, not their name.
                    if metadata.position == nil { metadata.position = words }
                } else {
                    metadata.speaker = words
                }
            }
        }

        metadata.organization = signOff?.organization ?? headOrganization ?? metadata.position.flatMap(organization(ofPosition:))
            ?? metadata.subtitle.flatMap(organization(openingSubtitle:))
        metadata.level = [metadata.organization, metadata.position].lazy.compactMap { $0.flatMap(level(ofName:)) }.first
            ?? level(counting: [Simplified.fold(title)] + foldedBody)
        return metadata
    }

    /// The organisation a position belongs to: 县政府副县长 → 县政府, 市委秘书长 → 市委.
    static func organization(ofPosition position: String) -> String? {
        var name = Simplified.fold(position)
        var original = position
        var trimmed = true
        while trimmed {
            trimmed = false
            for title in HeadLine.positionTitles.sorted(by: { $0.count > $1.count }) where name.hasSuffix(title) && name.count > title.count {
                name.removeLast(title.count)
                original.removeLast(title.count)
                trimmed = true
            }
            while let last = name.last, "副、".contains(last) {
                name.removeLast()
                original.removeLast()
                trimmed = true
            }
        }
        return SignOff.isOrganization(original) ? original : nil
    }

    /// `——清源县委办公室经验交流材料` → 清源县委办公室: the longest opening that names an organisation.
    static func organization(openingSubtitle subtitle: String) -> String? {
        let characters = Array(subtitle)
        guard !Simplified.fold(subtitle).hasPrefix("在") else { return nil }
        for end in stride(from: min(characters.count - 1, 30), through: 2, by: -1) {
            let candidate = String(characters[..<end])
            if SignOff.isOrganization(candidate) { return candidate }
        }
        return nil
    }

    /// The lowest administrative level an organisation's name places it at: 清源县人民政府办公室 →
    /// 县. Words that only look like a level (市场, 城乡, 社区) are read past.
    static func level(ofName name: String) -> String? {
        var folded = Simplified.fold(name)
        for word in ["市场", "城乡", "城镇", "乡村", "社区", "城市"] { folded = folded.replacingOccurrences(of: word, with: "") }
        if folded.contains("乡") || folded.contains("镇") || folded.contains("街道") { return "乡镇" }
        if folded.contains("县") || folded.contains("旗") { return "县" }
        if folded.contains("自治区") || folded.contains("省") { return "省" }
        if folded.contains("区") { return "区" }
        if folded.contains("市") || folded.contains("州") { return "市" }
        return nil
    }

    /// The most often named of 全县, 全市 and 全区, if any is named.
    private static func level(counting lines: [String]) -> String? {
        var best: (level: String, count: Int)?
        for (marker, level) in [("全县", "县"), ("全市", "市"), ("全区", "区")] {
            let count = lines.reduce(0) { $0 + $1.components(separatedBy: marker).count - 1 }
            if count > 0, count > (best?.count ?? 0) { best = (level, count) }
        }
        return best?.level
    }

    /// A title for a speech that has none: its first clause, at most 24 characters.
    private static func derivedTitle(_ body: [String]) -> String {
        let first = body.first ?? "无标题文稿"
        let clause = first.prefix { !"，。：；！？,.:;!?".contains($0) }
        return String(clause.prefix(24))
    }
}
