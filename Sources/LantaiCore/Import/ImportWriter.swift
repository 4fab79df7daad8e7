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
    }

    public var path: String
    public var title: String
    public var outcome: Outcome
}

/// Writes imported speeches into a content folder. An existing file is never overwritten unless
/// `force` is set, and then the old one is first renamed to a hidden backup beside it
/// (`.name.md.1.bak`), which the build skips like every hidden file. A dry run writes nothing.
public struct ImportWriter {
    public var folder: URL
    /// How `folder` is shown in messages (`content/speeches`).
    public var displayFolder: String
    public var force: Bool
    public var dryRun: Bool

    public init(folder: URL, displayFolder: String, force: Bool = false, dryRun: Bool = false) {
        self.folder = folder
        self.displayFolder = displayFolder
        self.force = force
        self.dryRun = dryRun
    }

    /// Writes the speeches of one import. Names already taken in this run (`usedNames`) get a
    /// numeric suffix, so two speeches with the same title from two files both arrive.
    public func write(_ result: ImportResult, usedNames: inout Set<String>) -> (files: [ImportedFile], problems: [Diagnostic]) {
        var files: [ImportedFile] = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        if !dryRun {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                return ([], [.error("cannot create the folder: \(error.localizedDescription)", in: displayFolder)])
            }
        }
        for speech in result.speeches {
            let name = uniqueName(speech.fileName, usedNames: &usedNames)
            let target = folder.appendingPathComponent(name)
            let display = displayFolder.hasSuffix("/") ? displayFolder + name : displayFolder + "/" + name
            let data = Data(speech.markdown.utf8)
            let existing = manager.contents(atPath: target.path)
            if existing == data {
                files.append(ImportedFile(path: display, title: speech.metadata.title, outcome: .unchanged))
                continue
            }
            if existing != nil, !force {
                problems.append(.error("already exists and differs from this import of \(result.sourceName); use --force to replace it (a backup is kept)", in: display))
                continue
            }
            if dryRun {
                files.append(ImportedFile(path: display, title: speech.metadata.title, outcome: .planned))
                continue
            }
            do {
                var outcome = ImportedFile.Outcome.written
                if existing != nil {
                    let backup = backupURL(for: name)
                    try manager.moveItem(at: target, to: backup)
                    outcome = .replaced(backup: backup.lastPathComponent)
                }
                try data.write(to: target, options: .atomic)
                files.append(ImportedFile(path: display, title: speech.metadata.title, outcome: outcome))
            } catch {
                problems.append(.error("cannot write: \(error.localizedDescription)", in: display))
            }
        }
        return (files, problems)
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
    private func backupURL(for name: String) -> URL {
        var number = 1
        while true {
            let url = folder.appendingPathComponent(".\(name).\(number).bak")
            if !FileManager.default.fileExists(atPath: url.path) { return url }
            number += 1
        }
    }
}
