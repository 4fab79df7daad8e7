/// One piece of the source an import removed, for the report a person checks.
public struct Removal: Sendable, Hashable {
    /// 1-based line of the source file.
    public var line: Int
    /// 1-based column (in characters) where the removed text began; 1 for a whole line.
    public var column: Int
    public var text: String
    /// The rule that removed it.
    public var rule: String
    public var wholeLine: Bool

    public var description: String {
        let place = wholeLine ? "line \(line)" : "\(line):\(column)"
        return "\(place) \(rule): \(text)"
    }
}
