import Foundation
import LantaiTestSupport
import Testing

/// The inputs kept in Fuzz/regressions (what the fuzzers of `make fuzz` found, and inputs that
/// once broke a stage), each run through the checks of its fuzz target: each must pass.
@Suite struct FuzzRegressionTests {
    static let folder = RepositoryPaths.root.appendingPathComponent("Fuzz/regressions")

    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let directory = folder.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted().map {
            ($0, Array(try Data(contentsOf: directory.appendingPathComponent($0))))
        }
    }

    @Test(arguments: [
        ("FuzzFrontMatter", FuzzChecks.contentFile),
        ("FuzzMarkdown", FuzzChecks.markdown),
        ("FuzzImport", FuzzChecks.importedFile),
        ("FuzzParallelParse", FuzzChecks.parallelParse),
    ] as [(String, @Sendable ([UInt8]) -> [String])])
    func findingsStayFixed(target: String, check: @Sendable ([UInt8]) -> [String]) throws {
        let inputs = try Self.inputs(target)
        #expect(!inputs.isEmpty, "Fuzz/regressions/\(target) holds no input")
        for input in inputs {
            #expect(check(input.bytes) == [], "Fuzz/regressions/\(target)/\(input.name)")
        }
    }
}
