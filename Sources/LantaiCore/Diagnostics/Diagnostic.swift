/// A problem found in a user's file, printed the way compilers and editors expect:
/// `path:line:column: error: message`.
///
/// Lines and columns are 1-based; the column counts characters (Unicode scalars) as an editor
/// shows them, not UTF-8 bytes.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, in path: String, at location: SourceLocation = .start) -> Diagnostic {
        Diagnostic(path: path, line: location.line, column: location.column, severity: .error, message: message)
    }

    public static func warning(_ message: String, in path: String, at location: SourceLocation = .start) -> Diagnostic {
        Diagnostic(path: path, line: location.line, column: location.column, severity: .warning, message: message)
    }

    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
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
