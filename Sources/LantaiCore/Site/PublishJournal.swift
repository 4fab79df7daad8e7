import Foundation

/// Publishes an incremental build in place, safely against a kill at any point.
///
/// The changed files are already complete in the staging folder. Before the first change to
/// the output, a journal beside it (`.<output>.journal`) lists the staging folder, the files
/// to delete (no longer made) and the files to move in. Then each deletion is an `unlink`, each
/// move a `rename` (atomic per file), and the journal and the staging folder go last. Every step
/// can be done again: a deleted file is gone, a moved file is no longer in the staging folder.
/// So `complete(beside:)`, which the next build runs first, finishes an interrupted publish by
/// doing the same steps from the journal: the output is then exactly what the interrupted build
/// made, and the build cache's state, written as soon as the journal was, describes it (the next
/// build is incremental). Deletions go first, so a file that becomes a folder (or the other way)
/// finds its place free.
///
/// Between the first and the last step a reader may see some new files and some old ones; a
/// first build, which has no previous output, still swaps a complete folder in (`OutputWriter`).
public struct PublishJournal: Equatable {
    /// What `complete(beside:)` found.
    public enum Completion: Sendable, Equatable {
        /// No unfinished publish.
        case none
        /// An unfinished publish, now finished: the name of its staging folder.
        case completed(staging: String)
        /// An unfinished publish whose staged files are gone: the output is not what its build made.
        case incomplete
    }

    var staging: String
    var deletions: [String]
    var moves: [String]

    static let header = "lantai publish journal 1\n"

    static func url(beside output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).journal")
    }

    /// Lines after the header: the staging folder's name, the number of deletions, then one
    /// path a line, `%` and line breaks in it written `%25` and `%0A`.
    func encoded() -> [UInt8] {
        let lines = [staging, String(deletions.count)] + deletions + moves
        let escaped = lines.map { $0.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A") }
        return Array((Self.header + escaped.map { $0 + "\n" }.joined()).utf8)
    }

    static func decode(_ bytes: [UInt8]) -> PublishJournal? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(header), text.hasSuffix("\n") else { return nil }
        let lines = text.dropFirst(header.count).dropLast().split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%") }
        guard lines.count >= 2, let count = Int(lines[1]), count >= 0, lines.count >= 2 + count else { return nil }
        return PublishJournal(staging: lines[0], deletions: Array(lines[2..<(2 + count)]), moves: Array(lines[(2 + count)...]))
    }

    /// Journals and carries out the publish of `staging` into `output`; `journalled` runs once the
    /// journal is written. Throws (before touching the output) when the journal cannot be written.
    static func publish(staging: URL, into output: URL, deletions: [String], moves: [String], journalled: () -> Void) throws {
        let journal = PublishJournal(staging: staging.lastPathComponent, deletions: deletions.sorted(), moves: moves.sorted())
        let bytes = journal.encoded()
        let url = url(beside: output)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".tmp")
        try OutputWriter.write(bytes, to: temporary.lastPathComponent, in: temporary.deletingLastPathComponent())
        let descriptor = open(temporary.path, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary.path, url.path) == 0 else { throw POSIXFailure(path: url.path, code: errno) }
        journalled()
        journal.carryOut(output: output)
    }

    /// Finishes a publish a killed build left unfinished beside `output`, if there is one.
    /// A journal that cannot be read is removed: journals are written whole (by a rename), so
    /// such a file was never one. A journal whose staging folder is gone while it has files to
    /// move cannot be finished: `.incomplete`.
    static func complete(beside output: URL) -> Completion {
        let url = url(beside: output)
        unlink(url.path + ".tmp")
        guard let data = FileManager.default.contents(atPath: url.path) else { return .none }
        guard let journal = decode([UInt8](data)) else {
            unlink(url.path)
            return .incomplete
        }
        let staged = output.deletingLastPathComponent().appendingPathComponent(journal.staging).path
        let intact = journal.moves.isEmpty || FileManager.default.fileExists(atPath: staged)
        journal.carryOut(output: output)
        return intact ? .completed(staging: journal.staging) : .incomplete
    }

    /// The steps, each of which may already have been done.
    private func carryOut(output: URL) {
        let root = output.path
        let staged = output.deletingLastPathComponent().appendingPathComponent(staging).path
        for path in deletions {
            Failpoint.pass("publish-step")
            unlink(root + "/" + path)
            removeEmptyFolders(above: path, in: root)
        }
        var folders: Set<String> = [""]
        for path in moves {
            Failpoint.pass("publish-step")
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            if folders.insert(folder).inserted {
                try? FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
            if rename(staged + "/" + path, root + "/" + path) != 0, errno != ENOENT,
               let bytes = FileManager.default.contents(atPath: staged + "/" + path) {
                // Not movable (another file system, say): copied, then removed from staging.
                _ = try? OutputWriter.write(bytes, to: path, in: output)
                unlink(staged + "/" + path)
            }
        }
        try? FileManager.default.removeItem(atPath: staged)
        unlink(Self.url(beside: output).path)
    }

    /// Removes the folders of `path` that are now empty, deepest first.
    private func removeEmptyFolders(above path: String, in root: String) {
        var folder = path
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            if rmdir(root + "/" + folder) != 0 { return }
        }
    }
}
