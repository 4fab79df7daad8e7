/// Thrown when a build stops because of problems in the user's files; it carries every problem
/// found, not just the first.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedForDisplay()
    }

    public init(_ diagnostic: Diagnostic) {
        self.init(diagnostics: [diagnostic])
    }

    public var description: String {
        description(in: .en)
    }

    /// Every problem, then the count: `build failed: 2 errors`, `生成失败：2 个错误`.
    public func description(in language: Language) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let last = Message(zh: "生成失败：\(errors) 个错误，上一次生成的网站没有改动", en: "build failed: \(errors) error\(errors == 1 ? "" : "s")")
        return (diagnostics.map { $0.description(in: language) } + [last.text(language)]).joined(separator: "\n")
    }
}
