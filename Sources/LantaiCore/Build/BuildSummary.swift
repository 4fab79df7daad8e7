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
    /// How many documents' paragraph texts were read back from the build cache (the others'
    /// parses were read without them, `StoredPassageTexts`).
    public var textsReadFromCache = 0
    public var seconds: Double
    public var stages: [(name: String, seconds: Double)]
    public var warnings: [Diagnostic]

    /// `built 12 documents into 31 pages (40 files, 3 written) in 0.21 s` (no `written` when all were)
    public var line: String { line(in: .en) }

    /// The summary in a language: `生成了 12 篇文稿、31 个页面（40 个文件，改动 3 个），用时 0.21 秒`.
    public func line(in language: Language) -> String {
        let time = String(format: "%.2f", seconds)
        if language == .zh {
            let draftNote = drafts > 0 ? "，跳过 \(drafts) 篇草稿" : ""
            let writtenNote = written < files ? "，改动 \(written) 个" : ""
            return "生成了 \(documents) 篇文稿、\(pages) 个页面（\(files) 个文件\(writtenNote)\(draftNote)），用时 \(time) 秒"
        }
        let draftNote = drafts > 0 ? ", \(drafts) draft\(drafts == 1 ? "" : "s") skipped" : ""
        let writtenNote = written < files ? ", \(written) written" : ""
        return "built \(documents) document\(documents == 1 ? "" : "s") into \(pages) pages (\(files) files\(writtenNote)\(draftNote)) in \(time) s"
    }
}

/// What `lantai check` found.
public struct CheckSummary: Sendable {
    public var documents: Int
    public var drafts: Int
    public var diagnostics: [Diagnostic]

    /// `checked 12 documents: no problems` or `checked 12 documents: 2 errors, 1 warning`
    public var line: String { line(in: .en) }

    public func line(in language: Language) -> String {
        if language == .zh {
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let found = diagnostics.isEmpty ? "没有发现问题" : [errors > 0 ? "\(errors) 个错误" : nil, warnings > 0 ? "\(warnings) 个警告" : nil].compactMap { $0 }.joined(separator: "，")
            return "检查了 \(documents) 篇文稿\(drafts > 0 ? "和 \(drafts) 篇草稿" : "")：\(found)"
        }
        return englishLine
    }

    private var englishLine: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
        let found = diagnostics.isEmpty ? "no problems" : [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
        return "checked \(plural(documents, "document"))\(drafts > 0 ? " and \(plural(drafts, "draft"))" : ""): \(found)"
    }
}
