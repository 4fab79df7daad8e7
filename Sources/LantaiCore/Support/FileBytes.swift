import Foundation

/// The bytes of a file, read with `open`, `fstat` and `read` straight into an array: a build
/// reads some ten thousand parse entries (half a gigabyte at 10,000 documents) and as many source
/// files, where `FileManager.contents(atPath:)` filled a `Data` that was then copied into an array.
enum FileBytes {
    /// The file's bytes; nil when it cannot be opened or read (missing, a folder, no permission).
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = max(Int(status.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if count == 0 { break }  // The file shrank since fstat.
                initialized += count
            }
        }
        guard !failed else { return nil }
        // Whatever the file grew by since fstat is read too; almost always a one-byte probe on
        // the stack finds the end at once, and a buffer is made only for a file that grew.
        var probe: UInt8 = 0
        var chunk: [UInt8] = []
        while true {
            let count = chunk.isEmpty ? Foundation.read(descriptor, &probe, 1)
                : chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            if chunk.isEmpty {
                bytes.append(probe)
                chunk = [UInt8](repeating: 0, count: 65_536)
            } else {
                bytes += chunk[..<count]
            }
        }
    }

    /// `count` bytes at `offset` of the file at `path`; nil when it cannot be opened or holds
    /// fewer.
    static func read(_ path: String, offset: Int, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return read(descriptor, offset: offset, count: count)
    }

    /// The same from an open file.
    static func read(_ descriptor: Int32, offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 1)) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let read = pread(descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                if read < 0, errno == EINTR { continue }
                if read <= 0 {
                    complete = false
                    return
                }
                initialized += read
            }
        }
        return complete ? bytes : nil
    }
}
