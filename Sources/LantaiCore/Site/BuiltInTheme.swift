import Foundation

/// The default theme, carried inside the program (`BuiltInTheme+Files.swift`, generated from the
/// repository's `theme/` by `scripts/embed.py`): a site without a theme folder builds with it, and
/// a site's `theme/` replaces it file by file.
public enum BuiltInTheme {
    /// How the built-in theme's files are named in messages.
    public static let displayPrefix = "<built-in theme>"

    /// Writes the built-in theme's files under `folder` for a maintainer to change. A file that
    /// exists is left as it is and reported; returns the paths written.
    public static func export(to folder: URL) -> (written: [String], kept: [String], problems: [Diagnostic]) {
        var written: [String] = []
        var kept: [String] = []
        var problems: [Diagnostic] = []
        for path in files.keys.sorted() {
            let target = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: target.path) {
                kept.append(path)
                continue
            }
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: target, options: .atomic)
                written.append(path)
            } catch {
                problems.append(.error(zh: "写不了：\(error.localizedDescription)", en: "cannot write: \(error.localizedDescription)", in: target.path))
            }
        }
        return (written, kept, problems)
    }
}
