/// A hash of a value's fields, taken by the value itself (`Fingerprinted`), to tell whether what a
/// file is made from changed since the last build. Each plain value goes straight into the hash
/// (`ContentHash`'s step) as eight-byte words: a string after its length, a list after its count,
/// an optional after whether it is there, so two different values of one type give different
/// words, and but for chance different hashes.
///
/// Types state their fields by hand rather than through `Encodable`, whose containers and dynamic
/// casts were an eighth of an edit's work at 10,000 documents; `FingerprintTests` checks, through
/// `trail`, that each type takes every field it stores, in order.
public struct Fingerprint: Sendable {
    private var state: UInt64 = 0x2545_F491_4F6C_DD1D
    /// Bytes taken in: the size a manifest records beside the hash.
    public private(set) var size = 0
    /// When recording (for tests), every word taken, as text, in order: each plain value, and
    /// each count and presence of an optional as `[n`, `?0`, `?1`.
    public private(set) var trail: [String]?

    public init(recording: Bool = false) {
        trail = recording ? [] : nil
    }

    /// The fingerprint of one value.
    public static func of(_ value: some Fingerprinted) -> Fingerprint {
        var fingerprint = Fingerprint()
        value.fingerprint(into: &fingerprint)
        return fingerprint
    }

    /// The hash of everything taken so far.
    public var hash: UInt64 { ContentHash.finish(ContentHash.step(state, UInt64(truncatingIfNeeded: size))) }

    /// The hash as 16 hex digits.
    public var digits: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public mutating func add(_ value: some Fingerprinted) {
        value.fingerprint(into: &self)
    }

    /// A word, and as text in the trail when recording: a plain value, or a count or an
    /// optional's presence (marked `[n`, `?0`, `?1`).
    @inline(__always)
    mutating func word(_ value: UInt64, _ text: @autoclosure () -> String) {
        state = ContentHash.step(state, value)
        size += 8
        if trail != nil { trail!.append(text()) }
    }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
        if trail != nil { trail!.append(value) }
    }

    /// Bytes after their count.
    mutating func bytes(_ bytes: UnsafeRawBufferPointer) {
        state = ContentHash.step(state, UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            state = ContentHash.step(state, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            state = ContentHash.step(state, tail)
        }
        size += 8 + bytes.count
    }
}

/// A value that states its fields to a `Fingerprint`, every stored field in the order declared.
public protocol Fingerprinted {
    func fingerprint(into fingerprint: inout Fingerprint)
}

extension String: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) { fingerprint.text(self) }
}

extension Int: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) { fingerprint.word(UInt64(bitPattern: Int64(self)), String(self)) }
}

extension UInt64: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) { fingerprint.word(self, String(self)) }
}

extension Bool: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) { fingerprint.word(self ? 1 : 0, String(self)) }
}

extension Double: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) { fingerprint.word(bitPattern, String(self)) }
}

extension Optional: Fingerprinted where Wrapped: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        switch self {
        case .none: fingerprint.word(0, "?0")
        case .some(let value):
            fingerprint.word(1, "?1")
            value.fingerprint(into: &fingerprint)
        }
    }
}

extension Array: Fingerprinted where Element: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.word(UInt64(count), "[\(count)")
        for element in self { element.fingerprint(into: &fingerprint) }
    }
}
