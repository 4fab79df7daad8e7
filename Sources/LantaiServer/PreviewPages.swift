import Foundation

/// Pages rendered quickly after an edit (`PagePreview`), served in place of the output's files
/// until the full build that follows has published the whole site again.
final class PreviewPages: @unchecked Sendable {
    private let lock = NSLock()
    /// Absolute file path in the output → the page's bytes.
    private var pages: [String: Data] = [:]

    func replace(with pages: [String: Data]) {
        lock.withLock { self.pages = pages }
    }

    func clear() {
        replace(with: [:])
    }

    func page(at path: String) -> Data? {
        lock.withLock { pages[path] }
    }
}
