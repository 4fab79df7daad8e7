import Foundation

/// Holds large values a function is done with and lets them go on a thread of their own.
///
/// Freeing what a build of 10,000 documents holds (every paragraph's text, the output's manifest)
/// took a fifth of a second after the build was over; `lantai build` exits without waiting for
/// it, and `lantai serve` goes on serving meanwhile. The values must not be used after they are
/// handed over (they are not: the holder is filled only when they are done with).
final class LaterRelease: @unchecked Sendable {
    private var values: [any Sendable] = []

    func hold(_ value: any Sendable) {
        values.append(value)
    }

    /// Hands everything held to a new thread, which releases it.
    func releaseInBackground() {
        guard !values.isEmpty else { return }
        var handed: [any Sendable] = []
        swap(&handed, &values)
        Thread.detachNewThread { [handed] in
            withExtendedLifetime(handed) {}
        }
    }
}
