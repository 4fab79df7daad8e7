import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Says when the watched folders may have changed; what changed is still found by comparing
/// `FolderSnapshot`s. On Linux the kernel tells at once (inotify), and nothing runs while the
/// folders are quiet; a snapshot every few seconds still catches what inotify cannot see
/// (folders on a network share). Elsewhere, or when inotify is refused, it polls.
///
/// At 10,000 files, polling every 250 ms and waiting one more interval for the save to settle
/// put 0.6–0.8 s between a save and its preview; with inotify the wait is the settle time plus
/// one snapshot (about 40 ms).
final class FolderWatcher: @unchecked Sendable {
    /// With inotify: quiet this long after an event means the save is complete.
    static let settleMilliseconds: Int32 = 50
    /// With inotify: a snapshot this often anyway.
    static let fallbackMilliseconds: Int32 = 2000

    let folders: [URL]
    let pollInterval: Duration
    private var descriptor: Int32 = -1
    private var watchedFolders: Set<String> = []

    init(folders: [URL], pollInterval: Duration) {
        self.folders = folders
        self.pollInterval = pollInterval
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        if descriptor >= 0 { watchNewFolders() }
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the kernel reports changes (else the caller must let a save settle itself).
    var notifies: Bool { descriptor >= 0 }

    /// Returns when it is time to take a snapshot: after a burst of events has ended, after
    /// `fallbackMilliseconds` without any, or (polling) after one interval.
    func nextLook() async throws {
        guard notifies else {
            try await Task.sleep(for: pollInterval)
            return
        }
        // Short waits, so that a cancelled serve loop ends within half a second.
        var waited: Int32 = 0
        while waited < Self.fallbackMilliseconds {
            try Task.checkCancellation()
            if await Blocking.run({ self.wait(milliseconds: 500) }) {
                while await Blocking.run({ self.wait(milliseconds: Self.settleMilliseconds) }) {}
                return
            }
            waited += 500
        }
    }

    /// Blocks until an event arrives or `milliseconds` pass; reads every pending event and
    /// returns whether there was one. A new folder gets a watch of its own.
    private func wait(milliseconds: Int32) -> Bool {
        #if os(Linux)
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        var folderAppeared = false
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
            let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { folderAppeared = true }
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { folderAppeared = true }
            offset += MemoryLayout<inotify_event>.size + Int(event.len)
        }
        if folderAppeared { watchNewFolders() }
        return true
        #else
        return false
        #endif
    }

    /// Adds a watch on every folder under the watched ones that has none yet.
    private func watchNewFolders() {
        #if os(Linux)
        let mask = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
            | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        for folder in folders {
            let base = folder.resolvingSymlinksInPath().path
            var paths = [base]
            if let enumerator = FileManager.default.enumerator(atPath: base) {
                for case let path as String in enumerator {
                    var status = stat()
                    if stat(base + "/" + path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { paths.append(base + "/" + path) }
                }
            }
            for path in paths where !watchedFolders.contains(path) {
                if inotify_add_watch(descriptor, path, mask) >= 0 { watchedFolders.insert(path) }
            }
        }
        #endif
    }
}
