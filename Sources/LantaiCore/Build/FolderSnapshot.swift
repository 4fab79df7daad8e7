import Foundation

/// The files under some folders with their size and modification time: two snapshots differ
/// when a file was added, removed or saved. What `lantai serve` polls to know when to rebuild
/// (polling works the same on every system and over network folders; at 10,000 files a
/// snapshot costs a few tens of milliseconds).
public struct FolderSnapshot: Sendable, Equatable {
    public struct Stamp: Sendable, Hashable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    public private(set) var files: [String: Stamp] = [:]

    public init(folders: [URL]) {
        for folder in folders {
            let base = folder.resolvingSymlinksInPath().path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            for case let path as String in enumerator {
                var status = stat()
                guard stat(base + "/" + path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
                files[base + "/" + path] = Stamp(size: Int64(status.st_size), seconds: status.st_mtim.tv_sec,
                                                nanoseconds: status.st_mtim.tv_nsec)
            }
        }
    }

    /// Paths added, removed or changed since `old`, sorted.
    public func changes(since old: FolderSnapshot) -> [String] {
        var changed = files.filter { old.files[$0.key] != $0.value }.map(\.key)
        changed += old.files.keys.filter { files[$0] == nil }
        return changed.sorted()
    }
}
