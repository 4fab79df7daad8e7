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

    public init(pageOfSource: [String: String], staticFiles: Set<String>) {
        self.pageOfSource = pageOfSource
        self.staticFiles = staticFiles
    }

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel"]

    public func target(for destination: String, in document: Document) -> LinkTarget {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .url(trimmed) }
        if let scheme = Self.scheme(of: trimmed) {
            return Self.allowedSchemes.contains(scheme.lowercased()) ? .url(trimmed) : .unsafe
        }
        if trimmed.hasPrefix("//") { return .url(trimmed) }

        let (pathPart, fragment) = Self.splitFragment(trimmed)
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        if decoded.hasPrefix("/") {
            return .broken(reason: "links inside the portal must be relative, e.g. ../speeches/x.md")
        }
        guard let sourcePath = SitePath.resolve(decoded, inDirectoryOf: document.sourcePath) else {
            return .broken(reason: "the link leaves the content folder")
        }
        if decoded.hasSuffix(".md") {
            guard let page = pageOfSource[sourcePath] else {
                return .broken(reason: "no document at '\(sourcePath)' in the content folder")
            }
            return .url(SitePath.relative(from: document.pagePath, to: page) + fragment)
        }
        guard staticFiles.contains(sourcePath) else {
            return .broken(reason: "no file at '\(sourcePath)' in the content folder")
        }
        let outputPath = Self.outputPath(ofStatic: sourcePath)
        return .url(Self.percentEncode(SitePath.relative(from: document.pagePath, to: outputPath)) + fragment)
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

    private static func percentEncode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
