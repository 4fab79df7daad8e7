import Foundation

/// The languages the command line and its messages speak: Simplified Chinese by default, English
/// on request.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case zh
    case en

    /// `--lang` when given (`en`, `zh`, `zh-CN`, `english`…); otherwise English when the locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) is an English one, Chinese for any other or none.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let option { return option.lowercased().hasPrefix("en") ? .en : .zh }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .zh
        }
        return .zh
    }

    /// The language a process was asked for on its command line (`--lang X`, `--lang=X`) or by
    /// its locale, read before the arguments are parsed, so help text can speak it too.
    public static func ofProcess(arguments: [String] = CommandLine.arguments, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        var option: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { option = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { option = String(argument.dropFirst("--lang=".count)) }
        }
        return resolve(option: option, environment: environment)
    }
}

/// Words for a person, in each language: what a diagnostic says, what a command prints.
public struct Message: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}
