import Foundation

/// Where a stage puts the files it makes: the one thing Search and the site's data files know
/// of the output. The build hands them its staging sink (`OutputSink`); what happens to the
/// bytes next (hashing into the manifest, skipping unchanged files, publishing) is not theirs.
public protocol OutputFiles: AnyObject, Sendable {
    /// Writes `contents` at `path` (relative, `/`-separated), from any thread.
    func write(_ contents: some ContiguousBytes, to path: String)
    /// Every file of the output this build updates; nil when it writes everything.
    var previousPaths: [String]? { get }
    /// Carries the previous output's files at `paths` over as they are, or none of them when one
    /// cannot be: true when all were.
    func keep(_ paths: [String]) -> Bool
    /// The bytes the previous build wrote at `path`, nil when it did not or they were changed since.
    func previousContents(_ path: String) -> [UInt8]?
}

extension OutputFiles {
    public func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }
}
