import Foundation

/// The files under some folders with their size and modification time: two snapshots differ
/// when a file was added, removed or saved. `lantai serve` compares them to know what changed,
/// when its watcher says to look.
public struct FolderSnapshot: Sendable, Equatable {
    /// Each file's stamp by its full path (the folder's, links resolved, then the path below it).
    public private(set) var files: [String: FileTree.Stamp] = [:]

    public init(folders: [URL]) {
        for folder in folders {
            let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
            for file in FileTree.files(under: folder) { files[base + "/" + file.path] = file.stamp }
        }
    }

    /// Paths added, removed or changed since `old`, sorted.
    public func changes(since old: FolderSnapshot) -> [String] {
        var changed = files.filter { old.files[$0.key] != $0.value }.map(\.key)
        changed += old.files.keys.filter { files[$0] == nil }
        return changed.sorted()
    }
}
