/// Errors for output paths a build would write twice. Pages, search files and copied files are
/// written from every core into one staging folder, so two of them on one path would leave
/// whichever came last: a document's page lost to a file exported beside it (`fs.md` and
/// `fs.html`), the home page to `content/index.md`. The sink notices the second write; this
/// names what both were, for the file a person can rename.
enum OutputCollisions {
    static func diagnostics(paths: [String], documents: [Document], contentFiles: [String], themeFiles: [String], contentDisplay: String) -> [Diagnostic] {
        let pages = Dictionary(documents.map { ($0.pagePath, $0.displayPath) }, uniquingKeysWith: { first, _ in first })
        let copies = Dictionary(contentFiles.map { (LinkResolver.outputPath(ofStatic: $0), contentDisplay + "/" + $0) }, uniquingKeysWith: { first, _ in first })
        let theme = Set(themeFiles.map { "static/" + $0 })
        return paths.map { path in
            var origins: [Message] = []
            if let page = pages[path] { origins.append(Message(zh: "\(page) 的页面", en: "the page of \(page)")) }
            if let copy = copies[path] { origins.append(Message(zh: "\(copy) 的副本", en: "the copy of \(copy)")) }
            if theme.contains(path) { origins.append(Message(zh: "主题的 \(path)", en: "the theme's \(path)")) }
            if origins.count < 2 { origins.append(Message(zh: "门户自己生成的页面（首页、检索、专题或归档页）", en: "a page the portal makes (home, search, topic or archive page)")) }
            let file = copies[path] ?? pages[path] ?? path
            let fix = copies[path] == nil && pages[path] != nil ? Message(zh: "给 \(file) 改名或换个位置，或者写一个 slug", en: "rename or move \(file), or give it a 'slug'")
                : copies[path] != nil && pages[path] == nil ? Message(zh: "给 \(file) 改名或换个位置", en: "rename or move \(file)")
                : Message(zh: "给其中一个改名或换个位置", en: "rename or move one of them")
            return .error(zh: "“\(path)”会被写两次：作为\(origins[0].zh)和作为\(origins[1].zh)；\(fix.zh)",
                          en: "'\(path)' would be written twice: as \(origins[0].en) and as \(origins[1].en); \(fix.en)", in: file)
        }.sortedForDisplay()
    }

    /// The collisions `lantai check` can see before anything is rendered: documents' pages,
    /// copied files, the theme's files and the pages whose paths are known from the content
    /// alone (home, search, the topics and archive overviews, each topic's page). Two documents
    /// on one page are `Corpus.pageCollisions`' to report.
    static func beforeRendering(documents: [Document], contentFiles: [String], themeFiles: [String], catalog: TopicCatalog, contentDisplay: String) -> [Diagnostic] {
        let portal = Set([SitePaths.home, SitePaths.search, SitePaths.topics, SitePaths.archive, SiteFeeds.feedPath, SiteFeeds.sitemapPath]
                         + catalog.topics.map { SitePaths.topic($0.slug) })
        let claims = [Set(documents.map { $0.pagePath }), Set(contentFiles.map(LinkResolver.outputPath(ofStatic:))), Set(themeFiles.map { "static/" + $0 }), portal]
        var kinds: [String: Int] = [:]
        for paths in claims { for path in paths { kinds[path, default: 0] += 1 } }
        let twice = kinds.filter { $0.value > 1 }.keys.sorted()
        return twice.isEmpty ? [] : diagnostics(paths: twice, documents: documents, contentFiles: contentFiles, themeFiles: themeFiles, contentDisplay: contentDisplay)
    }
}
