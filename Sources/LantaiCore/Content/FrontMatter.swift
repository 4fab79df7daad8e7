import Foundation

/// The metadata a document's author wrote between the `---` fences. Every field is optional;
/// the document stage fills gaps (title from the first heading, date from the file name).
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    /// The line under the title (`在全市政务服务工作会议上的讲话`), without its dashes.
    public var subtitle: String?
    public var date: DocumentDate?
    public var speaker: String?
    /// The speaker's position (`县政府副县长`).
    public var position: String?
    public var organization: String?
    public var venue: String?
    public var type: String?
    /// Where the type is written, to point at an unknown one.
    public var typeLocation: SourceLocation?
    public var summary: String?
    public var slug: String?
    /// Topic names or slugs as written, with their positions so an unknown one can be pointed at.
    public var topics: [Located<String>] = []
    /// Topics the classifier must not give this document, however its passages read.
    public var excludeTopics: [Located<String>] = []
    public var draft = false

    public init() {}

    /// The keys this stage reads; other keys (written by `lantai import`, say) are kept in the
    /// file and ignored by the build.
    public static let knownKeys: Set<String> = [
        "title", "subtitle", "date", "speaker", "position", "organization", "venue", "type", "topics", "exclude_topics", "summary", "draft", "slug",
    ]

    /// Reads front matter YAML. `firstLine` is the file line of the YAML's first line.
    /// Every problem is returned; the values that were fine are still filled in.
    public static func parse(_ yaml: String, path: String, firstLine: Int) -> (FrontMatter, [Diagnostic]) {
        var fields: YAMLMapping
        switch YAMLMapping.parse(yaml, path: path, lineOffset: firstLine - 1) {
        case .success(let mapping): fields = mapping
        case .failure(let diagnostic): return (FrontMatter(), [diagnostic])
        }
        var matter = FrontMatter()
        matter.title = fields.string("title")?.value.nonBlank
        matter.subtitle = fields.string("subtitle")?.value.nonBlank
        matter.speaker = fields.string("speaker")?.value.nonBlank
        matter.position = fields.string("position")?.value.nonBlank
        matter.organization = fields.string("organization")?.value.nonBlank
        matter.venue = fields.string("venue")?.value.nonBlank
        let type = fields.string("type")
        matter.type = type?.value.nonBlank
        matter.typeLocation = type?.location
        matter.summary = fields.string("summary")?.value.nonBlank
        matter.topics = fields.stringList("topics").filter { $0.value.nonBlank != nil }
        matter.excludeTopics = fields.stringList("exclude_topics").filter { $0.value.nonBlank != nil }
        matter.draft = fields.bool("draft") ?? false
        if let slug = fields.string("slug") {
            if Slug.isValid(slug.value) {
                matter.slug = slug.value
            } else {
                fields.report(Message(zh: "“slug”只能用小写字母 a-z、数字 0-9、“-”和“_”，写成了“\(slug.value)”",
                                      en: "'slug' must use only a-z, 0-9, '-' and '_', found '\(slug.value)'"), at: slug.location)
            }
        }
        if let date = fields.string("date") {
            if let parsed = DocumentDate(parsing: date.value) {
                matter.date = parsed
            } else {
                fields.report(DocumentDate.problem(with: date.value), at: date.location)
            }
        }
        return (matter, fields.diagnostics)
    }
}

extension String {
    /// The string with surrounding white space removed, or nil when nothing is left.
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
