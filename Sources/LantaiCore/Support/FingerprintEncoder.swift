/// Turns an `Encodable` value into bytes that differ whenever the value differs, to hash it:
/// every key, string and number is written with a tag and its length, and every key and list
/// element with the depth of its container, so no two values run together (`[[a], b]` and
/// `[[a, b]]` differ in the depth before `b`). Not a format anything reads back.
///
/// Through `Encodable` (synthesised by the compiler) rather than by listing fields by hand, so a
/// field added to a view can never be left out of its fingerprint.
struct FingerprintEncoder {
    static func bytes(of value: some Encodable) -> [UInt8] {
        let sink = ByteSink()
        try? value.encode(to: Writer(sink: sink, depth: 0))
        return sink.bytes
    }

    final class ByteSink {
        var bytes: [UInt8] = []

        init() {
            bytes.reserveCapacity(4096)
        }

        func tag(_ tag: UInt8) {
            bytes.append(tag)
        }

        func tag(_ tag: UInt8, depth: Int) {
            bytes.append(tag)
            bytes.append(UInt8(truncatingIfNeeded: depth))
        }

        func integer(_ value: Int64) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }

        func string(_ value: String) {
            integer(Int64(value.utf8.count))
            bytes += value.utf8
        }
    }

    enum Tag: UInt8 {
        case key = 1, null, boolFalse, boolTrue, integer, double, string, nested, list, element
    }

    struct Writer: Encoder {
        let sink: ByteSink
        /// How many containers hold the value written next.
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            sink.tag(Tag.nested.rawValue)
            return KeyedEncodingContainer(Keyed<Key>(sink: sink, depth: depth + 1))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.tag(Tag.list.rawValue)
            return Unkeyed(sink: sink, depth: depth + 1)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(sink: sink, depth: depth)
        }
    }

    /// Writes plain values; shared by the three kinds of container.
    struct Values {
        let sink: ByteSink
        /// The depth of the container the values are in.
        let depth: Int

        func null() { sink.tag(Tag.null.rawValue) }
        func bool(_ value: Bool) { sink.tag(value ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue) }
        func integer(_ value: Int64) {
            sink.tag(Tag.integer.rawValue)
            sink.integer(value)
        }
        func double(_ value: Double) {
            sink.tag(Tag.double.rawValue)
            sink.integer(Int64(bitPattern: value.bitPattern))
        }
        func string(_ value: String) {
            sink.tag(Tag.string.rawValue)
            sink.string(value)
        }

        func encode<T: Encodable>(_ value: T) throws {
            switch value {
            case let value as String: string(value)
            case let value as Int: integer(Int64(value))
            case let value as Bool: bool(value)
            case let value as Double: double(value)
            default: try value.encode(to: Writer(sink: sink, depth: depth))
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: ByteSink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private var values: Values { Values(sink: sink, depth: depth) }
        private var writer: Writer { Writer(sink: sink, depth: depth) }

        private func key(_ key: Key) {
            sink.tag(Tag.key.rawValue, depth: depth)
            sink.string(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws { self.key(key); values.null() }
        mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); values.bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); values.string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); values.double(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); values.double(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); values.integer(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); values.integer(Int64(bitPattern: UInt64(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); values.integer(Int64(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); values.integer(Int64(bitPattern: value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try values.encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            return writer.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return writer.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { writer }
        mutating func superEncoder(forKey key: Key) -> any Encoder { self.key(key); return writer }
    }

    /// A list: each element is marked with the list's depth (the end of a list is not marked).
    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: ByteSink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0
        private var values: Values { Values(sink: sink, depth: depth) }
        private var writer: Writer { Writer(sink: sink, depth: depth) }

        init(sink: ByteSink, depth: Int) {
            self.sink = sink
            self.depth = depth
        }

        private mutating func element() {
            sink.tag(Tag.element.rawValue, depth: depth)
            count += 1
        }

        mutating func encodeNil() throws { element(); values.null() }
        mutating func encode(_ value: Bool) throws { element(); values.bool(value) }
        mutating func encode(_ value: String) throws { element(); values.string(value) }
        mutating func encode(_ value: Double) throws { element(); values.double(value) }
        mutating func encode(_ value: Float) throws { element(); values.double(Double(value)) }
        mutating func encode(_ value: Int) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: Int8) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: Int16) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: Int32) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { element(); values.integer(value) }
        mutating func encode(_ value: UInt) throws { element(); values.integer(Int64(bitPattern: UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: UInt16) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: UInt32) throws { element(); values.integer(Int64(value)) }
        mutating func encode(_ value: UInt64) throws { element(); values.integer(Int64(bitPattern: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { element(); try values.encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            element()
            return writer.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            return writer.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            element()
            return writer
        }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: ByteSink
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        private var values: Values { Values(sink: sink, depth: depth) }

        mutating func encodeNil() throws { values.null() }
        mutating func encode(_ value: Bool) throws { values.bool(value) }
        mutating func encode(_ value: String) throws { values.string(value) }
        mutating func encode(_ value: Double) throws { values.double(value) }
        mutating func encode(_ value: Float) throws { values.double(Double(value)) }
        mutating func encode(_ value: Int) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: Int8) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: Int16) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: Int32) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { values.integer(value) }
        mutating func encode(_ value: UInt) throws { values.integer(Int64(bitPattern: UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: UInt16) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: UInt32) throws { values.integer(Int64(value)) }
        mutating func encode(_ value: UInt64) throws { values.integer(Int64(bitPattern: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try values.encode(value) }
    }
}
