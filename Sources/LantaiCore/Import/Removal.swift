/// One piece of the source an import removed, or moved out of the text, for the report a
/// person checks.
public struct Removal: Sendable, Hashable {
    /// 1-based line of the source file.
    public var line: Int
    /// 1-based column (in characters) where the removed text began; 1 for a whole line.
    public var column: Int
    public var text: String
    /// The rule that removed it.
    public var rule: String
    public var wholeLine: Bool
    /// The line was not dropped but moved into the front matter (a subtitle, speaker or date
    /// line under the title): the report lists it, the count of removals does not.
    public var movedToFrontMatter = false

    public init(line: Int, column: Int, text: String, rule: String, wholeLine: Bool, movedToFrontMatter: Bool = false) {
        self.line = line
        self.column = column
        self.text = text
        self.rule = rule
        self.wholeLine = wholeLine
        self.movedToFrontMatter = movedToFrontMatter
    }

    public var description: String {
        let place = wholeLine ? "line \(line)" : "\(line):\(column)"
        return "\(place) \(rule): \(text)"
    }
}
