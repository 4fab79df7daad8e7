import Foundation

/// Seconds spent in the named parts of a stage, for `build --verbose`.
public struct PartTimes: Sendable {
    public private(set) var parts: [(name: String, seconds: Double)] = []

    public init() {}

    /// A part that began at `start` and ends now.
    public mutating func record(_ name: String, since start: Date) {
        parts.append((name, Date().timeIntervalSince(start)))
    }

    /// `related 1.20 s, similar 0.84 s`
    public var summary: String {
        parts.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", ")
    }
}
