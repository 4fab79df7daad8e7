import Foundation
@testable import LantaiCore
import Testing

/// The one reader of whole files gives a file's exact bytes, whatever its size, and nothing for
/// what is not a readable file.
@Suite struct FileBytesTests {
    @Test func readsFilesWholeAndRefusesWhatIsNotAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 4095, 4096, 65_537, 1_000_003] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = folder.appendingPathComponent("f\(size)").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            let read = FileBytes.read(path)
            // Compared as one Bool: a failure should not print a megabyte of bytes.
            let same = read == bytes
            #expect(same, "\(size) bytes: read \(read?.count ?? -1)")
        }
        #expect(FileBytes.read(folder.appendingPathComponent("missing").path) == nil)
        #expect(FileBytes.read(folder.path) == nil)
    }
}
