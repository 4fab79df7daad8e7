extension Sequence {
    /// `sorted(by:).prefix(count)` without sorting the rest: the elements are kept in a sorted
    /// array of at most `count`, and one that does not come before the last kept one costs one
    /// comparison. Equal elements keep their order, as in the (stable) sort, so the two agree
    /// for any order. Ranking keeps the best 5 of thousands of candidates per document.
    func firstSorted(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(count)
        for element in self {
            if kept.count == count {
                guard areInIncreasingOrder(element, kept[count - 1]) else { continue }
                kept.removeLast()
            }
            // After every kept element it does not come before: equal ones stay in their order.
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(element, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(element, at: low)
        }
        return kept
    }
}
