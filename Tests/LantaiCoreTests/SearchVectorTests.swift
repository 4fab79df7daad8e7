import Foundation
import LantaiCore
import LantaiTestSupport
import Testing

/// The normalisation and tokenisation vectors that node's tests also run against search.js.
@Suite struct SearchVectorTests {
    struct Vectors: Decodable {
        struct Case<Expected: Decodable>: Decodable {
            var input: String
            var expected: Expected
        }
        var normalize: [Case<String>]
        var grams: [Case<[String]>]
    }

    static func load() throws -> Vectors {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/vectors/normalization.json")
        return try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }

    @Test func normalizationMatchesTheSharedVectors() throws {
        let vectors = try Self.load()
        #expect(vectors.normalize.count >= 15)
        for vector in vectors.normalize {
            #expect(SearchNormalizer.normalize(vector.input) == vector.expected, "input: \(vector.input)")
        }
    }

    @Test func gramsMatchTheSharedVectors() throws {
        for vector in try Self.load().grams {
            #expect(SearchTokenizer.grams(of: vector.input).map(\.gram) == vector.expected, "input: \(vector.input)")
        }
    }

    @Test func theFoldingTableIsOpenCCsCharacterTable() {
        #expect(SearchNormalizer.foldingTable.count == 3751)
        #expect(SearchNormalizer.foldingTable["務"] == "务")
        #expect(SearchNormalizer.foldingTable["著"] == nil)
    }

    @Test func everyOutputCharacterPointsBackToItsSource() {
        let text = "（一）服務 GDP"
        var pairs: [(Unicode.Scalar, Int)] = []
        SearchNormalizer.normalize(text) { scalar, index in
            pairs.append((scalar, text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)))
        }
        // 一 is input scalar 1, 服 3, 務 4; the space before "gdp" stands at g (6).
        #expect(pairs.map { String($0.0) }.joined() == "一服务gdp")
        #expect(pairs.map(\.1) == [1, 3, 4, 6, 7, 8])
    }
}
