/// The portal's settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title = "兰台"
    public var description = ""
    /// How many documents the home page lists as latest.
    public var latestCount = 10
    /// The address the portal is published under (`https://oa.example.gov.cn/portal/`), for the
    /// absolute links of the feed and the sitemap; nil keeps them relative.
    public var baseURL: String?
    /// The front-matter keys that are browsable beside topics, years and types: an overview page
    /// of their values and a page per value (`taxonomies: [speaker, organization]`).
    public var taxonomies: [Taxonomy] = [.speaker, .organization]
    /// Document types with the ASCII slugs their archive pages use.
    public var documentTypes: [DocumentType] = DocumentType.defaults
    /// The schemes a link or image in a document may use (`link_schemes`); others are shown as
    /// text with a warning.
    public var linkSchemes = ["http", "https", "mailto", "ftp", "tel"]
    /// What a link to the web server's root (`/oa/notice.html`) gets (`root_links`): it leaves
    /// the portal, which may be served under a sub-path or opened from a folder.
    public var rootLinks = RootLinks.warn
    /// Whether `data/topics.json` quotes each passage's text (`topic_passage_text: true`); by
    /// default it lists passages by their anchors, which is what the file's tools link to: the
    /// text made it the largest file of the output (318 MB at 10,000 documents).
    public var topicPassageText = false

    public enum RootLinks: String, Sendable, Hashable {
        /// Kept as written, with one warning a file.
        case warn
        /// Kept as written, quietly: the portal is served at the root of a server that has them.
        case allow
    }

    /// Schemes whose URLs can run scripts in the page: never linked, whatever `link_schemes` says.
    public static let scriptSchemes: Set<String> = ["javascript", "vbscript", "data"]

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
            if latest > 0 { config.latestCount = latest } else { fields.report(Message(zh: "“latest”（首页列出的篇数）至少是 1", en: "'latest' must be at least 1"), at: fields.location(ofKey: "latest") ?? .start) }
        }
        if let quote = fields.bool("topic_passage_text") { config.topicPassageText = quote }
        if let base = fields.string("base_url") {
            let value = base.value.trimmingCharacters(in: .whitespaces)
            let lowered = value.lowercased()
            if (lowered.hasPrefix("http://") || lowered.hasPrefix("https://")), !value.contains(where: \.isWhitespace), value.count > 8 {
                config.baseURL = value.hasSuffix("/") ? value : value + "/"
            } else {
                fields.report(Message(zh: "“base_url”应当是门户发布的网址，以 http:// 或 https:// 开头，例如 https://oa.example.gov.cn/portal/，写成了“\(base.value)”",
                                      en: "'base_url' must be the address the portal is published under, starting with http:// or https://, e.g. https://oa.example.gov.cn/portal/; found '\(base.value)'"),
                              at: base.location)
            }
        }
        if fields.keys.contains("taxonomies") {
            var taxonomies: [Taxonomy] = []
            for key in fields.stringList("taxonomies") {
                if let taxonomy = Taxonomy(rawValue: key.value) {
                    if !taxonomies.contains(taxonomy) { taxonomies.append(taxonomy) }
                } else {
                    let known = Taxonomy.allCases.map(\.rawValue).joined(separator: "、")
                    fields.report(Message(zh: "“taxonomies”里的“\(key.value)”不能用来浏览：可以用 \(known)",
                                          en: "'\(key.value)' in 'taxonomies' is not a browsable key; use \(Taxonomy.allCases.map(\.rawValue).joined(separator: ", "))"),
                                  at: key.location)
                }
            }
            config.taxonomies = taxonomies
        }
        if let rootLinks = fields.string("root_links") {
            if let value = RootLinks(rawValue: rootLinks.value) {
                config.rootLinks = value
            } else {
                fields.report(Message(zh: "“root_links”只能是 warn（保留指向网站根目录的链接并提示）或 allow（保留且不提示），写成了“\(rootLinks.value)”",
                                      en: "'root_links' is 'warn' (keep links to the web server's root, with a warning) or 'allow' (keep them quietly), found '\(rootLinks.value)'"), at: rootLinks.location)
            }
        }
        if fields.keys.contains("link_schemes") {
            var schemes: [String] = []
            for scheme in fields.stringList("link_schemes") {
                let name = scheme.value.lowercased()
                if Self.scriptSchemes.contains(name) {
                    fields.report(Message(zh: "“link_schemes”里的“\(scheme.value)”能在页面里运行脚本，不能允许：删掉它",
                                          en: "'\(scheme.value)' in 'link_schemes' can run scripts in a page and cannot be allowed; remove it"), at: scheme.location)
                } else if !Self.isScheme(name) {
                    fields.report(Message(zh: "“link_schemes”里的“\(scheme.value)”不是链接种类的名字（以字母开头，只含字母、数字、“+”“-”“.”，不带“:”）",
                                          en: "'\(scheme.value)' in 'link_schemes' is not a URL scheme (a letter, then letters, digits, '+', '-' or '.', without ':')"), at: scheme.location)
                } else if !schemes.contains(name) {
                    schemes.append(name)
                }
            }
            config.linkSchemes = schemes
        }
        var types: [DocumentType] = []
        for var entry in fields.mappingList("types") {
            let name = entry.string("name")
            let slug = entry.string("slug")
            if let name, let slug, let nameText = name.value.nonBlank {
                if Slug.isValid(slug.value) {
                    types.append(DocumentType(name: nameText, slug: slug.value))
                } else {
                    entry.report(Message(zh: "“slug”只能用小写字母 a-z、数字 0-9、“-”和“_”，写成了“\(slug.value)”", en: "'slug' must use only a-z, 0-9, '-' and '_', found '\(slug.value)'"), at: slug.location)
                }
            } else if name == nil || slug == nil {
                entry.report(Message(zh: "每个类型都要写 name（名称）和 slug（英文名）", en: "each type needs a 'name' and a 'slug'"), at: entry.location(ofKey: "name") ?? entry.location(ofKey: "slug") ?? .start)
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

    static func isScheme(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    /// The slug for a type name: the configured one, else a stable ASCII slug.
    public func typeSlug(for name: String) -> String {
        documentTypes.first { $0.name == name }?.slug ?? Slug.make(name)
    }
}

/// A kind of document (讲话, 经验交流, 指导意见 …) and its ASCII slug.
public struct DocumentType: Sendable, Hashable, Fingerprinted {
    public var name: String
    public var slug: String

    public static let defaults: [DocumentType] = [
        DocumentType(name: "讲话", slug: "speech"),
        DocumentType(name: "经验交流", slug: "experience"),
        DocumentType(name: "指导意见", slug: "guidance"),
        DocumentType(name: "工作报告", slug: "report"),
        DocumentType(name: "工作总结", slug: "summary"),
        DocumentType(name: "通知", slug: "notice"),
        DocumentType(name: "通报", slug: "bulletin"),
        DocumentType(name: "汇报", slug: "briefing"),
        DocumentType(name: "调研报告", slug: "research"),
        DocumentType(name: "方案", slug: "plan"),
        DocumentType(name: "致辞", slug: "address"),
        DocumentType(name: "说明", slug: "manual"),
    ]
}

/// A front-matter key whose values can be browsed: each value a page of its documents.
public enum Taxonomy: String, Sendable, Hashable, CaseIterable {
    case speaker
    case organization
    case venue
    case position

    /// The overview's folder (`speakers/`).
    public var folder: String {
        switch self {
        case .speaker: "speakers"
        case .organization: "organizations"
        case .venue: "venues"
        case .position: "positions"
        }
    }

    /// Its name as a search filter, in the search page's address (`search.html?org=…`) and as
    /// an option of `lantai search` (`--org`).
    public var parameter: String {
        switch self {
        case .organization: "org"
        default: rawValue
        }
    }

    /// What the pages call it.
    public var label: String {
        switch self {
        case .speaker: "讲话人"
        case .organization: "单位"
        case .venue: "场合"
        case .position: "职务"
        }
    }
}

extension DocumentType {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(name)
        fingerprint.add(slug)
    }
}
