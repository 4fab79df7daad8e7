/// A problem found in a user's file, printed the way compilers and editors expect:
/// `path:line:column: error: message`.
///
/// Lines and columns are 1-based; the column counts characters (Unicode scalars) as an editor
/// shows them, not UTF-8 bytes.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning

        /// The word before the message: `error`, `错误`.
        public func word(_ language: Language) -> String {
            switch (self, language) {
            case (.error, .en): "error"
            case (.warning, .en): "warning"
            case (.error, .zh): "错误"
            case (.warning, .zh): "警告"
            }
        }
    }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// What is wrong and how to fix it, in the user's terms, in each language.
    public var text: Message

    /// The message in English, as developers and the tests read it.
    public var message: String { text.en }

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, text: Message) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.text = text
    }

    public static func error(_ text: Message, in path: String, at location: SourceLocation = .start) -> Diagnostic {
        Diagnostic(path: path, line: location.line, column: location.column, severity: .error, text: text)
    }

    public static func warning(_ text: Message, in path: String, at location: SourceLocation = .start) -> Diagnostic {
        Diagnostic(path: path, line: location.line, column: location.column, severity: .warning, text: text)
    }

    public static func error(zh: String, en: String, in path: String, at location: SourceLocation = .start) -> Diagnostic {
        .error(Message(zh: zh, en: en), in: path, at: location)
    }

    public static func warning(zh: String, en: String, in path: String, at location: SourceLocation = .start) -> Diagnostic {
        .warning(Message(zh: zh, en: en), in: path, at: location)
    }

    /// `path:line:column: error: message`, or in Chinese `path:line:column: 错误：message`.
    public func description(in language: Language) -> String {
        let separator = language == .zh ? "：" : ": "
        return "\(path):\(line):\(column): \(severity.word(language))\(separator)\(text.text(language))"
    }

    public var description: String {
        description(in: .en)
    }
}

/// A 1-based line and character column in a source file.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in a stable order: by file, then position.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }
}
