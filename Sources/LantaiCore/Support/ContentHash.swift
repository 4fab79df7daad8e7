import Foundation

/// A fast 64-bit hash of bytes, the same on every run and machine, to tell whether a file's
/// contents changed since the last build. Eight bytes a step (FNV-1a, one byte a step, would
/// take seconds over the 1.5 GB a large site writes). Not for adversaries: a change that keeps
/// both the hash and the size is not expected by chance.
public enum ContentHash {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0x2545_F491_4F6C_DD1D ^ (UInt64(bytes.count) &* multiplier)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = step(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return finish(step(hash, tail))
    }

    public static func of(_ contents: some ContiguousBytes) -> UInt64 {
        contents.withUnsafeBytes { of($0) }
    }

    /// One step: the word times the state (each with a constant mixed in), folded to 64 bits,
    /// added to the rotated state, so no word can wipe out what came before.
    @inline(__always)
    static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let product = (word ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
        return ((state << 23) | (state >> 41)) &+ (product.high ^ product.low)
    }

    /// The final avalanche of MurmurHash3, so every input bit reaches every output bit.
    static func finish(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
