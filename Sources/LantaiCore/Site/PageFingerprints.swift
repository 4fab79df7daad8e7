import Foundation

/// What every page of the last build (and `data/topics.json`) was made from: per page path,
/// the hash and size of its inputs (its view's `Fingerprint`, its template's name and the theme). A page
/// whose inputs are unchanged and whose file is still in the output is not rendered again: the
/// render is a function of exactly these inputs.
///
/// Kept in the build cache's state; a rebuilt lantai (which might render the same view
/// differently) finds no state.
final class PageFingerprints: @unchecked Sendable {
    /// The previous build's, nil when there are none to trust.
    let previous: OutputManifest?
    private let lock = NSLock()
    private var made = OutputManifest()
    private var carried = 0

    init(previous: OutputManifest?) {
        self.previous = previous
    }

    /// The fingerprint of a page's inputs (`PlannedPage.inputs`).
    static func of(_ page: PlannedPage, theme: Theme) -> OutputManifest.Entry {
        var fingerprint = Fingerprint()
        fingerprint.add(page.inputs)
        fingerprint.add(page.template)
        fingerprint.add(theme.fingerprint)
        return OutputManifest.Entry(hash: fingerprint.hash, size: fingerprint.size)
    }

    /// Records the page's fingerprint. When the previous build made the page from the same
    /// inputs and its file is still in the output, carries that file over and returns true: the
    /// page need not be rendered.
    func carryOver(_ page: PlannedPage, theme: Theme, sink: OutputSink) -> Bool {
        guard carryOver(page.path, inputs: Self.of(page, theme: theme), sink: sink) else { return false }
        lock.withLock { carried += 1 }
        return true
    }

    /// Records the page's fingerprint without carrying anything over: the page is made anew
    /// (a document page whose body reports diagnostics, which every build reports).
    func record(_ page: PlannedPage, theme: Theme) {
        let entry = Self.of(page, theme: theme)
        lock.withLock { made.entries[page.path] = entry }
    }

    /// The same for any file the build makes from inputs it can fingerprint (`data/topics.json`).
    func carryOver(_ path: String, inputs entry: OutputManifest.Entry, sink: OutputSink) -> Bool {
        lock.withLock { made.entries[path] = entry }
        return previous?.entries[path] == entry && sink.keep(path)
    }

    /// Pages carried over so far.
    var carriedOver: Int { lock.withLock { carried } }

    /// Forgets a page, so the next build renders it whatever its inputs (its render failed).
    func forget(_ path: String) {
        lock.withLock { made.entries[path] = nil }
    }

    /// Every page's fingerprint recorded so far.
    var recorded: OutputManifest { lock.withLock { made } }
}
