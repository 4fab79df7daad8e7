import Foundation

/// Paths inside the output folder, always with `/`, and the relative URLs between them.
///
/// Every internal link is relative, so the site works from `file://`, from any sub-path of a web
/// server and from a copied folder.
public enum SitePath {
    /// The prefix that leads from a page back to the output root: `""` for `index.html`,
    /// `"../"` for `speeches/x.html`.
    public static func rootPrefix(of pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count - 1)
    }

    /// The URL to write in `from` to reach `to` (both relative to the output root).
    ///
    /// Walked on UTF-8 bytes: a build asks this for every link of every page (some millions
    /// at 10,000 documents). Paths with an empty component (`a//b`, `/a`, `a/`) take the
    /// component-list way, which skips empty components.
    public static func relative(from: String, to: String) -> String {
        let slash = UInt8(ascii: "/")
        var from = from, to = to
        return from.withUTF8 { source in
            to.withUTF8 { target -> String in
                guard isPlain(source), isPlain(target) else { return relativeByComponents(from: String(decoding: source, as: UTF8.self), to: String(decoding: target, as: UTF8.self)) }
                // Folders shared from the start; before `start` both paths hold the same bytes.
                var start = 0
                while let end = target[start...].firstIndex(of: slash), end < source.count, source[end] == slash,
                      source[start..<end].elementsEqual(target[start..<end]) {
                    start = end + 1
                }
                let ups = source[start...].reduce(0) { $0 + ($1 == slash ? 1 : 0) }
                var url: [UInt8] = []
                url.reserveCapacity(3 * ups + target.count - start)
                for _ in 0..<ups { url.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "."), slash]) }
                url.append(contentsOf: target[start...])
                return String(decoding: url, as: UTF8.self)
            }
        }
    }

    /// Not empty, no leading or trailing `/`, no `//`.
    private static func isPlain(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        guard let first = path.first, let last = path.last, first != slash, last != slash else { return false }
        for index in 1..<path.count where path[index] == slash && path[index - 1] == slash { return false }
        return true
    }

    static func relativeByComponents(from: String, to: String) -> String {
        let fromDirectory = from.split(separator: "/").dropLast()
        let target = to.split(separator: "/")
        var common = 0
        while common < fromDirectory.count, common < target.count - 1,
              fromDirectory[fromDirectory.startIndex + common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirectory.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// `value` as a URL query value: percent-encoded except letters, digits and `-._~`, so `&`,
    /// `=`, `+`, `#` and spaces in a name keep their meaning as text.
    public static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "-._~")
        allowed.formUnion(CharacterSet(charactersIn: "a"..."z"))
        allowed.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        allowed.formUnion(CharacterSet(charactersIn: "0"..."9"))
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Resolves `relative` (with `.` and `..`) against a directory, both inside a root folder.
    /// Returns nil when the result would leave the root.
    public static func resolve(_ relative: String, inDirectoryOf path: String) -> String? {
        var components = path.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }
}
