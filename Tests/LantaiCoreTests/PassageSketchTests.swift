@testable import LantaiCore
import Testing

/// The MinHash signature behind similar-passage candidates: a position of two signatures agrees
/// with the probability of the two trigram sets' Jaccard similarity, for long paragraphs and for
/// short ones (where most of the signature's positions see no trigram of their own).
@Suite struct PassageSketchTests {
    /// Two sets of `size` distinct mixes sharing `shared` of them, drawn from `seed`.
    static func pair(size: Int, shared: Int, seed: UInt64) -> ([UInt64], [UInt64]) {
        let draw = { (n: Int, offset: UInt64) in (0..<n).map { SplitMix.mix(seed &* 1_000_003 &+ offset &+ UInt64($0)) } }
        let common = draw(shared, 0)
        return (common + draw(size - shared, 100_000), common + draw(size - shared, 200_000))
    }

    /// Per pair of `trials`, the share of signature positions that agree.
    static func agreements(size: Int, shared: Int, trials: Int = 300) -> [Double] {
        (0..<trials).map { trial in
            let (a, b) = pair(size: size, shared: shared, seed: UInt64(trial))
            let (x, y) = (PassageSketch.signature(ofMixed: a), PassageSketch.signature(ofMixed: b))
            #expect(x.count == PassageSketch.bands * PassageSketch.rows)
            return Double(zip(x, y).filter { $0 == $1 }.count) / Double(x.count)
        }
    }

    @Test(arguments: [(200, 160), (200, 100), (200, 0), (16, 12), (16, 0), (40, 20)])
    func agreementEstimatesJaccard(size: Int, shared: Int) {
        let jaccard = Double(shared) / Double(2 * size - shared)
        let agreements = Self.agreements(size: size, shared: shared)
        let mean = agreements.reduce(0, +) / Double(agreements.count)
        // 300 pairs × 48 positions: the standard error is below 0.01; the positions of one pair
        // are not independent, hence the wider margin.
        #expect(abs(mean - jaccard) < 0.04, "Jaccard \(jaccard), agreement \(mean)")
        // And each pair's own estimate is close: 48 positions that were one sample copied
        // would agree all or nothing (a mean deviation near 2J(1 − J) instead of about 0.05).
        if size >= 200 {
            let deviation = agreements.reduce(0) { $0 + abs($1 - jaccard) } / Double(agreements.count)
            #expect(deviation < 0.09, "mean deviation of a pair's agreement from \(jaccard): \(deviation)")
        }
    }

    /// The same set gives the same signature whatever the order and repeats of its trigrams.
    @Test func theSignatureIsThatOfTheSet() {
        let (a, _) = Self.pair(size: 30, shared: 30, seed: 7)
        #expect(PassageSketch.signature(ofMixed: a) == PassageSketch.signature(ofMixed: a.reversed() + a.prefix(5)))
    }
}
