import Foundation

/// The files named on the command line, with folders replaced by the regular, non-hidden files
/// in them (sorted, not recursive into hidden folders).
public enum ImportSources {
    public static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
                .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue }
        }
    }
}

/// What `lantai import` prints per source file: encoding, the files written, and with the
/// report every removal, so a person can check that nothing real went.
public enum ImportSummary {
    public static func text(_ result: ImportResult, files: [ImportedFile], listRemovals: Bool) -> String {
        let speeches = result.speeches.count == 1 ? "1 speech" : "\(result.speeches.count) speeches"
        var lines = ["\(result.sourceName): \(result.encoding), \(speeches), \(result.removals.filter { !$0.movedToFrontMatter }.count) removals"]
        for file in files {
            let verb: String
            switch file.outcome {
            case .written: verb = "wrote"
            case .unchanged: verb = "unchanged"
            case .planned: verb = "would write"
            case .replaced(let backup): verb = "replaced (old file kept as \(backup))"
            case .alreadyImported: verb = "already imported as"
            case .retired(let backup): verb = "replaced by this import, old file kept as \(backup):"
            }
            lines.append(file.title.isEmpty ? "  \(verb) \(file.path)" : "  \(verb) \(file.path)  \(file.title)")
        }
        if listRemovals {
            for removal in result.removals {
                lines.append("  \(removal.movedToFrontMatter ? "moved to front matter" : "removed") \(removal.description)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The counts `lantai import` ends with, over all the files it was given.
public struct ImportTally: Sendable, Equatable {
    public var sources = 0
    public var speeches = 0
    public var written = 0
    public var unchanged = 0
    public var alreadyImported = 0
    public var failed = 0

    public init() {}

    public mutating func add(_ result: ImportResult, files: [ImportedFile], problems: Int) {
        sources += 1
        speeches += result.speeches.count
        for file in files {
            switch file.outcome {
            case .written, .replaced, .planned: written += 1
            case .unchanged: unchanged += 1
            case .alreadyImported: alreadyImported += 1
            case .retired: break
            }
        }
        failed += problems
    }

    public mutating func addFailure() {
        sources += 1
        failed += 1
    }

    /// `3 files, 5 speeches: 4 written, 1 unchanged, 0 already imported, 1 failed`.
    public func line(dryRun: Bool) -> String {
        let files = sources == 1 ? "1 file" : "\(sources) files"
        let speechCount = speeches == 1 ? "1 speech" : "\(speeches) speeches"
        return "\(files), \(speechCount): \(written) \(dryRun ? "to write" : "written"), \(unchanged) unchanged, \(alreadyImported) already imported, \(failed) failed"
    }
}
