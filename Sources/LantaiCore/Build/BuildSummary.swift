import Foundation

/// What a finished build reports.
public struct BuildSummary: Sendable {
    public var documents: Int
    public var drafts: Int
    public var pages: Int
    public var files: Int
    /// Files written; the others were already in the output with the same bytes.
    public var written: Int
    /// Pages rendered; the others were carried over, made from the same inputs as before.
    public var rendered = 0
    /// Whether the search index was patched from the previous build's instead of made again.
    public var searchPatched = false
    public var seconds: Double
    public var stages: [(name: String, seconds: Double)]
    public var warnings: [Diagnostic]

    /// `built 12 documents into 31 pages (40 files, 3 written) in 0.21 s` (no `written` when all were)
    public var line: String {
        let draftNote = drafts > 0 ? ", \(drafts) draft\(drafts == 1 ? "" : "s") skipped" : ""
        let writtenNote = written < files ? ", \(written) written" : ""
        return "built \(documents) document\(documents == 1 ? "" : "s") into \(pages) pages (\(files) files\(writtenNote)\(draftNote)) in \(String(format: "%.2f", seconds)) s"
    }
}

/// What `lantai check` found.
public struct CheckSummary: Sendable {
    public var documents: Int
    public var drafts: Int
    public var diagnostics: [Diagnostic]

    /// `checked 12 documents: no problems` or `checked 12 documents: 2 errors, 1 warning`
    public var line: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
        let found = diagnostics.isEmpty ? "no problems" : [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
        return "checked \(plural(documents, "document"))\(drafts > 0 ? " and \(plural(drafts, "draft"))" : ""): \(found)"
    }
}
