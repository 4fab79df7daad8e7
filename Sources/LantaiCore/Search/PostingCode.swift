/// Numbers packed into a JSON string: each number in groups of five bits, low group first, each
/// group one character of `A–Z a–z 0–9 - _` whose value has 32 added when more groups follow.
/// A position delta of a few hundred takes two characters where a JSON number and its comma take
/// four; the strings need no escaping. `theme/static/js/search.js` decodes the same way.
public enum PostingCode {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [Int8] = {
        var table = Array(repeating: Int8(-1), count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    @inline(__always)
    public static func append(_ number: Int, to bytes: inout [UInt8]) {
        precondition(number >= 0, "posting numbers are never negative")
        var rest = number
        repeat {
            let group = rest & 31
            rest >>= 5
            bytes.append(character(of: rest > 0 ? group | 32 : group))
        } while rest > 0
    }

    /// `alphabet[value]` worked out rather than looked up: the index build appends some hundred
    /// million of them, and a lookup in a global array costs its lazy-initialisation check each time.
    @inline(__always)
    static func character(of value: Int) -> UInt8 {
        let value = UInt8(truncatingIfNeeded: value)
        switch value {
        case 0..<26: return value &+ 0x41      // A–Z
        case 26..<52: return value &+ 0x47     // a–z: 0x61 − 26
        case 52..<62: return value &- 4        // 0–9: 0x30 − 52 wraps to −4
        case 62: return 0x2D                   // -
        default: return 0x5F                   // _
        }
    }

    /// The value of one character, -1 outside the alphabet.
    @inline(__always)
    static func value(of byte: UInt8) -> Int {
        Int(values[Int(byte)])
    }

    public static func encode(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        for number in numbers { append(number, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The numbers of a string; nil when it holds a character outside the alphabet or ends
    /// inside a number.
    public static func decode(_ text: String) -> [Int]? {
        var numbers: [Int] = []
        var value = 0
        var shift = 0
        var inside = false
        for byte in text.utf8 {
            let digit = Int(values[Int(byte)])
            guard digit >= 0, shift < 60 else { return nil }
            value |= (digit & 31) << shift
            if digit & 32 != 0 {
                shift += 5
                inside = true
            } else {
                numbers.append(value)
                value = 0
                shift = 0
                inside = false
            }
        }
        return inside ? nil : numbers
    }
}
