import Foundation

/// Where a long build is: which stage, and how many of its items are done. The command line
/// draws it as a bar on a terminal; `lantai serve` and pipes do without.
public struct BuildProgress: Sendable, Equatable {
    public var stage: Int
    public var stageCount: Int
    public var name: String
    public var done: Int
    public var total: Int
    /// What is counted: documents, pages.
    public var unit: String

    public init(stage: Int, stageCount: Int, name: String, done: Int, total: Int, unit: String) {
        (self.stage, self.stageCount, self.name, self.done, self.total, self.unit) = (stage, stageCount, name, done, total, unit)
    }

    /// `[4/6] render ████████░░░░░░░░  6512/10035 pages`, the bar `width` cells wide.
    public func line(width: Int = 24) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "[\(stage)/\(stageCount)] \(name) \(bar) \(done)/\(total) \(unit)"
    }
}

/// Counts items done from many threads and reports at most ten times a second (and at the end).
final class ProgressCounter: @unchecked Sendable {
    private let report: @Sendable (BuildProgress) -> Void
    private let lock = NSLock()
    private var progress: BuildProgress
    private var lastReport = Date.distantPast

    init(_ progress: BuildProgress, report: @escaping @Sendable (BuildProgress) -> Void) {
        self.progress = progress
        self.report = report
        report(progress)
    }

    func tick() {
        let due: BuildProgress? = lock.withLock {
            progress.done += 1
            let now = Date()
            guard progress.done == progress.total || now.timeIntervalSince(lastReport) >= 0.1 else { return nil }
            lastReport = now
            return progress
        }
        if let due { report(due) }
    }
}
