import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

@Suite struct FirstSortedTests {
    /// The first elements of a sort without the sort: the same elements in the same order as the
    /// sort's prefix, ties included (equal keys keep their order, as the stable sort keeps them),
    /// for counts of none, some, all and more than there are, and inputs in every order.
    @Test func equalsThePrefixOfTheStableSort() {
        var generator = SeededGenerator(seed: 5)
        let random = (0..<2_000).map { offset in (key: Int(generator.next() % 50), offset: offset) }
        let ascending = random.sorted { ($0.key, $0.offset) < ($1.key, $1.offset) }
        for values in [random, ascending, Array(ascending.reversed()), []] {
            for count in [0, 1, 5, 48, 1_999, 2_000, 3_000] {
                let expected = values.sorted { $0.key > $1.key }.prefix(count).map(\.offset)
                let found = values.firstSorted(count) { $0.key > $1.key }.map(\.offset)
                #expect(found == expected, "\(count) of \(values.count)")
            }
        }
    }
}
