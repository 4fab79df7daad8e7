/// Everything read from the content folder: configuration, topic catalogue, Markdown sources and
/// the other files the site copies as they are.
public struct ContentTree: Sendable {
    public var config: SiteConfig
    public var catalog: TopicCatalog
    public var sources: [SourceFile]
    /// Content-relative paths of non-Markdown files (images, attachments).
    public var staticFiles: [String]
    public var diagnostics: [Diagnostic]

    /// The rules `lantai import` reads beside the content (`content/import.yml`).
    public static let importRulesFileName = "import.yml"

    /// Files at the content folder's root that configure the site or its tools: read, never
    /// published.
    public static let configurationFiles: Set<String> = [SiteConfig.fileName, TopicCatalog.fileName, importRulesFileName]

    /// Used when `content/topics.yml` does not exist.
    public static let defaultCatalog = TopicCatalog(topics: [
        Topic(name: "服务意识", slug: "service", description: "围绕中心、服务大局，服务领导、服务基层、服务群众。"),
        Topic(name: "参谋作用", slug: "advisory", description: "以文辅政，当好参谋助手。"),
        Topic(name: "督查", slug: "supervision", description: "督查督办，抓好工作落实。"),
    ])
}
