/// A hash table from gram keys to dense numbers 0, 1, 2… in the order keys were first seen.
///
/// Open addressing with linear probing over two flat arrays: the index build looks up every
/// character, pair and triple of the corpus (some 200 million at 10,000 documents), where
/// `Dictionary`'s SipHash and boxed storage cost several times more. Keys are never 0 (a gram
/// holds at least one scalar above 0), so 0 marks an empty slot.
struct GramTable: Sendable {
    private var keys: [UInt64]
    private var numbers: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        numbers = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The number of `key`, given the next free number when the key is new.
    @inline(__always)
    mutating func number(of key: UInt64) -> (number: Int, isNew: Bool) {
        var slot = Int(truncatingIfNeeded: GramTable.hash(key)) & mask
        while true {
            let found = keys[slot]
            if found == key { return (Int(numbers[slot]), false) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        numbers[slot] = Int32(count)
        count += 1
        if count * 2 > keys.count { grow() }
        return (count - 1, true)
    }

    /// The number of `key`, or nil when the table does not hold it.
    @inline(__always)
    func lookup(_ key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: GramTable.hash(key)) & mask
        while true {
            let found = keys[slot]
            if found == key { return Int(numbers[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldNumbers = numbers
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        numbers = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, number) in zip(oldKeys, oldNumbers) where key != 0 {
            var slot = Int(truncatingIfNeeded: GramTable.hash(key)) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            numbers[slot] = number
        }
    }

    /// A multiplicative hash whose high bits are well mixed; the slot uses the low bits of the
    /// product shifted down.
    @inline(__always)
    static func hash(_ key: UInt64) -> UInt64 {
        let product = (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return product ^ (product >> 32)
    }
}
