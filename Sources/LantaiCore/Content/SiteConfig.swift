/// The portal's settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title = "兰台"
    public var description = ""
    /// How many documents the home page lists as latest.
    public var latestCount = 10
    /// Document types with the ASCII slugs their archive pages use.
    public var documentTypes: [DocumentType] = DocumentType.defaults

    public init() {}

    public static let fileName = "site.yml"

    public static func parse(_ yaml: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var fields: YAMLMapping
        switch YAMLMapping.parse(yaml, path: path, lineOffset: 0) {
        case .success(let mapping): fields = mapping
        case .failure(let diagnostic): return (SiteConfig(), [diagnostic])
        }
        var config = SiteConfig()
        if let title = fields.string("title")?.value.nonBlank { config.title = title }
        if let description = fields.string("description")?.value { config.description = description }
        if let latest = fields.int("latest") {
            if latest > 0 { config.latestCount = latest } else { fields.report("'latest' must be at least 1", at: fields.location(ofKey: "latest") ?? .start) }
        }
        var types: [DocumentType] = []
        for var entry in fields.mappingList("types") {
            let name = entry.string("name")
            let slug = entry.string("slug")
            if let name, let slug, let nameText = name.value.nonBlank {
                if Slug.isValid(slug.value) {
                    types.append(DocumentType(name: nameText, slug: slug.value))
                } else {
                    entry.report("'slug' must use only a-z, 0-9, '-' and '_', found '\(slug.value)'", at: slug.location)
                }
            } else if name == nil || slug == nil {
                entry.report("each type needs a 'name' and a 'slug'", at: entry.location(ofKey: "name") ?? entry.location(ofKey: "slug") ?? .start)
            }
            fields.absorb(entry.diagnostics)
        }
        if !types.isEmpty {
            // Site types come first; defaults not redefined stay available.
            let named = Set(types.map(\.name))
            config.documentTypes = types + DocumentType.defaults.filter { !named.contains($0.name) }
        }
        return (config, fields.diagnostics)
    }

    /// The slug for a type name: the configured one, else a stable ASCII slug.
    public func typeSlug(for name: String) -> String {
        documentTypes.first { $0.name == name }?.slug ?? Slug.make(name)
    }
}

/// A kind of document (讲话, 经验交流, 指导意见 …) and its ASCII slug.
public struct DocumentType: Sendable, Hashable {
    public var name: String
    public var slug: String

    public static let defaults: [DocumentType] = [
        DocumentType(name: "讲话", slug: "speech"),
        DocumentType(name: "经验交流", slug: "experience"),
        DocumentType(name: "指导意见", slug: "guidance"),
        DocumentType(name: "工作报告", slug: "report"),
        DocumentType(name: "工作总结", slug: "summary"),
        DocumentType(name: "通知", slug: "notice"),
        DocumentType(name: "说明", slug: "manual"),
    ]
}
