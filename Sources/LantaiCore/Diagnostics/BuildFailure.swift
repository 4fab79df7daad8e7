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
        let errors = diagnostics.filter { $0.severity == .error }.count
        return (diagnostics.map(\.description) + ["build failed: \(errors) error\(errors == 1 ? "" : "s")"])
            .joined(separator: "\n")
    }
}
