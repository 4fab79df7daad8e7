import Foundation

/// A line that belongs to the head of a speech, under its title: the subtitle
/// (`——在全市政务服务工作会议上的讲话`), the speaker (`县政府副县长  李明`, `——市委秘书长 陈刚`),
/// the date (`（2023年3月10日）`, `二〇二三年四月十二日`) or the organisation (`县应急管理局`). Such a line never starts a speech
/// and never becomes its title; its content goes to the front matter.
enum HeadLine: Sendable, Hashable {
    case subtitle(String)
    case speaker(position: String, name: String)
    case date(DocumentDate)
    /// The organisation that wrote the material, alone on its line (`县应急管理局`).
    case organization(String)

    /// The front-matter field the line goes to, as the report names it.
    var field: String {
        switch self {
        case .subtitle: "subtitle"
        case .speaker: "speaker"
        case .date: "date"
        case .organization: "organization"
        }
    }

    /// Titles a position ends with; a speaker line is a position followed by a name.
    static let positionTitles = [
        "书记", "副书记", "常委", "委员", "主席", "副主席", "省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长",
        "主任", "秘书长", "局长", "部长", "厅长", "处长", "科长", "院长", "所长", "校长", "组长", "队长", "站长",
        "董事长", "总经理", "经理", "调研员", "巡视员", "督查专员", "专员", "负责人", "代表",
    ]
    private static let speakerPattern = try! NSRegularExpression(pattern:
        "^([\\p{Han}、（）]{0,30}?(?:\(positionTitles.joined(separator: "|"))))\\s*([\\p{Han}·]{2,4})$")
    /// The dashes a subtitle opens with.
    private static let dashes = try! NSRegularExpression(pattern: "^(?:[—─━－]{1,2}|-{2})[ \\u3000]*(?=\\S)")

    static func read(_ line: String) -> HeadLine? {
        if let date = ChineseDate.line(line) { return .date(date) }
        let folded = Simplified.fold(line)
        var text = line
        var dashed = false
        if let match = dashes.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)),
           let range = Range(match.range, in: line) {
            text = String(line[range.upperBound...])
            dashed = true
        }
        if let speaker = speaker(text) { return speaker }
        if dashed, text.count <= 60, !text.contains("。") { return .subtitle(text) }
        if !dashed, !line.contains(where: \.isWhitespace), SignOff.isOrganization(line) { return .organization(line) }
        return nil
    }

    /// `县政府副县长  李明` → position 县政府副县长, name 李明. The name is the two to four
    /// characters after the last position title.
    static func speaker(_ text: String) -> HeadLine? {
        let folded = Simplified.fold(text)
        guard let match = speakerPattern.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)),
              let position = Range(match.range(at: 1), in: text), let name = Range(match.range(at: 2), in: text) else { return nil }
        let nameText = String(text[name])
        let foldedName = Simplified.fold(nameText)
        // `办公室主任会议`: what follows the title is not a name when it is itself a title word,
        // or, glued to the title, holds characters names do not (会议, 讲话, 同志们).
        guard !positionTitles.contains(where: { foldedName.hasSuffix($0) }) else { return nil }
        let glued = text[position.upperBound..<name.lowerBound].isEmpty
        if glued, foldedName.contains(where: { "会议讲话发言工作同志们的在上和与及等届次".contains($0) }) { return nil }
        return .speaker(position: String(text[position]), name: nameText)
    }
}

/// Lines that only separate one speech from the next in a compilation: `——————`, `***`, `＝＝＝`.
enum SeparatorLine {
    private static let marks: Set<Character> = ["—", "─", "━", "-", "－", "*", "＊", "=", "＝", "_", "＿", "~", "～", "※", "·", "…"]

    static func matches(_ line: String) -> Bool {
        let visible = line.filter { !$0.isWhitespace }
        return visible.count >= 3 && visible.allSatisfy(marks.contains)
    }
}

/// The sign-off (落款) that ends a notice or a report: the issuing organisation on one line and
/// the date on the next, as the last lines of a document.
struct SignOff: Sendable, Hashable {
    var organization: String?
    var date: DocumentDate

    /// Suffixes of the names of organisations.
    static let organizationSuffixes = [
        "办公室", "办公厅", "委员会", "人民政府", "人民代表大会", "政府", "党委", "县委", "市委", "区委", "省委", "工委",
        "局", "厅", "委", "办", "部", "院", "中心", "协会", "公司", "学校", "大学", "支部", "总支", "小组", "镇", "乡", "街道",
    ]

    /// Whether a short line names an organisation (`中共清源县委办公室`, `县发展和改革局`).
    static func isOrganization(_ line: String) -> Bool {
        let folded = Simplified.fold(line)
        guard folded.count <= 30, !folded.contains(where: { "，。：；！？、".contains($0) }) else { return false }
        return organizationSuffixes.contains { folded.hasSuffix($0) }
    }

    /// Reads the sign-off from the last lines of a speech's body, if they are one.
    static func read(_ lines: [String]) -> SignOff? {
        guard let last = lines.last, let date = ChineseDate.line(last) else { return nil }
        let before = lines.dropLast().last
        return SignOff(organization: before.flatMap { isOrganization($0) ? $0 : nil }, date: date)
    }
}
