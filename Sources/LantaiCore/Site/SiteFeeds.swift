/// The portal's Atom feed of its newest documents (`feed.xml`) and its sitemap (`sitemap.xml`).
/// Links are relative to the site's root, so they work wherever the portal is put (a sub-path,
/// a USB stick); with `base_url` in site.yml they are absolute, as crawlers want. Dates are the
/// documents' own, so the same content gives the same bytes.
public enum SiteFeeds {
    public static let feedPath = "feed.xml"
    public static let sitemapPath = "sitemap.xml"
    /// How many of the newest dated documents the feed lists.
    public static let feedSize = 20

    public static func atom(_ corpus: Corpus) -> String {
        let config = corpus.config
        let dated = corpus.documents.filter { $0.date != nil }.prefix(feedSize)
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">"#,
            "  <title>\(xml(config.title))</title>",
        ]
        if !config.description.isEmpty { lines.append("  <subtitle>\(xml(config.description))</subtitle>") }
        lines.append("  <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(link(SitePaths.home, config)))\"/>")
        lines.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(link(feedPath, config)))\"/>")
        lines.append("  <id>\(xml(identifier(for: SitePaths.home, config)))</id>")
        lines.append("  <updated>\(timestamp(dated.first?.date))</updated>")
        lines.append("  <author><name>\(xml(config.title))</name></author>")
        for document in dated {
            lines.append("  <entry>")
            lines.append("    <title>\(xml(document.title))</title>")
            lines.append("    <link rel=\"alternate\" type=\"text/html\" href=\"\(xml(link(document.pagePath, config)))\"/>")
            lines.append("    <id>\(xml(identifier(for: document.pagePath, config)))</id>")
            lines.append("    <updated>\(timestamp(document.date))</updated>")
            if let author = document.speaker ?? document.organization { lines.append("    <author><name>\(xml(author))</name></author>") }
            if let type = document.type { lines.append("    <category term=\"\(xml(type))\"/>") }
            if let summary = document.summary ?? document.passages.first?.text {
                lines.append("    <summary>\(xml(String(summary.prefix(200))))</summary>")
            }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every page, in path order; a document's page with its date.
    public static func sitemap(pages: [String], corpus: Corpus) -> String {
        let dates = Dictionary(corpus.documents.compactMap { document in document.date.map { (document.pagePath, $0) } }, uniquingKeysWith: { first, _ in first })
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for page in Set(pages).sorted() {
            let modified = dates[page].map { "<lastmod>\($0.description)</lastmod>" } ?? ""
            lines.append("  <url><loc>\(xml(link(page, corpus.config)))</loc>\(modified)</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A page's address: relative to the root (where the feed and the sitemap are), or under
    /// `base_url`.
    static func link(_ path: String, _ config: SiteConfig) -> String {
        (config.baseURL ?? "") + URLEscape.href(path)
    }

    /// An entry's permanent id: its address under `base_url`, else a URN of its path.
    static func identifier(for path: String, _ config: SiteConfig) -> String {
        config.baseURL.map { $0 + URLEscape.href(path) } ?? "urn:lantai:" + URLEscape.href(path)
    }

    static func timestamp(_ date: DocumentDate?) -> String {
        (date?.description ?? "1970-01-01") + "T00:00:00Z"
    }

    /// Text for XML: HTML's escaping (the same five characters), after taking out what XML 1.0
    /// does not allow as a character (control characters of a title, U+FFFE, U+FFFF).
    static func xml(_ text: String) -> String {
        // Most text holds none of them (U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8).
        let utf8 = text.utf8
        let clean = !utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }
        if clean || !text.unicodeScalars.contains(where: { !isAllowed($0) }) { return HTMLEscape.text(text) }
        return HTMLEscape.text(String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed))))
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        !(scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}
