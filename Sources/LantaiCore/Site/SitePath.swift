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
    public static func relative(from: String, to: String) -> String {
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
