import Foundation

/// Times the stages of one run and logs a line for each (`[2/6] parse: 120 documents in 0.04 s`).
final class StageLog {
    let count: Int
    let log: @Sendable (String) -> Void
    private(set) var times: [(name: String, seconds: Double)] = []

    let language: Language

    init(count: Int, language: Language = .en, log: @escaping @Sendable (String) -> Void) {
        self.count = count
        self.language = language
        self.log = log
    }

    func run<T>(_ name: String, _ work: () throws -> (T, String)) rethrows -> T {
        let start = Date()
        let (value, detail) = try work()
        let seconds = Date().timeIntervalSince(start)
        times.append((name, seconds))
        let time = String(format: "%.3f", seconds)
        let shown = SiteBuilder.stageNames[name]?.text(language) ?? name
        log(language == .zh ? "[\(times.count)/\(count)] \(shown)：\(detail)，用时 \(time) 秒" : "[\(times.count)/\(count)] \(shown): \(detail) in \(time) s")
        return value
    }
}
