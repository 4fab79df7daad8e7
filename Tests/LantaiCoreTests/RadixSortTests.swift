import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

@Suite struct RadixSortTests {
    /// The radix sort orders by the bits from `fromBit` up and keeps the order of values equal
    /// there: the same as a stable sort by those bits, also when every value shares some bytes.
    @Test func ordersByTheHighBitsAndKeepsTheOrderOfEqualOnes() {
        var generator = SeededGenerator(seed: 11)
        for (count, lowBit, mask) in [(0, 24, UInt64.max), (1, 24, UInt64.max), (3000, 24, UInt64.max), (3000, 24, 0xFF00_0000_FF00_0000),
                                      (3000, 0, UInt64.max), (3000, 8, 0x0000_00FF_FFFF_FFFF)] {
            let values = (0..<count).map { _ in generator.next() & mask }
            var sorted = values
            RadixSort.sort(&sorted, fromBit: lowBit)
            let expected = values.enumerated().sorted { ($0.element >> UInt64(lowBit), $0.offset) < ($1.element >> UInt64(lowBit), $1.offset) }.map(\.element)
            let differs = sorted.count != expected.count || zip(sorted, expected).contains { $0 != $1 }
            #expect(!differs, "\(count) values from bit \(lowBit)")
        }
    }
}
