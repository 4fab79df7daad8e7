import Foundation

/// Hands freed memory back to the system between stages.
///
/// A build allocates and frees a great deal while it parses and renders on every core; glibc
/// keeps what was freed inside its heaps, so the process's resident size stays at the high-water
/// mark of each stage even after the stage's temporaries are gone. `malloc_trim` releases the
/// free pages in every heap; the build calls it after each stage that leaves much garbage
/// (parse, analyze, render). Looked up at run time: it is glibc's alone.
enum MemoryTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    static func releaseFreedPages() {
        _ = trim?(0)
    }
}
