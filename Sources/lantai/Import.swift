import ArgumentParser
import Foundation
import LantaiCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: localized("把手头的材料（UTF-8、UTF-16、GBK/GB18030、Big5 文本，Word .docx，PDF，保存的网页）导入成整洁的 Markdown 文稿",
                            "Turn the files people hold (text in UTF-8, UTF-16, GB18030 or Big5; Word .docx; PDF; saved web pages) into clean Markdown documents."))

    @Argument(help: ArgumentHelp(localized("要导入的文件，或放着它们的文件夹", "Files, or folders of them.")))
    var sources: [String]

    @Option(help: ArgumentHelp(localized("导入的 Markdown 文稿放在哪个文件夹", "The folder the Markdown files go to.")))
    var into = "content/speeches"

    @Option(help: ArgumentHelp(localized("额外的清理规则（默认：有 content/import.yml 时用它）", "Extra cleaning rules (default: content/import.yml when it exists).")))
    var rules: String?

    @Flag(help: ArgumentHelp(localized("只显示会写入什么，不写任何文件", "Show what would be written; write nothing.")))
    var dryRun = false

    @Flag(help: ArgumentHelp(localized("替换已有的文件（每个都留一份隐藏的备份）", "Replace files that exist, keeping a hidden backup of each.")))
    var force = false

    @Flag(help: ArgumentHelp(localized("逐条列出每个文件去掉了什么", "List every removed line and fragment, per file.")))
    var report = false

    @Flag(help: ArgumentHelp(localized("中文里的半角标点保持原样，不改成全角", "Keep half-width punctuation in Chinese text as it is.")))
    var keepPunctuation = false

    @Option(help: ArgumentHelp(localized("lantai 判断不出编码时指定：utf-8、utf-16le、utf-16be、gb18030 或 big5", "The files' encoding, when lantai cannot tell it: utf-8, utf-16le, utf-16be, gb18030 or big5.")))
    var encoding: String?

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        if let encoding, !ImportDecoder.forcible.contains(encoding.lowercased()) {
            throw ValidationError(lang.say("不认识编码“\(encoding)”：可用的有 \(ImportDecoder.forcible.joined(separator: "、"))",
                                           "unknown encoding '\(encoding)'; use one of: \(ImportDecoder.forcible.joined(separator: ", "))"))
        }
    }

    func run() throws {
        var importRules = ImportRules.defaults()
        let rulesPath = rules ?? (FileManager.default.fileExists(atPath: "content/\(ImportRules.fileName)") ? "content/\(ImportRules.fileName)" : nil)
        if let rulesPath {
            guard let text = try? String(contentsOfFile: rulesPath, encoding: .utf8) else {
                Terminal.printError(Diagnostic.error(zh: "读不了这个规则文件", en: "cannot read the rules file", in: rulesPath).description(in: lang.language))
                throw ExitCode.failure
            }
            let problems = importRules.add(yaml: text, path: rulesPath)
            if !problems.isEmpty {
                Terminal.print(problems, lang.language)
                throw ExitCode.failure
            }
        }
        let importer = Importer(rules: importRules, options: ImportOptions(keepPunctuation: keepPunctuation, encoding: encoding))
        // Earlier imports are looked for in the whole content folder when the target is inside it.
        let searched = into == "content" || into.hasPrefix("content/") ? "content" : into
        var writer = ImportWriter(folder: URL(fileURLWithPath: into), displayFolder: into, force: force, dryRun: dryRun,
                                  previous: PreviousImports.scan(URL(fileURLWithPath: searched), display: searched))
        var usedNames: Set<String> = []
        var tally = ImportTally()
        for path in ImportSources.expand(sources) {
            guard let data = FileManager.default.contents(atPath: path) else {
                Terminal.printError(Diagnostic.error(zh: "读不了这个文件：检查它是否存在、有没有读取权限", en: "cannot read the file", in: path).description(in: lang.language))
                tally.addFailure()
                continue
            }
            switch importer.importFile([UInt8](data), name: path) {
            case .failure(let diagnostic):
                Terminal.printError(diagnostic.description(in: lang.language))
                tally.addFailure()
            case .success(let result):
                let (files, problems) = writer.write(result, usedNames: &usedNames)
                print(ImportSummary.text(result, files: files, listRemovals: report, language: lang.language))
                Terminal.print(problems, lang.language)
                tally.add(result, files: files, problems: problems.count)
            }
        }
        print(tally.line(dryRun: dryRun, language: lang.language))
        if tally.failed > 0 { throw ExitCode.failure }
    }
}
