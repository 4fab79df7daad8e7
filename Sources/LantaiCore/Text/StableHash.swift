/// A 64-bit FNV-1a hash that is the same on every run and machine (Swift's `Hasher` is seeded per
/// process, so it cannot name files or anchors).
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The first `length` hexadecimal digits of the hash.
    public static func hex(_ text: String, length: Int = 6) -> String {
        let digits = String(fnv1a(text), radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - digits.count)) + digits
        return String(padded.prefix(length))
    }
}
