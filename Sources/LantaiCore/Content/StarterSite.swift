import Foundation

/// What `lantai init` writes into a new portal folder (`StarterSite+Files.swift`, generated from
/// the repository's `starter/` by `scripts/embed.py`): `content/site.yml`, `content/topics.yml`
/// with the default topics and their signals, a sample speech and the user guide as a guidance
/// page. Nothing else: the theme is built into the program.
public enum StarterSite {
    /// Creates the portal in `folder` (made when missing). A folder with anything in it is refused
    /// whole, so nothing of the maintainer's is ever overwritten. Returns the paths written.
    public static func create(in folder: URL, display: String) -> Result<[String], Diagnostic> {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .failure(.error(zh: "这是一个文件，不是文件夹：给门户起一个新的文件夹名", en: "is a file, not a folder; name a new folder for the portal", in: display))
            }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.isEmpty else {
                return .failure(.error(zh: "这个文件夹不是空的（里面有 \(entries.count) 项）：lantai init 只在空文件夹或新文件夹里新建门户，以免覆盖已有的文件；换一个新的文件夹名", en: "is not empty (\(entries.count) entries); lantai init writes only into an empty or new folder, so nothing in it is overwritten: name a new folder", in: display))
            }
        }
        do {
            for path in files.keys.sorted() {
                let target = folder.appendingPathComponent(path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: target, options: .withoutOverwriting)
            }
        } catch {
            return .failure(.error(zh: "写不了新门户的文件：\(error.localizedDescription)", en: "cannot write the new portal: \(error.localizedDescription)", in: display))
        }
        return .success(files.keys.sorted())
    }

    /// The default topics and their signals, as `lantai init` writes them: the catalogue a
    /// content folder without `topics.yml` uses.
    public static var topicsYAML: String { files["content/topics.yml"] ?? "" }
}
