import Foundation

/// Pages rendered quickly after an edit (`PagePreview`), served in place of the output's files
/// until a full build that read the edit has published the whole site again. Each set of pages
/// carries the number of its preview, so a build removes only the ones made before it started.
final class PreviewPages: @unchecked Sendable {
    private let lock = NSLock()
    /// Absolute file path in the output → the page's bytes and the number of its preview.
    private var pages: [String: (bytes: Data, number: Int)] = [:]

    /// Adds the pages of preview `number`, replacing older quick pages of the same paths.
    func add(_ added: [String: Data], number: Int) {
        lock.withLock {
            for (path, bytes) in added { pages[path] = (bytes, number) }
        }
    }

    /// Removes the pages of previews up to `number`.
    func remove(through number: Int) {
        lock.withLock { pages = pages.filter { $0.value.number > number } }
    }

    func page(at path: String) -> Data? {
        lock.withLock { pages[path]?.bytes }
    }
}
