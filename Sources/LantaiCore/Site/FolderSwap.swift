import Foundation

/// Folder operations that make publishing atomic: the output folder is replaced in one step, so
/// a reader or a killed build never sees half of one site and half of another.
enum FolderSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2`, looked up at run time: glibc declares it only for `_GNU_SOURCE`, so
    /// Swift's Glibc module does not show it.
    private static let renameat2 = SystemSymbol.lookup("renameat2", as: RenameAt2.self)

    /// Exchanges two folders in one atomic rename (Linux's `RENAME_EXCHANGE`). False when the
    /// system or file system cannot; the caller then falls back to two renames.
    static func exchange(_ first: URL, _ second: URL) -> Bool {
        guard let renameat2 else { return false }
        let exchangeFlag: UInt32 = 2
        return renameat2(AT_FDCWD, first.path, AT_FDCWD, second.path, exchangeFlag) == 0
    }

    /// Removes a retired site: first the files it is known to hold (`paths`), then the files one
    /// walk finds left (all of them when the site's state was not trusted, after an upgrade say:
    /// a recursive removal took some 7–10 s over 92,000 files on one core), each list unlinked on
    /// every core; then what remains (folders, hidden files) by a plain recursive removal.
    static func remove(_ folder: URL, knownFiles paths: [String]) {
        let root = folder.path + "/"
        unlink(paths, under: root)
        unlink(FileTree.files(under: folder).map(\.path), under: root)
        try? FileManager.default.removeItem(at: folder)
    }

    private static func unlink(_ paths: [String], under root: String) {
        _ = Parallel.map(slices(of: paths.count)) { range in
            for path in paths[range] { Foundation.unlink(root + path) }
        }
    }

    /// `0..<count` cut into a few slices per core's worth of work.
    private static func slices(of count: Int) -> [Range<Int>] {
        let size = max(512, count / 16)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Staging and retired folders beside `output` whose build process is gone (killed, say).
    /// Their names end in the process id of the build that made them.
    static func leftovers(beside output: URL) -> [URL] {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        return names.compactMap { name in
            guard let prefix = prefixes.first(where: name.hasPrefix), let pid = Int32(name.dropFirst(prefix.count)) else { return nil }
            let alive = pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
            return alive ? nil : parent.appendingPathComponent(name)
        }
    }
}
