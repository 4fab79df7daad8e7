import Foundation

/// What the preview server tells open pages: a new site was built, or the last build failed.
public enum BuildEvent: Sendable, Equatable {
    case built(version: Int)
    case failed(version: Int, message: String)

    public var version: Int {
        switch self {
        case .built(let version), .failed(let version, _): version
        }
    }

    /// The event as server-sent events write it: `event:` then one `data:` line per text line.
    public var serverSentEvent: String {
        switch self {
        case .built(let version):
            return "event: reload\ndata: \(version)\n\n"
        case .failed(_, let message):
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
            return "event: failure\n" + lines.joined(separator: "\n") + "\n\n"
        }
    }
}

/// Hands each build's event to every open page.
///
/// A page says which build it was served from (`since`): a page that connects after a newer
/// build, or while the last build has failed, hears about it at once instead of waiting for the
/// next change.
public actor ReloadEvents {
    private var subscribers: [Int: AsyncStream<BuildEvent>.Continuation] = [:]
    private var nextSubscriber = 0
    public private(set) var latest: BuildEvent = .built(version: 0)
    private var closed = false

    public init() {}

    public func subscribe(since version: Int) -> AsyncStream<BuildEvent> {
        let (stream, continuation) = AsyncStream<BuildEvent>.makeStream()
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        if latest.version > version || { if case .failed = latest { return true } else { return false } }() {
            continuation.yield(latest)
        }
        return stream
    }

    /// Ends every stream, and those asked for later: the server is stopping, and an open stream
    /// would keep its graceful shutdown waiting forever.
    public func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    public func publish(_ event: BuildEvent) {
        latest = event
        for continuation in subscribers.values { continuation.yield(event) }
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    public var subscriberCount: Int { subscribers.count }
}
