import Foundation

/// Named points where a test may have the process killed, to check what a crash there leaves:
/// `LANTAI_FAILPOINT=publish-move:3` sends SIGKILL the third time `publish-move` is passed.
/// Without the variable (every real run) a pass is one comparison.
enum Failpoint {
    private static let armed: (name: String, count: Int)? = {
        guard let value = ProcessInfo.processInfo.environment["LANTAI_FAILPOINT"],
              let colon = value.lastIndex(of: ":"), let count = Int(value[value.index(after: colon)...]), count > 0 else { return nil }
        return (String(value[..<colon]), count)
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var passes = 0

    static func pass(_ name: String) {
        guard let armed, armed.name == name else { return }
        let reached = lock.withLock { () -> Bool in
            passes += 1
            return passes == armed.count
        }
        if reached { kill(getpid(), SIGKILL) }
    }
}
