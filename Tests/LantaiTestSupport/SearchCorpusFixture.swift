import Foundation
import LantaiCore

/// A content tree for search tests, cut from the real speeches in `Tests/Fixtures/raw` (copies of
/// `../shared/corpus/raw`)
/// (read only): each file becomes several documents of five lines, so there are dozens
/// of documents full of real Chinese phrasing, traditional characters and junk; most have a
/// speaker and an organisation.
public enum SearchCorpusFixture {
    public static let rawFolder = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/raw")

    public static func files() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: rawFolder.path).filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else { throw CocoaError(.fileNoSuchFile) }
        var files: [String: String] = [:]
        for (fileNumber, name) in names.enumerated() {
            let text = try String(contentsOf: rawFolder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            for (part, start) in stride(from: 0, to: lines.count, by: 5).enumerated() {
                let body = lines[start..<min(start + 5, lines.count)].joined(separator: "\n\n")
                let year = 2015 + (fileNumber + part) % 6
                // A speaker for three documents in four, an organisation for two in three.
                let speaker = ["李明", "王建国", "陈刚", nil][(fileNumber * 7 + part) % 4]
                let organization = ["县政府办公室", "市委办公室", nil][part % 3]
                let head = ["title: 讲话\(fileNumber)之\(part)", "topics: [\(part % 2 == 0 ? "服务意识" : "督查")]",
                            speaker.map { "speaker: \($0)" }, organization.map { "organization: \($0)" }].compactMap { $0 }
                files["content/speeches/\(year)-01-\(String(format: "%02d", 1 + part % 28))-s\(fileNumber)-\(part).md"] =
                    "---\n\(head.joined(separator: "\n"))\n---\n\n\(body)\n"
            }
        }
        return files
    }
}

/// A deterministic random number generator (SplitMix64) so property tests repeat exactly.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
