import ArgumentParser
import Foundation
import LantaiCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn the files people hold (text in UTF-8, UTF-16, GB18030 or Big5; Word .docx; PDF; saved web pages) into clean Markdown documents.")

    @Argument(help: "Files, or folders of them.")
    var sources: [String]

    @Option(help: "The folder the Markdown files go to.")
    var into = "content/speeches"

    @Option(help: "Extra cleaning rules (default: content/import.yml when it exists).")
    var rules: String?

    @Flag(help: "Show what would be written; write nothing.")
    var dryRun = false

    @Flag(help: "Replace files that exist, keeping a hidden backup of each.")
    var force = false

    @Flag(help: "List every removed line and fragment, per file.")
    var report = false

    @Flag(help: "Keep half-width punctuation in Chinese text as it is.")
    var keepPunctuation = false

    @Option(help: "The files' encoding, when lantai cannot tell it: utf-8, utf-16le, utf-16be, gb18030 or big5.")
    var encoding: String?

    func validate() throws {
        if let encoding, !ImportDecoder.forcible.contains(encoding.lowercased()) {
            throw ValidationError("unknown encoding '\(encoding)'; use one of: \(ImportDecoder.forcible.joined(separator: ", "))")
        }
    }

    func run() throws {
        var importRules = ImportRules.defaults()
        let rulesPath = rules ?? (FileManager.default.fileExists(atPath: "content/\(ImportRules.fileName)") ? "content/\(ImportRules.fileName)" : nil)
        if let rulesPath {
            guard let text = try? String(contentsOfFile: rulesPath, encoding: .utf8) else {
                Terminal.printError("\(rulesPath): error: cannot read the rules file")
                throw ExitCode.failure
            }
            let problems = importRules.add(yaml: text, path: rulesPath)
            if !problems.isEmpty {
                problems.forEach { Terminal.printError($0.description) }
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
                Terminal.printError("\(path): error: cannot read the file")
                tally.addFailure()
                continue
            }
            switch importer.importFile([UInt8](data), name: path) {
            case .failure(let diagnostic):
                Terminal.printError(diagnostic.description)
                tally.addFailure()
            case .success(let result):
                let (files, problems) = writer.write(result, usedNames: &usedNames)
                print(ImportSummary.text(result, files: files, listRemovals: report))
                problems.forEach { Terminal.printError($0.description) }
                tally.add(result, files: files, problems: problems.count)
            }
        }
        print(tally.line(dryRun: dryRun))
        if tally.failed > 0 { throw ExitCode.failure }
    }
}
