import Foundation

/// Checks a built site the way a reader clicking every link would: every relative `href` and
/// `src` in every HTML page must name a file that exists (its `?query` aside), and every
/// `#fragment` must name an `id` in the page it points to.
public enum LinkChecker {
    public struct Problem: CustomStringConvertible, Equatable {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): \(link): \(reason)" }
    }

    public static func check(site root: URL) -> [Problem] {
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            return [Problem(page: base, link: "", reason: "no such folder")]
        }
        var pages: [String: String] = [:]
        for case let path as String in enumerator where path.hasSuffix(".html") {
            if let data = FileManager.default.contents(atPath: base + "/" + path) {
                pages[path] = String(decoding: data, as: UTF8.self)
            }
        }
        var problems: [Problem] = []
        for (page, html) in pages.sorted(by: { $0.key < $1.key }) {
            for link in links(in: html) {
                if link.hasPrefix("#") {
                    if !ids(in: html).contains(String(link.dropFirst())) {
                        problems.append(Problem(page: page, link: link, reason: "no element with this id"))
                    }
                    continue
                }
                guard isRelative(link) else { continue }
                let (path, fragment) = split(link)
                let decoded = path.removingPercentEncoding ?? path
                let target = resolve(decoded, from: page)
                guard let target, FileManager.default.fileExists(atPath: base + "/" + target) else {
                    problems.append(Problem(page: page, link: link, reason: "points to no file"))
                    continue
                }
                if !target.hasSuffix(".html"), path.hasSuffix("/") || path.isEmpty {
                    problems.append(Problem(page: page, link: link, reason: "directory URL"))
                }
                if let fragment, let targetHTML = pages[target], !ids(in: targetHTML).contains(fragment) {
                    problems.append(Problem(page: page, link: link, reason: "no element with id '\(fragment)' in \(target)"))
                }
            }
        }
        return problems
    }

    /// Values of `href="…"` and `src="…"` attributes, HTML entities for quotes and ampersands undone.
    static func links(in html: String) -> [String] {
        attributeValues(named: ["href", "src"], in: html)
    }

    static func ids(in html: String) -> Set<String> {
        Set(attributeValues(named: ["id"], in: html))
    }

    private static func attributeValues(named names: [String], in html: String) -> [String] {
        var values: [String] = []
        for name in names {
            var rest = html[...]
            let marker = " \(name)=\""
            while let start = rest.range(of: marker) {
                let valueStart = start.upperBound
                guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
                values.append(String(rest[valueStart..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return values
    }

    private static func isRelative(_ link: String) -> Bool {
        !(link.contains(":") && link.split(separator: ":").first.map { !$0.contains("/") } == true) && !link.hasPrefix("//")
    }

    /// The file part and the fragment of a link; a query (`search.html?speaker=…`) is the
    /// page's to read and names no file.
    private static func split(_ link: String) -> (String, String?) {
        let hash = link.firstIndex(of: "#")
        let fileEnd = link[..<(hash ?? link.endIndex)].firstIndex(of: "?") ?? hash ?? link.endIndex
        return (String(link[..<fileEnd]), hash.map { String(link[link.index(after: $0)...]) })
    }

    private static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
