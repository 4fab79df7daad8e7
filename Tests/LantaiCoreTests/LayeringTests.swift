import Foundation
import LantaiTestSupport
import Testing

/// The folders of `Sources/LantaiCore` in the layers the README draws: a folder may use a type
/// declared in a folder of a lower layer only. Uses are found in the source text: every
/// capitalised identifier outside comments and string literals that names a type declared at the
/// top level of another folder.
@Suite struct LayeringTests {
    static let library = RepositoryPaths.root.appendingPathComponent("Sources/LantaiCore")

    /// The README's ```layers block, top line first: each line the folders of one layer.
    static func layers() throws -> [[String]] {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```layers\n"), "the README draws no layers")
        let end = try #require(readme[start.upperBound...].range(of: "```"))
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n")
            .map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
    }

    /// Each folder's Swift files (with their subfolders'), by folder.
    static func sources() throws -> [String: [(file: String, text: String)]] {
        var sources: [String: [(file: String, text: String)]] = [:]
        let root = library.standardizedFileURL.path + "/"
        let files = try #require(FileManager.default.enumerator(atPath: root))
        for case let path as String in files where path.hasSuffix(".swift") {
            guard let folder = path.split(separator: "/").first, path.contains("/") else { continue }
            sources[String(folder), default: []].append((path, try String(contentsOfFile: root + path, encoding: .utf8)))
        }
        return sources
    }

    /// `text` without comments and string literals (multi-line, raw and plain).
    static func code(_ text: String) -> String {
        var code = text
        let patterns = [##"(#*)"""[\s\S]*?"""\1"##, ##"#+"[^\n]*?"#+"##, ##""(?:\\.|[^"\\\n])*""##, ##"/\*[\s\S]*?\*/"##, ##"//[^\n]*"##]
        for pattern in patterns {
            code = code.replacingOccurrences(of: pattern, with: "\"\"", options: .regularExpression)
        }
        return code
    }

    /// Types declared at the top level of a file (not indented), by name.
    static func declarations(in code: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"^(?:(?:public|internal|fileprivate|private|final|indirect|@\w+(?:\([^)\n]*\))?)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)"#, options: [.anchorsMatchLines])
        return pattern.matches(in: code, range: NSRange(code.startIndex..., in: code)).compactMap { Range($0.range(at: 1), in: code).map { String(code[$0]) } }
    }

    static func identifiers(in code: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\b[A-Z][A-Za-z0-9_]*\b"#)
        return Set(pattern.matches(in: code, range: NSRange(code.startIndex..., in: code)).compactMap { Range($0.range, in: code).map { String(code[$0]) } })
    }

    /// Every use of a type of a folder that is not below the using folder: "file uses Type (Folder)".
    static func violations(layers: [[String]], sources: [String: [(file: String, text: String)]]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: layers.reversed().enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        var owner: [String: String] = [:]
        for (folder, files) in sources {
            for file in files { for name in declarations(in: code(file.text)) { owner[name] = folder } }
        }
        var found: [String] = []
        for (folder, files) in sources.sorted(by: { $0.key < $1.key }) {
            for file in files.sorted(by: { $0.file < $1.file }) {
                for name in identifiers(in: code(file.text)).sorted() {
                    guard let other = owner[name], other != folder, let mine = rank[folder], let theirs = rank[other], theirs >= mine else { continue }
                    found.append("\(file.file) uses \(name) (\(other))")
                }
            }
        }
        return found
    }

    @Test func everyFolderUsesOnlyFoldersBelowIt() throws {
        let layers = try Self.layers()
        let sources = try Self.sources()
        #expect(layers.count >= 5)
        let drawn = Set(layers.flatMap { $0 })
        #expect(drawn.count == layers.flatMap { $0 }.count, "a folder is drawn twice")
        #expect(Set(sources.keys).subtracting(drawn).sorted() == [], "folders missing from the README's layers")
        #expect(drawn.subtracting(sources.keys).sorted() == [], "layers naming no folder")
        #expect(Self.violations(layers: layers, sources: sources) == [])
    }

    /// The check itself: a use of a folder above, and of one beside, is caught; one below is not.
    @Test func aUseOfAFolderAboveOrBesideIsCaught() {
        let layers = [["Top"], ["Left", "Right"], ["Bottom"]]
        let sources: [String: [(file: String, text: String)]] = [
            "Top": [("Top/A.swift", "struct Runner { let s: Sink }\n")],
            "Left": [("Left/B.swift", "public final class Sink {\n    // Runner is only mentioned here\n    let r = Right()\n}\n")],
            "Right": [("Right/C.swift", "struct Right { let text = \"Runner\" }\n")],
            "Bottom": [("Bottom/D.swift", "enum Base { static let runner = Runner() }\n")],
        ]
        #expect(Self.violations(layers: layers, sources: sources) == ["Bottom/D.swift uses Runner (Top)", "Left/B.swift uses Right (Right)"])
    }
}
