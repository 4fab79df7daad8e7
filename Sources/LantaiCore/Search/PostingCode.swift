/// Numbers packed into a JSON string, in the 93 *symbols* a JSON string holds unescaped: the
/// printable ASCII characters from space to `~` less `"` and `\`, in that order (as `TextCode`'s).
/// A number is its digits low first: digits before the last in base 53, as symbols 40–92; the
/// last, below 40, as symbols 0–39. So 0–39 take one symbol, up to 2,119 two and up to 112,359
/// three — a position in a document mostly three, where groups of five bits took four.
/// `theme/static/js/search.js` decodes the same way.
public enum PostingCode {
    /// Symbols 0..<40 end a number; 40..<93 are a digit of 53 before its end.
    static let endDigits = 40
    static let innerBase = 53
    private static let values: [Int8] = {
        var table = Array(repeating: Int8(-1), count: 256)
        for value in 0..<(endDigits + innerBase) { table[Int(character(of: value))] = Int8(value) }
        return table
    }()

    @inline(__always)
    public static func append(_ number: Int, to bytes: inout [UInt8]) {
        precondition(number >= 0, "posting numbers are never negative")
        var rest = number
        while rest >= endDigits {
            bytes.append(character(of: endDigits + rest % innerBase))
            rest /= innerBase
        }
        bytes.append(character(of: rest))
    }

    /// Symbol `value` worked out rather than looked up: the index build appends some hundred
    /// million of them, and a lookup in a global array costs its lazy-initialisation check each time.
    @inline(__always)
    static func character(of value: Int) -> UInt8 {
        // Space, then past `"` (0x22) and past `\` (0x5C).
        UInt8(truncatingIfNeeded: 0x20 + value + (value >= 2 ? 1 : 0) + (value >= 59 ? 1 : 0))
    }

    /// The value of one symbol, -1 for any other byte.
    @inline(__always)
    static func value(of byte: UInt8) -> Int {
        Int(values[Int(byte)])
    }

    public static func encode(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        for number in numbers { append(number, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads one number from `next` symbol by symbol: nil at a byte that is no symbol, at the end
    /// inside a number, or for a number too long to be one the index writes.
    @inline(__always)
    static func read(_ next: () -> UInt8?) -> Int?? {
        var value = 0
        var scale = 1
        var digits = 0
        while let byte = next() {
            let digit = Self.value(of: byte)
            guard digit >= 0, digits < 10 else { return .some(nil) }
            if digit < endDigits { return value + digit * scale }
            value += (digit - endDigits) * scale
            scale *= innerBase
            digits += 1
        }
        return digits == 0 ? nil : .some(nil)
    }

    /// The numbers of a string; nil when it holds a byte that is no symbol or ends inside a number.
    public static func decode(_ text: String) -> [Int]? {
        var numbers: [Int] = []
        var bytes = text.utf8.makeIterator()
        while let number = read({ bytes.next() }) {
            guard let number else { return nil }
            numbers.append(number)
        }
        return numbers
    }
}
