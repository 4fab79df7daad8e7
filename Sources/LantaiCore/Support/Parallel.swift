import Dispatch

/// Per-item work spread over every core.
public enum Parallel {
    /// Maps `items` in parallel, keeping their order. Each call of `transform` must be independent.
    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }
}

extension Parallel {
    /// Runs `work` for every index of `range` in parallel.
    public static func forEach(_ range: Range<Int>, _ work: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: range.count) { work(range.lowerBound + $0) }
    }
}

/// A fixed buffer written at distinct indexes from many threads; each slot is written once.
/// A raw buffer, not an array property, so concurrent writes to different slots do not trip
/// Swift's exclusivity checks.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    /// Every slot has been written once `concurrentPerform` returns.
    func values() -> [Value] {
        slots.compactMap { $0 }
    }
}
