import ArgumentParser
import Foundation
import LantaiCore

/// `--lang`, which every command takes: Simplified Chinese unless `--lang en` or an English locale.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(localized("说明和提示的语言：zh（简体中文，默认）或 en（英文）", "The language of messages: zh (Simplified Chinese, the default) or en.")))
    var lang: String?

    var language: Language { Language.resolve(option: lang) }

    func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}

/// Help text in the language the process was asked for (`--lang`, else the locale), chosen before
/// the arguments are parsed.
func localized(_ zh: String, _ en: String) -> String {
    Language.ofProcess() == .zh ? zh : en
}

extension Terminal {
    /// Each diagnostic on its own line of standard error, in the language.
    static func print(_ diagnostics: [Diagnostic], _ language: Language) {
        for diagnostic in diagnostics { printError(diagnostic.description(in: language)) }
    }

    static func print(_ failure: BuildFailure, _ language: Language) {
        printError(failure.description(in: language))
    }

    /// A problem with the command line itself: `lantai search: 错误：…`.
    static func printProblem(_ command: String, _ message: Message, _ language: Language) {
        printError("lantai \(command): \(Diagnostic.Severity.error.word(language))\(language == .zh ? "：" : ": ")\(message.text(language))")
    }
}
