import Foundation

/// `lantai new TYPE 标题`: a new document with its front matter filled in as far as it can be,
/// the other keys as comments to fill in, marked as a draft until the author removes the mark.
public struct NewDocument: Sendable, Equatable {
    /// Path inside the content folder, e.g. `speeches/2026-11-23-speech-1a2b3c.md`.
    public var relativePath: String
    public var text: String

    /// `type` is a document type of site.yml, by name (讲话) or slug (speech). The file goes into
    /// `folder` when given, else into the content folder's folder for that type (`speeches/` for
    /// `speech`: the slug with `es`, with `s` or as it is, whichever exists first; else the slug).
    public static func make(type: String, title: String, date: DocumentDate, config: SiteConfig,
                            existingFolders: Set<String>, folder: String? = nil) -> Result<NewDocument, Diagnostic> {
        guard let documentType = config.documentTypes.first(where: { $0.name == type || $0.slug == type }) else {
            let known = config.documentTypes.map { "\($0.slug) (\($0.name))" }.joined(separator: ", ")
            return .failure(.error(zh: "没有“\(type)”这种文稿类型：site.yml 里的类型有 \(known)", en: "unknown document type '\(type)'; site.yml lists: \(known)", in: SiteConfig.fileName))
        }
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedTitle.isEmpty else {
            return .failure(.error(zh: "标题是空的：在类型后面用引号写上标题", en: "the title is empty; write it in quotes after the type", in: "lantai new"))
        }
        let slug = documentType.slug
        let chosenFolder = folder ?? [slug + "es", slug + "s", slug].first(where: existingFolders.contains) ?? slug
        let name = "\(date)-\(slug)-\(StableHash.hex(trimmedTitle)).md"
        let text = """
            ---
            title: \(ImportedMarkdown.quoted(trimmedTitle))
            date: \(date)
            type: \(ImportedMarkdown.quoted(documentType.name))
            # speaker: 姓名
            # organization: 单位
            # venue: 会议名称
            # topics: [服务意识]
            # summary: 一两句话的摘要
            # Remove this line to publish the document:
            draft: true
            ---

            同志们：


            """
        let path = chosenFolder.isEmpty ? name : chosenFolder + "/" + name
        return .success(NewDocument(relativePath: path, text: text))
    }
}

/// Writes a `NewDocument` into the content folder; never over an existing file.
public struct NewDocumentWriter: Sendable {
    public var content: URL
    public var contentDisplay: String

    public init(content: URL, contentDisplay: String) {
        self.content = content
        self.contentDisplay = contentDisplay
    }

    /// The written file's path as the user named the content folder, or what stood in the way.
    public func write(type: String, title: String, date: String?, folder: String?) throws -> Result<String, BuildFailure> {
        let fileManager = FileManager.default
        var config = SiteConfig()
        let configURL = content.appendingPathComponent(SiteConfig.fileName)
        if let data = fileManager.contents(atPath: configURL.path) {
            let (parsed, problems) = SiteConfig.parse(String(decoding: data, as: UTF8.self), path: "\(contentDisplay)/\(SiteConfig.fileName)")
            if problems.hasErrors { return .failure(BuildFailure(diagnostics: problems)) }
            config = parsed
        }
        let day: DocumentDate
        if let date {
            guard let parsed = DocumentDate(parsing: date) else {
                return .failure(BuildFailure(.error(zh: "“\(date)”不是日期：写成 年-月-日，例如 2023-05-12", en: "'\(date)' is not a date; write it as YYYY-MM-DD, e.g. 2023-05-12", in: "--date")))
            }
            day = parsed
        } else {
            let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            day = DocumentDate(year: today.year!, month: today.month!, day: today.day!)!
        }
        let folders = Set((try? fileManager.contentsOfDirectory(atPath: content.path)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return fileManager.fileExists(atPath: content.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }
        if let folder, folder.split(separator: "/").contains("..") || folder.hasPrefix("/") {
            return .failure(BuildFailure(.error(zh: "“\(folder)”不是内容文件夹里的文件夹", en: "'\(folder)' is not a folder inside the content folder", in: "--into")))
        }
        switch NewDocument.make(type: type, title: title, date: day, config: config, existingFolders: folders, folder: folder) {
        case .failure(let diagnostic):
            return .failure(BuildFailure(diagnostic))
        case .success(let document):
            let url = content.appendingPathComponent(document.relativePath)
            let display = "\(contentDisplay)/\(document.relativePath)"
            if fileManager.fileExists(atPath: url.path) {
                return .failure(BuildFailure(.error(zh: "这个文件已经存在，没有改动它：换一个标题或日期", en: "this file already exists; it is left as it is", in: display)))
            }
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(document.text.utf8).write(to: url, options: .withoutOverwriting)
            return .success(display)
        }
    }
}
