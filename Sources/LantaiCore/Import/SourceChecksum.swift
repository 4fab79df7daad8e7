import Crypto

/// The SHA-256 of a source file's bytes, as lower-case hex: the checksum an import records so a
/// person can tell which file a document came from, and a re-import can find what it wrote.
enum SourceChecksum {
    static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
