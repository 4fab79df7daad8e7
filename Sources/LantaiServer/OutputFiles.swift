import Foundation

/// Maps a request path onto a file of the output folder. A path that would leave the folder
/// (`..`, an encoded `..`, a NUL, a backslash, a link pointing outside) is refused, not looked up.
public struct OutputFiles: Sendable {
    public enum Lookup: Sendable, Equatable {
        /// The file's absolute path and the content type to send it with.
        case file(path: String, contentType: String)
        case notFound
        case refused
    }

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// `/speeches/a.html` → that file; `/` and folders → their `index.html`.
    public func lookup(_ requestPath: String) -> Lookup {
        guard let decoded = requestPath.removingPercentEncoding else { return .refused }
        var parts: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." || part == "." || part.contains("\0") || part.contains("\\") { return .refused }
            parts.append(String(part))
        }
        var file = root
        for part in parts { file.appendPathComponent(part) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            file.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: file.path) else { return .notFound }
        }
        // A symbolic link inside the output may point anywhere: follow it and look again.
        let real = file.resolvingSymlinksInPath().path
        let realRoot = root.resolvingSymlinksInPath().path
        guard real.hasPrefix(realRoot + "/") else { return .refused }
        return .file(path: real, contentType: Self.contentType(of: real))
    }

    /// The content type by file extension; text types say UTF-8, which is what the build writes.
    public static func contentType(of path: String) -> String {
        let dot = path.lastIndex(of: ".").map { path[path.index(after: $0)...].lowercased() } ?? ""
        return contentTypes[dot] ?? "application/octet-stream"
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "yml": "text/plain; charset=utf-8",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
    ]
}
