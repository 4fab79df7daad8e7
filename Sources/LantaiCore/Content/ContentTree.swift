/// Everything read from the content folder: configuration, topic catalogue, Markdown sources and
/// the other files the site copies as they are.
public struct ContentTree: Sendable {
    public var config: SiteConfig
    public var catalog: TopicCatalog
    /// The Markdown files read, in path order.
    public var sources: [SourceFile]
    /// The Markdown files not read because the build cache vouched for them, in path order.
    public var unread: [UnreadSource] = []
    /// Every Markdown file's stamp when it was listed, by relative path, and when that was
    /// (seconds since 1970): what the next build's `SourceStamps` are made of.
    public var stamps: [String: FileTree.Stamp] = [:]
    public var listedAt = 0
    /// Content-relative paths of non-Markdown files (images, attachments).
    public var staticFiles: [String]
    public var diagnostics: [Diagnostic]

    /// The rules `lantai import` reads beside the content (`content/import.yml`).
    public static let importRulesFileName = "import.yml"

    /// Files at the content folder's root that configure the site or its tools: read, never
    /// published.
    public static let configurationFiles: Set<String> = [SiteConfig.fileName, TopicCatalog.fileName, importRulesFileName]

    /// Used when `content/topics.yml` does not exist: the topics and signals `lantai init` writes.
    public static let defaultCatalog: TopicCatalog = {
        let (catalog, problems) = TopicCatalog.parse(StarterSite.topicsYAML, path: "<default topics>")
        // The starter's topics are part of the program; a mistake in them is a programming error.
        precondition(problems.isEmpty && !catalog.topics.isEmpty, "default topics: \(problems)")
        return catalog
    }()
}
