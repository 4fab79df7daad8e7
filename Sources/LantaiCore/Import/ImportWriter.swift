import Foundation

/// What happened to one output file of an import.
public struct ImportedFile: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case written
        /// The file already held exactly this text.
        case unchanged
        /// Replaced under `--force`; the old file was kept at `backup`.
        case replaced(backup: String)
        /// `--dry-run`: would have been written.
        case planned
        /// The source was imported before (its checksum is in this file): nothing written.
        case alreadyImported
        /// Under `--force`, a file an earlier import of the same source wrote, which this import
        /// replaces under another name; kept as `backup`.
        case retired(backup: String)
    }

    public var path: String
    public var title: String
    public var outcome: Outcome
}

/// Writes imported speeches into a content folder. An existing file is never overwritten unless
/// `force` is set, and then the old one is first renamed to a hidden backup beside it
/// (`.name.md.1.bak`), which the build skips like every hidden file. A source imported before
/// (its checksum in `previous`) is not written again; with `force` its earlier files are backed
/// up and replaced, whatever names the new import gives. A dry run writes nothing.
public struct ImportWriter {
    public var folder: URL
    /// How `folder` is shown in messages (`content/speeches`).
    public var displayFolder: String
    public var force: Bool
    public var dryRun: Bool
    /// What earlier imports wrote; this import's files are added as they are written.
    public var previous: PreviousImports

    public init(folder: URL, displayFolder: String, force: Bool = false, dryRun: Bool = false, previous: PreviousImports = PreviousImports()) {
        self.folder = folder
        self.displayFolder = displayFolder
        self.force = force
        self.dryRun = dryRun
        self.previous = previous
    }

    /// Writes the speeches of one import. Names already taken in this run (`usedNames`) get a
    /// numeric suffix, so two speeches with the same title from two files both arrive.
    public mutating func write(_ result: ImportResult, usedNames: inout Set<String>) -> (files: [ImportedFile], problems: [Diagnostic]) {
        var files: [ImportedFile] = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        let planned = result.speeches.map { speech -> (speech: ImportedSpeech, name: String, target: URL, display: String, data: Data) in
            let name = uniqueName(speech.fileName, usedNames: &usedNames)
            return (speech, name, folder.appendingPathComponent(name), display(name), Data(speech.markdown.utf8))
        }
        let earlier = previous.files[result.checksum] ?? []
        let unchanged = planned.allSatisfy { manager.contents(atPath: $0.target.path) == $0.data }
            && earlier.allSatisfy { file in planned.contains { $0.target.standardizedFileURL == file.url.standardizedFileURL } }
        if !earlier.isEmpty, !unchanged, !force {
            return (earlier.map { ImportedFile(path: $0.display, title: "", outcome: .alreadyImported) }, [])
        }
        if !dryRun {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                return ([], [.error(zh: "建不了文件夹：\(error.localizedDescription)", en: "cannot create the folder: \(error.localizedDescription)", in: displayFolder)])
            }
        }
        // Under --force, the earlier import's files that this one does not write again go to backups.
        for file in earlier where !unchanged && !planned.contains(where: { $0.target.standardizedFileURL == file.url.standardizedFileURL }) {
            if dryRun {
                files.append(ImportedFile(path: file.display, title: "", outcome: .retired(backup: ".\(file.url.lastPathComponent).N.bak")))
                continue
            }
            do {
                let backup = backupURL(for: file.url)
                try manager.moveItem(at: file.url, to: backup)
                files.append(ImportedFile(path: file.display, title: "", outcome: .retired(backup: backup.lastPathComponent)))
            } catch {
                problems.append(.error(zh: "无法把原文件移作备份：\(error.localizedDescription)", en: "cannot move aside: \(error.localizedDescription)", in: file.display))
            }
        }
        previous.forget(result.checksum)
        for entry in planned {
            let title = entry.speech.metadata.title
            let existing = manager.contents(atPath: entry.target.path)
            let record = PreviousImports.File(url: entry.target, display: entry.display)
            if existing == entry.data {
                files.append(ImportedFile(path: entry.display, title: title, outcome: .unchanged))
                previous.record(result.checksum, record)
                continue
            }
            if existing != nil, !force {
                problems.append(.error(zh: "这个文件已经存在，和这次从 \(result.sourceName) 导入的内容不同：要替换它，加上 --force（原文件会留一份备份）", en: "already exists and differs from this import of \(result.sourceName); use --force to replace it (a backup is kept)", in: entry.display))
                continue
            }
            if dryRun {
                files.append(ImportedFile(path: entry.display, title: title, outcome: .planned))
                previous.record(result.checksum, record)
                continue
            }
            do {
                var outcome = ImportedFile.Outcome.written
                if existing != nil {
                    let backup = backupURL(for: entry.target)
                    try manager.moveItem(at: entry.target, to: backup)
                    outcome = .replaced(backup: backup.lastPathComponent)
                }
                try entry.data.write(to: entry.target, options: .atomic)
                files.append(ImportedFile(path: entry.display, title: title, outcome: outcome))
                previous.record(result.checksum, record)
            } catch {
                problems.append(.error(zh: "写不了：\(error.localizedDescription)", en: "cannot write: \(error.localizedDescription)", in: entry.display))
            }
        }
        return (files, problems)
    }

    private func display(_ name: String) -> String {
        displayFolder.hasSuffix("/") ? displayFolder + name : displayFolder + "/" + name
    }

    private func uniqueName(_ name: String, usedNames: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while usedNames.contains(candidate) {
            candidate = String(name.dropLast(3)) + "-\(number).md"
            number += 1
        }
        usedNames.insert(candidate)
        return candidate
    }

    /// The first free `.name.N.bak` beside the file.
    private func backupURL(for file: URL) -> URL {
        let folder = file.deletingLastPathComponent()
        var number = 1
        while true {
            let url = folder.appendingPathComponent(".\(file.lastPathComponent).\(number).bak")
            if !FileManager.default.fileExists(atPath: url.path) { return url }
            number += 1
        }
    }
}
