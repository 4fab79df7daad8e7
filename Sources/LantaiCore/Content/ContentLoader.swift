import Foundation

/// Reads the content folder from disk: the first stage, and with the output writer the only
/// code of the build that touches files.
public struct ContentLoader: Sendable {
    public var contentDirectory: URL
    /// How the content folder is spelled in diagnostics (as the user gave it).
    public var displayPrefix: String

    public init(contentDirectory: URL, displayPrefix: String) {
        self.contentDirectory = contentDirectory
        self.displayPrefix = displayPrefix
    }

    /// Reads the configuration and every Markdown file, except those `vouched` for: a file listed
    /// with the stamp it had when the build cache last saw it read is not read again.
    public func load(vouched: SourceStamps? = nil) throws -> ContentTree {
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: contentDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure(.error(zh: "内容文件夹不存在：先用 lantai init 新建门户，或者用 --content 文件夹 指定内容所在的文件夹", en: "the content folder does not exist; create it or pass --content DIR", in: displayPrefix))
        }

        var config = SiteConfig()
        if let (text, path) = readOptional(SiteConfig.fileName, into: &diagnostics) {
            let (parsed, problems) = SiteConfig.parse(text, path: path)
            config = parsed
            diagnostics += problems
        }
        var catalog = ContentTree.defaultCatalog
        if let (text, path) = readOptional(TopicCatalog.fileName, into: &diagnostics) {
            let (parsed, problems) = TopicCatalog.parse(text, path: path)
            catalog = parsed
            diagnostics += problems
        }

        let listedAt = Int(Date().timeIntervalSince1970)
        var markdown: [String] = []
        var unread: [UnreadSource] = []
        var stamps: [String: FileTree.Stamp] = [:]
        var staticFiles: [String] = []
        for (relativePath, stamp) in FileTree.files(under: contentDirectory) {
            if ContentTree.configurationFiles.contains(relativePath) { continue }
            guard relativePath.hasSuffix(".md") else {
                staticFiles.append(relativePath)
                continue
            }
            stamps[relativePath] = stamp
            if let record = vouched?.records[relativePath], record.stamp == stamp {
                unread.append(UnreadSource(displayPath: display(relativePath), relativePath: relativePath, textHash: record.textHash))
            } else {
                markdown.append(relativePath)
            }
        }
        // Read and decoded on every core: ten thousand files read one by one took seconds.
        var sources: [SourceFile] = []
        for result in Parallel.map(markdown, { source(reading: $0) }) {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return ContentTree(config: config, catalog: catalog, sources: sources, unread: unread, stamps: stamps, listedAt: listedAt,
                           staticFiles: staticFiles, diagnostics: diagnostics)
    }

    /// One Markdown file of the content folder, read as `load` reads it; nil when it cannot be
    /// read or is not UTF-8 (the next full load reports why).
    public func source(at relativePath: String) -> SourceFile? {
        try? source(reading: relativePath).get()
    }

    /// One Markdown file of the content folder read, or why it cannot be.
    public func source(reading relativePath: String) -> Result<SourceFile, Diagnostic> {
        read(relativePath).map { SourceFile(displayPath: display(relativePath), relativePath: relativePath, text: $0) }
    }

    /// Content-relative paths of every regular file, sorted (`FileTree`: hidden files and
    /// folders skipped, a link to a file counts as the file).
    func listFiles() -> [String] {
        FileTree.files(under: contentDirectory).map(\.path)
    }

    private func display(_ relativePath: String) -> String {
        displayPrefix.hasSuffix("/") ? displayPrefix + relativePath : displayPrefix + "/" + relativePath
    }

    private func readOptional(_ name: String, into diagnostics: inout [Diagnostic]) -> (String, String)? {
        let path = display(name)
        guard FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent(name).path) else { return nil }
        switch read(name) {
        case .success(let text): return (SourceFile.normalizeNewlines(text), path)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Reads a file as UTF-8; anything else is reported with the offset of the first bad byte.
    private func read(_ relativePath: String) -> Result<String, Diagnostic> {
        let path = display(relativePath)
        guard let data = FileManager.default.contents(atPath: contentDirectory.appendingPathComponent(relativePath).path) else {
            return .failure(.error(zh: "读不了这个文件：检查文件是否存在、有没有读取权限", en: "cannot read this file", in: path))
        }
        return TextDecoding.utf8(data, path: path)
    }
}

/// Strict UTF-8 decoding with a diagnostic that points at the first bad byte.
public enum TextDecoding {
    public static func utf8(_ data: Data, path: String) -> Result<String, Diagnostic> {
        // Over the raw bytes: iterating `Data` byte by byte cost seconds for ten thousand files.
        let (nul, text) = data.withUnsafeBytes { raw -> (Int?, String?) in
            guard let base = raw.baseAddress, raw.count > 0 else { return (nil, "") }
            if let found = memchr(base, 0, raw.count) { return (base.distance(to: UnsafeRawPointer(found)), nil) }
            return (nil, String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self))
        }
        if let offset = nul {
            return .failure(.error(zh: "文件第 \(offset) 字节处有空字符（NUL）：它不是文本文件；Word、PDF 等文件请用 lantai import 导入", en: "the file contains a NUL byte at byte offset \(offset); it is not a text file",
                                   in: path, at: location(ofByte: offset, in: data)))
        }
        if let text { return .success(text) }
        let offset = firstInvalidByte(in: data) ?? 0
        return .failure(.error(zh: "文件不是 UTF-8 编码（第 \(offset) 字节处）：用编辑器另存为 UTF-8，或者用 lantai import 导入（它能读 GBK/GB18030 和 Big5）", en: "the file is not valid UTF-8 (byte offset \(offset)); save it as UTF-8 or bring it in with 'lantai import', which reads GB18030",
                               in: path, at: location(ofByte: offset, in: data)))
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidByte(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let sequence = Array(bytes[index..<(index + length)])
            if String(validating: sequence, as: UTF8.self) == nil { return index }
            index += length
        }
        return nil
    }

    /// Line and character column of a byte offset, counting only the valid text before it.
    private static func location(ofByte offset: Int, in data: Data) -> SourceLocation {
        let prefix = String(decoding: data.prefix(offset), as: UTF8.self)
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        return SourceLocation(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }
}
