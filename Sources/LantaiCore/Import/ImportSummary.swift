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
    public static func text(_ result: ImportResult, files: [ImportedFile], listRemovals: Bool, language: Language = .en) -> String {
        let zh = language == .zh
        let removed = result.removals.filter { !$0.movedToFrontMatter }.count
        let speeches = result.speeches.count == 1 ? "1 speech" : "\(result.speeches.count) speeches"
        var lines = [zh ? "\(result.sourceName)：\(result.encoding)，\(result.speeches.count) 篇，去掉 \(removed) 处"
                        : "\(result.sourceName): \(result.encoding), \(speeches), \(removed) removals"]
        for file in files {
            let verb: String
            switch file.outcome {
            case .written: verb = zh ? "写入" : "wrote"
            case .unchanged: verb = zh ? "没有变化" : "unchanged"
            case .planned: verb = zh ? "将写入" : "would write"
            case .replaced(let backup): verb = zh ? "替换（原文件留作 \(backup)）" : "replaced (old file kept as \(backup))"
            case .alreadyImported: verb = zh ? "已经导入过，在" : "already imported as"
            case .retired(let backup): verb = zh ? "被这次导入替换，原文件留作 \(backup)：" : "replaced by this import, old file kept as \(backup):"
            }
            lines.append(file.title.isEmpty ? "  \(verb) \(file.path)" : "  \(verb) \(file.path)  \(file.title)")
        }
        if files.contains(where: { $0.outcome == .alreadyImported }) {
            lines.append(zh ? "  （要重新导入并替换它们，加上 --force）" : "  (to import it again and replace them, add --force)")
        }
        if listRemovals {
            for removal in result.removals {
                let place = removal.wholeLine ? (zh ? "第 \(removal.line) 行" : "line \(removal.line)") : "\(removal.line):\(removal.column)"
                let rule = zh ? ruleName(removal.rule) : removal.rule
                let verb = removal.movedToFrontMatter ? (zh ? "移到开头的设置" : "moved to front matter") : (zh ? "去掉" : "removed")
                lines.append(zh ? "  \(verb) \(place)（\(rule)）：\(removal.text)" : "  \(verb) \(place) \(rule): \(removal.text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The built-in rules' names in Chinese; a maintainer's own rules are shown as they named them.
    static let chineseRuleNames: [String: String] = [
        "anti-scraping junk": "防采集乱码", "outside the article": "正文以外", "repeated title": "重复的标题", "separator": "分隔线",
        "hidden-content notice": "隐藏内容提示", "truncation notice": "篇幅提示", "read-more link": "查看更多链接", "login prompt": "登录提示",
        "navigation bar": "导航栏", "breadcrumb": "当前位置", "publication details": "发布信息", "page controls": "页面按钮",
        "share buttons": "分享按钮", "editor": "责任编辑", "previous and next links": "上一篇下一篇", "QR code": "二维码",
        "site footer": "网站底部信息", "page number": "页码", "running header or footer": "页眉页脚", "related-links box": "相关文章框",
        "ranking box": "排行框", "table border": "表格边线", "subtitle": "副标题", "speaker": "讲话人", "date": "日期",
        "organization": "单位", "empty": "空行",
    ]

    static func ruleName(_ rule: String) -> String {
        if let name = chineseRuleNames[rule] { return name }
        let suffix = " in a box of links"
        if rule.hasSuffix(suffix) { return "链接框里的" + ruleName(String(rule.dropLast(suffix.count))) }
        return rule
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
    public func line(dryRun: Bool, language: Language = .en) -> String {
        if language == .zh {
            return "共 \(sources) 个文件、\(speeches) 篇：\(dryRun ? "将写入" : "写入") \(written) 篇，没有变化 \(unchanged) 篇，已经导入过 \(alreadyImported) 篇，失败 \(failed) 个"
        }
        let files = sources == 1 ? "1 file" : "\(sources) files"
        let speechCount = speeches == 1 ? "1 speech" : "\(speeches) speeches"
        return "\(files), \(speechCount): \(written) \(dryRun ? "to write" : "written"), \(unchanged) unchanged, \(alreadyImported) already imported, \(failed) failed"
    }
}
