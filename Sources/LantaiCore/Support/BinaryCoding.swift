/// Bytes for the build cache: variable-length integers, strings after their length, doubles by
/// their bit pattern (so a value reads back exactly).
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zigzag, then seven bits a byte, low first.
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        word(value.bitPattern)
    }

    /// Eight bytes, low first: a hash.
    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// Bytes after their count.
    mutating func byteRun(_ value: [UInt8]) {
        int(value.count)
        bytes += value
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes += value.utf8
    }

    /// Integers of one width after their count, as they lie in memory, little-endian: written
    /// and read back whole (the build cache's large tables).
    mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        int(values.count)
        values.map(\.littleEndian).withUnsafeBytes { bytes += $0 }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote. Every read checks the bounds and gives nil on bytes that are
/// not what it expects (a cache file cut short, or written by another version): never a trap.
struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }
    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }
            shift += 7
        }
        return nil
    }

    /// A count of things each at least one byte long, so never more than the bytes left.
    mutating func count() -> Int? {
        guard let value = int(), value >= 0, value <= bytes.count - offset else { return nil }
        return value
    }

    mutating func bool() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func double() -> Double? {
        word().map(Double.init(bitPattern:))
    }

    mutating func word() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return bits
    }

    /// Bytes after their count (`BinaryWriter.byteRun`).
    mutating func byteRun() -> [UInt8]? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<(offset + length)])
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        // From the buffer, not the array slice: the generic path copied each string first.
        return bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)]), as: UTF8.self) }
    }

    /// What `BinaryWriter.integers` wrote.
    mutating func integers<T: FixedWidthInteger>(_ type: T.Type = T.self) -> [T]? {
        let width = MemoryLayout<T>.size
        guard let count = int(), count >= 0, count <= (bytes.count - offset) / width else { return nil }
        let start = offset
        offset += count * width
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * width)]))
            }
            for index in 0..<count { buffer[index] = T(littleEndian: buffer[index]) }
            initialized = count
        }
    }

    /// nil when the bytes are not an optional; `.some(nil)` for an absent value.
    mutating func optional<T>(_ read: (inout BinaryReader) -> T?) -> T?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    mutating func array<T>(_ read: (inout BinaryReader) -> T?) -> [T]? {
        guard let count = count() else { return nil }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
}
