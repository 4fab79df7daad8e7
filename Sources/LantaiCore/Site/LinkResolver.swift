import Foundation

/// Decides what every link and image in a body points at, given all pages of the site.
///
/// Links to other Markdown files become links to their pages; other relative files keep their
/// path inside the site (the build copies them); links that leave the site or name a missing
/// file are broken; schemes that could run code are refused.
public struct LinkResolver: Sendable {
    /// Content path of each document → its page path.
    public var pageOfSource: [String: String]
    /// Content paths of the other files the build copies (images, attachments).
    public var staticFiles: Set<String>
    /// Titles and slugs → the documents that have them (content path, page path), for
    /// `[[标题]]` and `[[slug]]` links.
    public var wikiTargets: [String: [(source: String, page: String, slug: String)]]
    /// Every document's page, for links written to a page rather than to its Markdown.
    private let pages: Set<String>
    /// `link_schemes` of `site.yml`, lower case.
    public var allowedSchemes: [String]
    public var rootLinks: SiteConfig.RootLinks

    public init(pageOfSource: [String: String], staticFiles: Set<String>, documents: [Document] = [], config: SiteConfig = SiteConfig()) {
        self.pageOfSource = pageOfSource
        self.staticFiles = staticFiles
        pages = Set(pageOfSource.values)
        allowedSchemes = config.linkSchemes
        rootLinks = config.rootLinks
        var targets: [String: [(source: String, page: String, slug: String)]] = [:]
        for document in documents.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            for key in Set([document.title, document.slug]) {
                targets[key, default: []].append((document.sourcePath, document.pagePath, document.slug))
            }
        }
        self.wikiTargets = targets
    }

    /// The page a wiki link names, or why it names none.
    func wikiPage(_ name: String) -> Result<String, LinkFailure> {
        let pages = wikiTargets[name] ?? []
        if pages.count == 1 { return .success(pages[0].page) }
        if pages.isEmpty {
            return .failure(LinkFailure(reason: Message(zh: "没有标题或英文名是“\(name)”的文稿", en: "no document has the title or slug '\(name)'")))
        }
        let sources = pages.map(\.source).joined(separator: ", ")
        let slugs = pages.map { "[[\($0.slug)]]" }.joined(separator: " or ")
        let slugsZH = pages.map { "[[\($0.slug)]]" }.joined(separator: " 或 ")
        return .failure(LinkFailure(reason: Message(zh: "“\(name)”对应好几篇文稿（\(sources)）：改用英文名链接，写成 \(slugsZH)",
                                                    en: "'\(name)' names several documents (\(sources)); link by slug instead: \(slugs)")))
    }

    struct LinkFailure: Error {
        var reason: Message
    }

    /// The page of the document a link points at, if it points at another document's page: for
    /// backlinks. Uses the same resolution as `target(for:in:)`.
    public func linkedPage(for destination: String, in document: Document) -> String? {
        if case .document(let page, _) = resolve(destination, in: document) { return page }
        return nil
    }

    /// `标题` of a `[[标题]]` destination.
    static func wikiName(_ destination: String) -> String? {
        guard destination.hasPrefix("[["), destination.hasSuffix("]]"), destination.count > 4 else { return nil }
        return String(destination.dropFirst(2).dropLast(2))
    }

    /// Every URL written is percent-encoded as cmark-gfm encodes destinations (`URLEscape`).
    public func target(for destination: String, in document: Document) -> LinkTarget {
        switch resolve(destination, in: document) {
        case .asWritten(let url): return .url(URLEscape.href(url))
        case .rootOfServer(let url): return rootLinks == .allow ? .url(URLEscape.href(url)) : .outside(URLEscape.href(url))
        case .unsafe:
            let schemes = allowedSchemes.isEmpty ? "" : allowedSchemes.joined(separator: ", ") + " and "
            let schemesZH = allowedSchemes.isEmpty ? "" : allowedSchemes.joined(separator: "、") + " 链接和"
            return .unsafe(allowed: Message(zh: "只能用\(schemesZH)门户自己的文件；允许的链接种类写在 site.yml 的 link_schemes 里",
                                            en: "only \(schemes)the site's own files; 'link_schemes' in site.yml lists the schemes"))
        case .broken(let reason): return .broken(reason: reason)
        case .document(let page, let fragment): return .url(URLEscape.href(SitePath.relative(from: document.pagePath, to: page) + fragment))
        case .file(let outputPath, let fragment):
            return .url(URLEscape.href(SitePath.relative(from: document.pagePath, to: outputPath) + fragment))
        }
    }

    /// What a destination names, before it is written relative to the linking page.
    enum Resolution {
        /// Kept as written: a fragment in the same page, or an allowed external URL.
        case asWritten(String)
        /// A path from the web server's root, outside the portal.
        case rootOfServer(String)
        case unsafe
        case broken(Message)
        /// A document's page (site-relative) and the `#fragment`, if any.
        case document(page: String, fragment: String)
        /// A copied file's output path and the `#fragment`, if any.
        case file(outputPath: String, fragment: String)
    }

    func resolve(_ destination: String, in document: Document) -> Resolution {
        // Foundation's trimming and percent decoding only where there is something to take out:
        // every build resolves every link of every document (for the pages' fingerprints).
        let scalars = destination.unicodeScalars
        let trimmed = scalars.first.map(CharacterSet.whitespaces.contains) == false && scalars.last.map(CharacterSet.whitespaces.contains) == false
            ? destination : destination.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .asWritten(trimmed) }
        if let name = Self.wikiName(trimmed) {
            switch wikiPage(name) {
            case .success(let page): return .document(page: page, fragment: "")
            case .failure(let failure): return .broken(failure.reason)
            }
        }
        if let scheme = Self.scheme(of: trimmed)?.lowercased() {
            return allowedSchemes.contains(scheme) && !SiteConfig.scriptSchemes.contains(scheme) ? .asWritten(trimmed) : .unsafe
        }
        if trimmed.hasPrefix("//") { return .asWritten(trimmed) }
        if trimmed.hasPrefix("/") { return .rootOfServer(trimmed) }

        let (pathPart, fragment) = Self.splitFragment(trimmed)
        let decoded = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
        if decoded.hasPrefix("/") { return .rootOfServer(trimmed) }
        guard let sourcePath = SitePath.resolve(decoded, inDirectoryOf: document.sourcePath) else {
            return .broken(Message(zh: "链接指到了内容文件夹外面", en: "the link leaves the content folder"))
        }
        if decoded.hasSuffix(".md") {
            guard let page = pageOfSource[sourcePath] else {
                return .broken(Message(zh: "内容文件夹里没有“\(sourcePath)”这篇文稿：检查文件名和路径", en: "no document at '\(sourcePath)' in the content folder"))
            }
            return .document(page: page, fragment: fragment)
        }
        guard staticFiles.contains(sourcePath) else {
            // Markdown exported with its HTML links to the other documents' `.html` (Node's docs
            // link `fs.html` beside `fs.md`): the page of that document is there.
            if decoded.hasSuffix(".html"), pages.contains(Self.outputPath(ofStatic: sourcePath)) {
                return .document(page: Self.outputPath(ofStatic: sourcePath), fragment: fragment)
            }
            return .broken(Message(zh: "内容文件夹里没有“\(sourcePath)”这个文件：检查文件名和路径", en: "no file at '\(sourcePath)' in the content folder"))
        }
        return .file(outputPath: Self.outputPath(ofStatic: sourcePath), fragment: fragment)
    }

    /// Static files keep their name; their folders get the same ASCII slugs as page folders.
    public static func outputPath(ofStatic sourcePath: String) -> String {
        let parts = sourcePath.split(separator: "/").map(String.init)
        return (parts.dropLast().map(Slug.make) + [parts.last ?? ""]).joined(separator: "/")
    }

    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              candidate.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return String(candidate)
    }

    private static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }
}
