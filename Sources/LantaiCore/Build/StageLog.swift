import Foundation

/// Times the stages of one run and logs a line for each (`[2/6] parse: 120 documents in 0.04 s`).
final class StageLog {
    let count: Int
    let log: @Sendable (String) -> Void
    private(set) var times: [(name: String, seconds: Double)] = []

    init(count: Int, log: @escaping @Sendable (String) -> Void) {
        self.count = count
        self.log = log
    }

    func run<T>(_ name: String, _ work: () throws -> (T, String)) rethrows -> T {
        let start = Date()
        let (value, detail) = try work()
        let seconds = Date().timeIntervalSince(start)
        times.append((name, seconds))
        log("[\(times.count)/\(count)] \(name): \(detail) in \(String(format: "%.3f", seconds)) s")
        return value
    }
}
