import Foundation

/// The examples of the GitHub Flavored Markdown spec that Debian's `cmark-gfm` package ships
/// (`/usr/share/doc/cmark-gfm/spec.txt.gz`), numbered as the spec numbers them.
public struct GFMSpec {
    public struct Example: Sendable {
        public var number: Int
        /// The section heading the example sits under.
        public var section: String
        public var markdown: String
        /// The HTML the spec gives; the tests compare with cmark-gfm's own renderer instead.
        public var html: String
    }

    public static let path = "/usr/share/doc/cmark-gfm/spec.txt.gz"

    public let examples: [Example]

    /// Reads the shipped spec; nil when the package is not installed.
    public init?() {
        guard FileManager.default.fileExists(atPath: Self.path) else { return nil }
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", Self.path]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        guard (try? gunzip.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        guard gunzip.terminationStatus == 0 else { return nil }
        examples = Self.examples(in: String(decoding: data, as: UTF8.self))
    }

    static let fence = String(repeating: "`", count: 32)

    /// An example is `fence example [extension]`, its Markdown, a line `.`, its HTML, `fence`;
    /// `→` stands for a tab.
    static func examples(in spec: String) -> [Example] {
        var examples: [Example] = []
        var section = ""
        var part: Int?  // 0 while reading Markdown, 1 while reading HTML
        var markdown = "", html = ""
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if part == nil {
                if line.hasPrefix(fence + " example") { part = 0; markdown = ""; html = "" }
                else if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces) }
                continue
            }
            if line == fence {
                examples.append(Example(number: examples.count + 1, section: section,
                                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                        html: html.replacingOccurrences(of: "→", with: "\t")))
                part = nil
            } else if part == 0, line == "." {
                part = 1
            } else if part == 0 {
                markdown += line + "\n"
            } else {
                html += line + "\n"
            }
        }
        return examples
    }
}
